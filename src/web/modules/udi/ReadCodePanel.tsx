import { ScanOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Input, Row, Spin, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isUdiVerdict, parseUdi, useRecentScans, type UdiScan } from '../../api/udi.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { RecentScans } from './RecentScans.tsx';
import { ScanError } from './ScanError.tsx';
import { SymbolPreview } from './SymbolPreview.tsx';
import { UdiResult } from './UdiResult.tsx';

/** The largest input the API reads (udiDataSchema). */
const MAX_DATA_LENGTH = 2000;

/**
 * One input for handheld scanners (keyboard wedge: the data, then Enter) and
 * for people typing or pasting; the answer below, recent scans beside it.
 */
export function ReadCodePanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const recent = useRecentScans();
  const inputRef = useRef<InputRef>(null);
  const [input, setInput] = useState('');
  const [selectedId, setSelectedId] = useState<number | undefined>(recent.scans[0]?.id);
  const parse = useMutation({ mutationFn: parseUdi });

  const selected = recent.scans.find((scan) => scan.id === selectedId);

  function submit() {
    // Sent exactly as given: the server's error positions count in this string.
    const data = input;
    if (!data.trim() || parse.isPending) return;
    const scannedAt = Date.now();
    parse.mutate(data, {
      onSuccess: (udi) => {
        setSelectedId(recent.add({ input: data, scannedAt, result: { ok: true, udi } }).id);
      },
      onError: (error) => {
        if (isUdiVerdict(error)) {
          setSelectedId(recent.add({ input: data, scannedAt, result: { ok: false, error } }).id);
        }
      },
      // Selected, the next scan replaces the data, while a person can still edit it.
      onSettled: () => inputRef.current?.select(),
    });
  }

  function show(scan: UdiScan) {
    parse.reset();
    setSelectedId(scan.id);
    inputRef.current?.focus();
  }

  // A failure to ask (network, server error) is not a verdict on the code: shown, not listed.
  const failure = parse.isError && !isUdiVerdict(parse.error) ? parse.error : null;

  return (
    <Flex vertical gap={16}>
      <Card size="small" className="udi-scan-card">
        <label htmlFor="udi-input" className="udi-input-label">
          {t('udi.read.inputLabel')}
        </label>
        <Flex gap={8}>
          <Input
            id="udi-input"
            ref={inputRef}
            size="large"
            autoFocus
            allowClear
            autoComplete="off"
            spellCheck={false}
            maxLength={MAX_DATA_LENGTH}
            className="mono udi-input"
            prefix={<ScanOutlined className="udi-input-icon" aria-hidden />}
            placeholder={t('udi.read.placeholder')}
            value={input}
            onChange={(event) => setInput(event.target.value)}
            onPressEnter={(event) => {
              // Enter that ends an IME composition is not a submit.
              if (!event.nativeEvent.isComposing) submit();
            }}
            data-testid="udi-input"
          />
          <Button
            type="primary"
            size="large"
            loading={parse.isPending}
            disabled={!input.trim()}
            onClick={submit}
            data-testid="udi-submit"
          >
            {t('udi.read.submit')}
          </Button>
        </Flex>
        <Typography.Text type="secondary" className="udi-input-hint">
          {t('udi.read.hint')}
        </Typography.Text>
      </Card>

      {failure && <ProblemAlert error={failure} onRetry={submit} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={t('udi.read.resultTitle')}
            extra={
              selected && (
                <Typography.Text type="secondary" className="nowrap">
                  {t('udi.read.scannedAt', { time: formatTime(selected.scannedAt, language) })}
                </Typography.Text>
              )
            }
          >
            <Spin spinning={parse.isPending} description={t('udi.read.reading')}>
              {selected ? (
                selected.result.ok ? (
                  <UdiResult udi={selected.result.udi} input={selected.input} />
                ) : (
                  <ScanError error={selected.result.error} input={selected.input} />
                )
              ) : (
                <ScanHelp />
              )}
            </Spin>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <SymbolPreview udi={selected?.result.ok ? selected.result.udi : undefined} />
            <RecentScans
              scans={recent.scans}
              selectedId={selected?.id}
              onSelect={show}
              onClear={() => {
                recent.clear();
                setSelectedId(undefined);
                inputRef.current?.focus();
              }}
            />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

/** Before the first scan: what can be read. */
function ScanHelp() {
  const { t } = useTranslation();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid="udi-empty"
      description={
        <div className="udi-help">
          <Typography.Text strong>{t('udi.read.emptyTitle')}</Typography.Text>
          <ul>
            <li>
              {t('udi.read.formats.gs1')}
              <div className="mono udi-help-example">
                (01)09506000134352(17)271231(10)LOT42(21)SN0001
              </div>
            </li>
            <li>
              {t('udi.read.formats.digitalLink')}
              <div className="mono udi-help-example">
                https://id.gs1.org/01/09506000134352/10/LOT42?17=271231
              </div>
            </li>
            <li>
              {t('udi.read.formats.hibc')}
              <div className="mono udi-help-example">+A123BJC5D6E71G</div>
            </li>
          </ul>
        </div>
      }
    />
  );
}

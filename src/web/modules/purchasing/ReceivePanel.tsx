import {
  CheckCircleFilled,
  ExclamationCircleFilled,
  ScanOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Row,
  Segmented,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { DescriptionsProps, InputRef, TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocations } from '../../api/plant.ts';
import {
  RECEIVABLE_STATUSES,
  previewReceiptScan,
  usePurchaseOrder,
  useReceive,
  type CreateReceiptInput,
  type PurchaseOrderDetail,
  type PurchaseOrderLine,
  type Receipt,
  type ReceiptScanPreview,
} from '../../api/purchasing.ts';
import { isTranslatedCode } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { CertificateFileInput, certificateFileRule } from '../partners/CertificateDrawer.tsx';
import { certificateUpload } from '../partners/certificate-file.ts';
import { QUANTITY } from '../engineering/version-content.ts';
import { visibleText } from '../udi/scan-text.ts';
import { OrderChooser } from './OrderChooser.tsx';
import {
  ItemCell,
  PurchaseOrderStatusTag,
  Quantity,
  nameOf,
  supplierNameOf,
} from './purchasing-parts.tsx';
import { isAboveZero } from './purchasing-format.ts';

/** The largest label text the API reads. */
const MAX_SCAN_LENGTH = 2000;

type Mode = 'scan' | 'typed';

const STEP_STYLE = {
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  width: 22,
  height: 22,
  borderRadius: 11,
  background: 'var(--ant-color-primary, #1677ff)',
  color: '#fff',
  fontSize: 12,
  fontWeight: 600,
} as const;

interface ConfirmValues {
  supplierLot?: string;
  expiresOn?: Dayjs | null;
  manufacturedOn?: Dayjs | null;
  quantity?: string;
  serials?: string;
  locationId?: string;
  certificate?: File;
  note?: string;
}

function text(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function serialList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\n,;]+/)
    .map((serial) => serial.trim())
    .filter(Boolean);
}

/** Receiving against a PO line: order, then label (scanned or typed), then check and receive. */
export function ReceivePanel() {
  const { t } = useTranslation();
  const [params, update] = useSearchFilters();
  const orderId = params.get('po') ?? undefined;
  const order = usePurchaseOrder(orderId);

  if (!orderId) {
    return (
      <Card size="small" title={<StepTitle n={1} label="stepOrder" />}>
        <OrderChooser
          mode="receive"
          testId="receiving-po"
          onChoose={(chosen) => {
            const open = chosen.lines.filter((line) => isAboveZero(line.openQuantity));
            update({ po: chosen.id, line: open.length === 1 ? open[0]?.id : undefined });
          }}
        />
      </Card>
    );
  }
  if (order.isPending) {
    return (
      <Card size="small">
        <Spin />
      </Card>
    );
  }
  if (order.isError) {
    return (
      <Flex vertical gap={12}>
        <ProblemAlert error={order.error} onRetry={() => void order.refetch()} />
        <Button
          icon={<SwapOutlined />}
          onClick={() => update({ po: undefined, line: undefined })}
          style={{ alignSelf: 'start' }}
        >
          {t('purchasing.receiving.poChange')}
        </Button>
      </Flex>
    );
  }
  return <ReceiveForOrder order={order.data} />;
}

function StepTitle({ n, label }: { n: number; label: 'stepOrder' | 'stepLabel' | 'stepConfirm' }) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center">
      <span style={STEP_STYLE} aria-hidden>
        {n}
      </span>
      <span>{t(`purchasing.receiving.${label}`)}</span>
    </Flex>
  );
}

function ReceiveForOrder({ order }: { order: PurchaseOrderDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, update] = useSearchFilters();
  const lineId = params.get('line') ?? undefined;
  const line = order.lines.find((candidate) => candidate.id === lineId);
  const receivable = RECEIVABLE_STATUSES.includes(order.status);
  const [session, setSession] = useState<Receipt[]>([]);

  const lineColumns: TableProps<PurchaseOrderLine>['columns'] = [
    { key: 'lineNo', title: t('purchasing.lineFields.lineNo'), dataIndex: 'lineNo', width: 56 },
    {
      key: 'item',
      title: t('purchasing.lineFields.item'),
      render: (_, row) => <ItemCell item={row.item} />,
    },
    {
      key: 'ordered',
      title: t('purchasing.lineFields.ordered'),
      align: 'right',
      render: (_, row) => <Quantity value={row.quantity} unit={row.unit} />,
    },
    {
      key: 'open',
      title: t('purchasing.lineFields.open'),
      align: 'right',
      render: (_, row) => <Quantity value={row.openQuantity} unit={row.unit} />,
    },
    {
      key: 'due',
      title: t('purchasing.lineFields.due'),
      render: (_, row) => <span className="nowrap">{formatIsoDate(row.dueDate, language)}</span>,
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Flex vertical gap={16}>
          <Card
            size="small"
            title={<StepTitle n={1} label="stepOrder" />}
            extra={
              <Button
                size="small"
                icon={<SwapOutlined />}
                onClick={() => update({ po: undefined, line: undefined })}
                data-testid="receiving-po-change"
              >
                {t('purchasing.receiving.poChange')}
              </Button>
            }
          >
            <Flex vertical gap={8}>
              <Flex gap={8} align="center" wrap data-testid="receiving-po-chosen">
                <Link to={`/purchase-orders/${order.id}`} className="mono">
                  {order.code}
                </Link>
                <span className="mono">{order.supplier.code}</span>
                <Typography.Text type="secondary">
                  {supplierNameOf(order.supplier, language)}
                </Typography.Text>
                <PurchaseOrderStatusTag status={order.status} />
              </Flex>
              {!receivable && (
                <Alert type="warning" showIcon title={t('errors.PURCHASE_ORDER_NOT_RECEIVABLE')} />
              )}
              <Typography.Text type="secondary">
                {t('purchasing.receiving.chooseLine')}
              </Typography.Text>
              <Table<PurchaseOrderLine>
                size="small"
                rowKey="id"
                columns={lineColumns}
                dataSource={order.lines}
                pagination={false}
                rowSelection={{
                  type: 'radio',
                  selectedRowKeys: lineId ? [lineId] : [],
                  onChange: (keys) =>
                    update({ line: keys[0] === undefined ? undefined : String(keys[0]) }),
                }}
                onRow={(row) => ({ onClick: () => update({ line: row.id }) })}
                data-testid="receiving-lines"
              />
              {line && !isAboveZero(line.openQuantity) && (
                <Alert type="info" showIcon title={t('purchasing.receiving.lineNotOpen')} />
              )}
            </Flex>
          </Card>
          <SessionCard receipts={session} />
        </Flex>
      </Col>
      <Col xs={24} xl={14}>
        {line ? (
          <LabelAndConfirm
            key={line.id}
            line={line}
            onReceived={(receipt) => setSession((previous) => [receipt, ...previous])}
          />
        ) : (
          <Card size="small" title={<StepTitle n={2} label="stepLabel" />}>
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('purchasing.receiving.scanFirst')}
            />
          </Card>
        )}
      </Col>
    </Row>
  );
}

function LabelAndConfirm({
  line,
  onReceived,
}: {
  line: PurchaseOrderLine;
  onReceived: (receipt: Receipt) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<ConfirmValues>();
  const scanRef = useRef<InputRef>(null);
  const quantityRef = useRef<InputRef>(null);
  const receiveRef = useRef<HTMLButtonElement>(null);
  const [mode, setMode] = useState<Mode>('scan');
  const [scan, setScan] = useState('');
  const [preview, setPreview] = useState<{ scan: string; result: ReceiptScanPreview } | null>(null);
  const [received, setReceived] = useState<Receipt | null>(null);
  const parse = useMutation({ mutationFn: previewReceiptScan });
  const receive = useReceive();
  const serialTracked = line.item.tracking === 'serial';
  // After a label is read, the next key press goes where the person has to act: the
  // quantity if the label has none, else the receive button (the scanner's next Enter).
  useEffect(() => {
    if (!preview) return;
    if (!form.getFieldValue('quantity')) quantityRef.current?.focus();
    else receiveRef.current?.focus();
  }, [preview, form]);
  // Back to the scan box for the next label, once the form is enabled again.
  const [focusScan, setFocusScan] = useState(0);
  useEffect(() => {
    if (focusScan > 0) scanRef.current?.focus();
  }, [focusScan]);

  const quarantine = useLocations({ kind: 'quarantine', active: true, limit: 50, offset: 0 });
  const quarantineLocations = quarantine.data?.items ?? [];
  const firstQuarantine = quarantineLocations[0]?.id;
  useEffect(() => {
    if (firstQuarantine && !form.getFieldValue('locationId')) {
      form.setFieldValue('locationId', firstQuarantine);
    }
  }, [firstQuarantine, form]);

  function readLabel() {
    const data = scan;
    if (!data.trim() || parse.isPending) return;
    receive.reset();
    setReceived(null);
    parse.mutate(
      { purchaseOrderLineId: line.id, scan: data },
      {
        onSuccess: (result) => {
          setPreview({ scan: data, result });
          if (result.quantity) form.setFieldValue('quantity', result.quantity);
          if (serialTracked && result.serial) {
            const serials = serialList(form.getFieldValue('serials') as string | undefined);
            if (!serials.includes(result.serial)) {
              form.setFieldValue('serials', [...serials, result.serial].join('\n'));
              if (!result.quantity) form.setFieldValue('quantity', String(serials.length + 1));
            }
          }
        },
        // Selected, the next scan replaces the data, while a person can still edit it.
        onError: () => scanRef.current?.select(),
      },
    );
  }

  function resetForNext() {
    setScan('');
    setPreview(null);
    parse.reset();
    form.setFieldsValue({
      supplierLot: undefined,
      expiresOn: null,
      manufacturedOn: null,
      quantity: undefined,
      serials: undefined,
      certificate: undefined,
      note: undefined,
    });
    setFocusScan((tick) => tick + 1);
  }

  async function submit(values: ConfirmValues) {
    const serials = serialTracked ? serialList(values.serials) : [];
    const input: CreateReceiptInput = {
      purchaseOrderLineId: line.id,
      ...(mode === 'scan' && preview ? { scan: preview.scan } : {}),
      ...(text(values.quantity) ? { quantity: text(values.quantity) } : {}),
      ...(mode === 'typed' && text(values.supplierLot)
        ? { supplierLot: text(values.supplierLot) }
        : {}),
      ...(mode === 'typed' && values.expiresOn
        ? { expiresOn: values.expiresOn.format('YYYY-MM-DD') }
        : {}),
      ...(mode === 'typed' && values.manufacturedOn
        ? { manufacturedOn: values.manufacturedOn.format('YYYY-MM-DD') }
        : {}),
      ...(serials.length > 0 ? { serials } : {}),
      ...(values.locationId ? { locationId: values.locationId } : {}),
      ...(values.certificate ? { certificate: await certificateUpload(values.certificate) } : {}),
      ...(text(values.note) ? { note: text(values.note) } : {}),
    };
    receive.mutate(input, {
      onSuccess: (receipt) => {
        setReceived(receipt);
        onReceived(receipt);
        resetForNext();
      },
    });
  }

  const previewShown = mode === 'scan' && preview !== null && preview.scan === scan;
  const canReceive = mode === 'typed' || previewShown;

  return (
    <Form<ConfirmValues>
      form={form}
      component={false}
      layout="vertical"
      requiredMark="optional"
      onFinish={(values) => void submit(values)}
      disabled={receive.isPending}
    >
      <Flex vertical gap={16} className="dense-form" data-testid="receiving-form">
        {received && <ReceivedResult receipt={received} />}
        <Card
          size="small"
          title={<StepTitle n={2} label="stepLabel" />}
          extra={
            <Segmented<Mode>
              value={mode}
              onChange={(value) => {
                setMode(value);
                receive.reset();
                if (value === 'scan') setFocusScan((tick) => tick + 1);
              }}
              options={[
                { value: 'scan', label: t('purchasing.receiving.modeScan') },
                { value: 'typed', label: t('purchasing.receiving.modeTyped') },
              ]}
              data-testid="receiving-mode"
            />
          }
          className="udi-scan-card"
        >
          {mode === 'scan' ? (
            <>
              <label htmlFor="receiving-scan" className="udi-input-label">
                {t('purchasing.receiving.scanLabel')}
              </label>
              <Flex gap={8}>
                <Input
                  id="receiving-scan"
                  ref={scanRef}
                  size="large"
                  autoFocus
                  allowClear
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={MAX_SCAN_LENGTH}
                  className="mono udi-input"
                  prefix={<ScanOutlined className="udi-input-icon" aria-hidden />}
                  placeholder={t('purchasing.receiving.scanPlaceholder')}
                  value={scan}
                  onChange={(event) => setScan(event.target.value)}
                  onPressEnter={(event) => {
                    // Enter that ends an IME composition is not a submit.
                    if (!event.nativeEvent.isComposing) readLabel();
                  }}
                  data-testid="receiving-scan"
                />
                <Button
                  size="large"
                  loading={parse.isPending}
                  disabled={!scan.trim()}
                  onClick={readLabel}
                  data-testid="receiving-scan-read"
                >
                  {t('udi.read.submit')}
                </Button>
              </Flex>
              <Typography.Text type="secondary" className="udi-input-hint">
                {t('purchasing.receiving.scanHint')}
              </Typography.Text>
              {parse.isError && (
                <ProblemAlert error={parse.error} onRetry={readLabel} style={{ marginTop: 12 }} />
              )}
              <Spin spinning={parse.isPending} description={t('purchasing.receiving.reading')}>
                {previewShown ? (
                  <ScanPreview preview={preview.result} scan={preview.scan} />
                ) : (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                    {t('purchasing.receiving.previewEmpty')}
                  </Typography.Paragraph>
                )}
              </Spin>
            </>
          ) : (
            <TypedLotFields serialTracked={serialTracked} />
          )}
        </Card>

        <Card size="small" title={<StepTitle n={3} label="stepConfirm" />}>
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Form.Item
                name="quantity"
                label={t('purchasing.receiving.quantity')}
                rules={[
                  {
                    validator: (_, value: string | undefined) =>
                      !value?.trim() || (QUANTITY.test(value.trim()) && isAboveZero(value))
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('purchasing.create.quantityInvalid'))),
                  },
                ]}
              >
                <Input
                  ref={quantityRef}
                  inputMode="decimal"
                  className="mono"
                  suffix={line.unit}
                  onPressEnter={() => form.submit()}
                  data-testid="receiving-quantity"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="locationId" label={t('purchasing.receiving.location')}>
                <Select<string>
                  loading={quarantine.isFetching}
                  options={quarantineLocations.map((location) => ({
                    value: location.id,
                    label: `${location.code} · ${nameOf(location, language)}`,
                  }))}
                  data-testid="receiving-location"
                />
              </Form.Item>
            </Col>
          </Row>
          {serialTracked && (
            <Form.Item
              name="serials"
              label={t('purchasing.receiving.serials')}
              extra={t('purchasing.receiving.serialsHint')}
            >
              <Input.TextArea rows={3} className="mono" data-testid="receiving-serials" />
            </Form.Item>
          )}
          <Form.Item
            name="certificate"
            label={t('purchasing.receiving.certificate')}
            rules={[certificateFileRule(t, false)]}
          >
            <CertificateFileInput />
          </Form.Item>
          <Form.Item name="note" label={t('purchasing.receiving.note')}>
            <Input maxLength={2000} data-testid="receiving-note" />
          </Form.Item>
          {receive.isError && <ProblemAlert error={receive.error} style={{ marginBottom: 12 }} />}
          <Flex gap={8} justify="end">
            <Button onClick={resetForNext} data-testid="receiving-clear">
              {t('purchasing.receiving.clear')}
            </Button>
            <Button
              ref={receiveRef}
              type="primary"
              size="large"
              onClick={() => form.submit()}
              loading={receive.isPending}
              disabled={!canReceive}
              data-testid="receiving-submit"
            >
              {t('purchasing.receiving.receive')}
            </Button>
          </Flex>
        </Card>
      </Flex>
    </Form>
  );
}

function ScanPreview({ preview, scan }: { preview: ReceiptScanPreview; scan: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const match = preview.itemMatch;
  const fields: DescriptionsProps['items'] = [
    {
      key: 'match',
      label: t('purchasing.lineFields.item'),
      span: 2,
      children: (
        <Flex gap={8} align="center" wrap>
          <ItemCell item={preview.line.item} />
          {match && (
            <Tag
              color={match === 'match' ? 'green' : match === 'mismatch' ? 'red' : 'default'}
              data-testid="preview-item-match"
              data-match={match}
            >
              {t(`purchasing.receiving.itemMatch.${match}`)}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'gtin',
      label: t('purchasing.receiving.gtin'),
      children: preview.gtin ? <span className="mono">{preview.gtin}</span> : dash,
    },
    {
      key: 'lot',
      label: t('purchasing.receiving.supplierLot'),
      children: preview.supplierLot ? (
        <span className="mono" data-testid="preview-lot">
          {preview.supplierLot}
        </span>
      ) : (
        dash
      ),
    },
    {
      key: 'expiry',
      label: t('purchasing.receiving.expiresOn'),
      children: preview.expiresOn ? (
        <Flex gap={8} align="center">
          <span data-testid="preview-expiry" data-iso={preview.expiresOn}>
            {formatIsoDate(preview.expiresOn, language)}
          </span>
          {preview.expired && <Tag color="red">{t('purchasing.receiving.expired')}</Tag>}
        </Flex>
      ) : (
        dash
      ),
    },
    {
      key: 'manufactured',
      label: t('purchasing.receiving.manufacturedOn'),
      children: preview.manufacturedOn ? formatIsoDate(preview.manufacturedOn, language) : dash,
    },
    ...(preview.serial
      ? [
          {
            key: 'serial',
            label: t('purchasing.receiving.serial'),
            children: <span className="mono">{preview.serial}</span>,
          },
        ]
      : []),
    {
      key: 'quantity',
      label: t('purchasing.receiving.labelQuantity'),
      children: preview.quantity ? (
        <Quantity value={preview.quantity} unit={preview.line.unit} testId="preview-quantity" />
      ) : (
        <Typography.Text type="secondary">{t('purchasing.receiving.noQuantity')}</Typography.Text>
      ),
    },
    {
      key: 'max',
      label: t('purchasing.receiving.maxReceivable'),
      children: <Quantity value={preview.maxReceivable} unit={preview.line.unit} />,
    },
  ];
  return (
    <Flex
      vertical
      gap={8}
      className="receiving-preview"
      style={{ marginTop: 12 }}
      data-testid="receiving-preview"
      data-ok={preview.ok}
    >
      <Typography.Text strong>{t('purchasing.receiving.previewTitle')}</Typography.Text>
      <div className="mono udi-scanned" data-testid="preview-scan">
        {visibleText(scan)}
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={fields} bordered />
      {preview.ok ? (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleFilled />}
          title={t('purchasing.receiving.ready')}
          data-testid="preview-ready"
        />
      ) : (
        <Alert
          type="error"
          showIcon
          icon={<ExclamationCircleFilled />}
          title={t('purchasing.receiving.notReady')}
          description={<ProblemList problems={preview.problems} />}
          data-testid="preview-problems"
        />
      )}
      {preview.ok && preview.problems.length > 0 && (
        <Alert type="warning" showIcon description={<ProblemList problems={preview.problems} />} />
      )}
    </Flex>
  );
}

function ProblemList({ problems }: { problems: ReceiptScanPreview['problems'] }) {
  const { t } = useTranslation();
  return (
    <ul className="problem-field-errors">
      {problems.map((problem, index) => (
        <li key={`${problem.code}-${index}`} data-testid="preview-problem" data-code={problem.code}>
          {isTranslatedCode(problem.code) ? t(`errors.${problem.code}`) : problem.message}
        </li>
      ))}
    </ul>
  );
}

/** What the last receipt created: the Lotline lot in quarantine and its inspection. */
function ReceivedResult({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  const serials = receipt.traceUnits.length > 1 || receipt.traceUnits[0]?.kind === 'serial';
  return (
    <Alert
      type="success"
      showIcon
      data-testid="receiving-result"
      title={
        <Flex gap={8} align="center" wrap>
          <span>
            {t('purchasing.receiving.resultTitle')} · <span className="mono">{receipt.code}</span>
          </span>
          <Quantity value={receipt.quantity} unit={receipt.unit} />
        </Flex>
      }
      description={
        <Flex vertical gap={4}>
          <Flex gap={8} align="center" wrap>
            <span>
              {serials ? t('purchasing.receiving.newSerials') : t('purchasing.receiving.newLot')}
            </span>
            {receipt.traceUnits.map((unit) => (
              <Link
                key={unit.id}
                to={`/lots/${unit.id}`}
                className="mono"
                data-testid="receiving-result-lot"
              >
                {unit.code}
              </Link>
            ))}
            <Tag color="orange" data-testid="receiving-result-status" data-status="quarantined">
              {t('purchasing.receiving.quarantined')}
            </Tag>
            <Typography.Text type="secondary">
              {receipt.location.code}
              {receipt.supplierLot
                ? ` · ${t('purchasing.receiving.supplierLot')} ${receipt.supplierLot}`
                : ''}
            </Typography.Text>
          </Flex>
          {receipt.inspections.length > 0 ? (
            receipt.inspections.map((inspection) => (
              <Link
                key={inspection.id}
                to={`/inspections/${inspection.id}`}
                data-testid="receiving-result-inspection"
              >
                {t('purchasing.receiving.inspectionOpened', {
                  code: inspection.code,
                  size: inspection.sampleSize,
                })}
              </Link>
            ))
          ) : (
            <Typography.Text type="secondary" data-testid="receiving-result-no-inspection">
              {t('purchasing.receiving.noInspection')}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">{t('purchasing.receiving.nextLabel')}</Typography.Text>
        </Flex>
      }
    />
  );
}

function SessionCard({ receipts }: { receipts: Receipt[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('purchasing.receiving.sessionTitle')}>
      {receipts.length === 0 ? (
        <Typography.Text type="secondary">{t('purchasing.receiving.sessionEmpty')}</Typography.Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="receiving-session">
          {receipts.map((receipt) => (
            <li key={receipt.id}>
              <span className="mono">{receipt.code}</span>{' '}
              {receipt.traceUnits.map((unit) => (
                <Link key={unit.id} to={`/lots/${unit.id}`} className="mono">
                  {unit.code}{' '}
                </Link>
              ))}
              <Quantity value={receipt.quantity} unit={receipt.unit} />
              {receipt.inspections.map((inspection) => (
                <Link key={inspection.id} to={`/inspections/${inspection.id}`} className="mono">
                  {' '}
                  {inspection.code}
                </Link>
              ))}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** The supplier's lot data typed from the label or the delivery note (no scanner, or an unreadable label). */
function TypedLotFields({ serialTracked }: { serialTracked: boolean }) {
  const { t } = useTranslation();
  return (
    <Row gutter={12} data-testid="receiving-typed">
      <Col xs={24} md={10}>
        <Form.Item
          name="supplierLot"
          label={t('purchasing.receiving.supplierLot')}
          rules={[
            {
              required: !serialTracked,
              whitespace: true,
              message: t('purchasing.receiving.supplierLotRequired'),
            },
            { max: 60 },
          ]}
        >
          <Input className="mono" autoFocus data-testid="receiving-supplierLot" />
        </Form.Item>
      </Col>
      <Col xs={12} md={7}>
        <Form.Item name="expiresOn" label={t('purchasing.receiving.expiresOn')}>
          <DatePicker style={{ width: '100%' }} data-testid="receiving-expiresOn" />
        </Form.Item>
      </Col>
      <Col xs={12} md={7}>
        <Form.Item name="manufacturedOn" label={t('purchasing.receiving.manufacturedOn')}>
          <DatePicker style={{ width: '100%' }} data-testid="receiving-manufacturedOn" />
        </Form.Item>
      </Col>
    </Row>
  );
}

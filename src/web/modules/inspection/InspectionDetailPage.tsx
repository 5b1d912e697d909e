import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ImportOutlined,
  SaveOutlined,
  ScissorOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Tooltip,
  Typography,
} from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import {
  DECISION_SIGNATURE_MEANINGS,
  resultsImportEntity,
  useDecideInspection,
  useInspection,
  useRecordResults,
  useResumeSampling,
  type Inspection,
  type InspectionDecisionKind,
  type ResultInput,
} from '../../api/inspection.ts';
import { useCan } from '../../auth/session.ts';
import { CsvImportDialog } from '../../components/CsvImportDialog.tsx';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { SignatureDialog } from '../../components/SignatureDialog.tsx';
import { SignaturesCard } from '../../components/SignaturesCard.tsx';
import { formatDateTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { plainDecimal } from '../items/item-format.ts';
import { ItemName } from '../items/item-tags.tsx';
import { CharacteristicResults, draftKey, type Draft } from './CharacteristicResults.tsx';
import { DecisionCard } from './DecisionCard.tsx';
import { compareDecimal, isDecimal } from '../../../shared/decimal.ts';
import { checkValue } from './inspection-format.ts';
import {
  DecisionTag,
  InspectionStatusTag,
  LotStatusTag,
  SeverityTag,
  VerdictTag,
} from './inspection-tags.tsx';

export function InspectionDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const inspection = useInspection(id);
  const back = { to: '/inspections', label: t('inspection.title') };
  return (
    <RecordPage query={inspection} title={t('inspection.detailTitle')} back={back}>
      {(record) => <InspectionDetail key={record.id} inspection={record} back={back} />}
    </RecordPage>
  );
}

/** The unsaved results as the API takes them; measured values that are not numbers are left for the person to fix. */
function draftResults(inspection: Inspection, draft: Draft): ResultInput[] {
  const results: ResultInput[] = [];
  for (const [key, entry] of draft) {
    const [seq, unitNo] = key.split(':').map(Number) as [number, number];
    const characteristic = inspection.characteristics.find((c) => c.seq === seq);
    if (!characteristic) continue;
    if (characteristic.kind === 'measured') {
      const value = entry.value?.trim() ?? '';
      if (value && isDecimal(value)) results.push({ characteristicSeq: seq, unitNo, value });
    } else if (entry.passed !== undefined) {
      results.push({ characteristicSeq: seq, unitNo, passed: entry.passed });
    }
  }
  return results;
}

function InspectionDetail({
  inspection,
  back,
}: {
  inspection: Inspection;
  back: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const mayPerform = useCan('inspection.perform');
  const mayDecide = useCan('lot.release');
  const record = useRecordResults(inspection.id);
  const decide = useDecideInspection(inspection.id);
  const [draft, setDraft] = useState<Draft>(() => new Map());
  const [saveError, setSaveError] = useState<unknown>(null);
  const [importing, setImporting] = useState(false);
  const [deciding, setDeciding] = useState<InspectionDecisionKind | null>(null);
  const [acceptedQuantity, setAcceptedQuantity] = useState('');
  const [resuming, setResuming] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const resume = useResumeSampling();

  const open = inspection.status === 'open';
  const editing = open && mayPerform;
  const lot = inspection.lot.code;
  const pending = draftResults(inspection, draft);
  const invalidDraft = [...draft.entries()].some(([key, entry]) => {
    const seq = Number(key.split(':')[0]);
    const characteristic = inspection.characteristics.find((c) => c.seq === seq);
    return (
      characteristic?.kind === 'measured' && checkValue(characteristic, entry.value) === 'invalid'
    );
  });
  const dirty = draft.size > 0;

  // Results that change ones already recorded are corrections: they need a reason.
  const corrections = pending.filter((r) => {
    const saved = inspection.results.find(
      (s) => s.characteristicSeq === r.characteristicSeq && s.unitNo === r.unitNo,
    );
    if (!saved) return false;
    return r.value !== undefined
      ? saved.value === null || compareDecimal(saved.value, r.value) !== 0
      : saved.passed !== r.passed;
  });

  async function save(reason?: string) {
    setSaveError(null);
    if (corrections.length > 0 && !reason) {
      setCorrecting(true);
      return;
    }
    try {
      await record.mutateAsync({ results: pending, ...(reason ? { reason } : {}) });
      setDraft(new Map());
      void message.success(t('inspection.results.saved'));
    } catch (error) {
      setSaveError(error);
    }
  }

  const acceptBlocked = dirty
    ? t('inspection.actions.unsavedFirst')
    : inspection.samplingDiscontinued
      ? t('inspection.actions.discontinued')
      : inspection.verdict === 'reject'
        ? t('inspection.actions.resultsReject')
        : inspection.verdict === 'pending'
          ? t('inspection.actions.pendingResults')
          : null;
  const otherBlocked = dirty ? t('inspection.actions.unsavedFirst') : null;

  const actions = open && mayDecide && (
    <Flex gap={8} wrap data-testid="inspection-actions">
      <Tooltip title={acceptBlocked}>
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          disabled={acceptBlocked !== null}
          onClick={() => setDeciding('accept')}
          data-testid="decision-accept"
        >
          {t('inspection.actions.accept')}
        </Button>
      </Tooltip>
      <Tooltip title={otherBlocked}>
        <Button
          icon={<ScissorOutlined />}
          disabled={otherBlocked !== null}
          onClick={() => setDeciding('partial')}
          data-testid="decision-partial"
        >
          {t('inspection.actions.partial')}
        </Button>
      </Tooltip>
      <Tooltip title={otherBlocked}>
        <Button
          danger
          icon={<CloseCircleOutlined />}
          disabled={otherBlocked !== null}
          onClick={() => setDeciding('reject')}
          data-testid="decision-reject"
        >
          {t('inspection.actions.reject')}
        </Button>
      </Tooltip>
    </Flex>
  );

  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const when = (value: string | null) =>
    value ? <time dateTime={value}>{formatDateTime(value, language)}</time> : dash;
  const fields: DescriptionsProps['items'] = [
    {
      key: 'lot',
      label: t('inspection.fields.lot'),
      children: (
        <Flex gap={8} align="center" wrap>
          <Link
            to={`/lots/${inspection.lot.id}`}
            className="mono"
            data-testid="inspection-lot-link"
          >
            {lot}
          </Link>
          <LotStatusTag status={inspection.lot.qualityStatus} testId="inspection-lot-status" />
        </Flex>
      ),
    },
    {
      key: 'item',
      label: t('inspection.fields.item'),
      children: (
        <Flex gap={8} align="start">
          <Link to={`/items/${inspection.item.id}`} className="mono nowrap">
            {inspection.item.code}
          </Link>
          <ItemName item={inspection.item} language={language} />
        </Flex>
      ),
    },
    {
      key: 'supplier',
      label: t('inspection.fields.supplier'),
      children: inspection.supplier ? (
        <span>
          <Link to={`/suppliers/${inspection.supplier.id}`} className="mono">
            {inspection.supplier.code}
          </Link>{' '}
          {language === 'zh-CN' ? inspection.supplier.nameZh : inspection.supplier.nameEn}
        </span>
      ) : (
        dash
      ),
    },
    {
      key: 'plan',
      label: t('inspection.fields.plan'),
      children: (
        <span>
          <Link to={`/inspection-plans?plan=${inspection.plan.id}`} className="mono">
            {inspection.plan.code}
          </Link>{' '}
          {inspection.plan.name}
        </span>
      ),
    },
    {
      key: 'lotSize',
      label: t('inspection.fields.lotSize'),
      children: (
        <span className="mono" data-testid="inspection-lot-size">
          {plainDecimal(inspection.lotSize)} {inspection.item.uom}
        </span>
      ),
    },
    {
      key: 'sampling',
      label: `${t('inspection.fields.codeLetter')} / ${t('inspection.fields.sampleSize')}`,
      children: (
        <span data-testid="inspection-sampling">
          <span className="mono" data-testid="inspection-code-letter">
            {inspection.codeLetter}
          </span>
          {' / '}
          <span className="mono" data-testid="inspection-sample-size">
            {inspection.sampleSize}
          </span>
        </span>
      ),
    },
    {
      key: 'severity',
      label: t('inspection.fields.severity'),
      children: <SeverityTag severity={inspection.severity} />,
    },
    {
      key: 'verdict',
      label: t('inspection.fields.verdict'),
      children: <VerdictTag verdict={inspection.verdict} />,
    },
    {
      key: 'createdBy',
      label: t('inspection.fields.createdBy'),
      children: (
        <span>
          {inspection.createdBy.name} · {when(inspection.createdAt)}
        </span>
      ),
    },
    {
      key: 'decidedAt',
      label: t('inspection.fields.decidedAt'),
      children: when(inspection.decidedAt),
    },
  ];

  const noteKind = inspection.decision ?? 'open';
  const decisionTitle =
    deciding === null
      ? ''
      : t(`inspection.actions.${deciding}Title`, { code: inspection.code, lot });

  return (
    <Page
      title={`${inspection.code} · ${lot}`}
      back={back}
      tags={
        <>
          <InspectionStatusTag status={inspection.status} />
          {inspection.decision && <DecisionTag decision={inspection.decision} />}
        </>
      }
      extra={actions}
    >
      <Alert
        type={
          noteKind === 'open'
            ? 'info'
            : noteKind === 'accept'
              ? 'success'
              : noteKind === 'reject'
                ? 'error'
                : 'warning'
        }
        showIcon
        title={t(`inspection.statusNote.${noteKind}`)}
        style={{ marginBottom: 12 }}
        data-testid="inspection-status-note"
      />
      {open && inspection.samplingDiscontinued && (
        <Alert
          type="error"
          showIcon
          title={t('inspection.actions.discontinued')}
          action={
            mayDecide &&
            inspection.supplier && (
              <Button size="small" onClick={() => setResuming(true)} data-testid="sampling-resume">
                {t('inspection.actions.resume')}
              </Button>
            )
          }
          style={{ marginBottom: 12 }}
          data-testid="inspection-discontinued"
        />
      )}
      {correcting && (
        <ReasonModal
          open
          title={t('inspection.results.correctionTitle', { count: corrections.length })}
          okText={t('inspection.results.save')}
          testId="results-correction-modal"
          description={
            <Alert type="warning" showIcon title={t('inspection.results.correctionDescription')} />
          }
          onSubmit={async ({ reason }) => {
            await save(reason);
          }}
          onClose={() => setCorrecting(false)}
        />
      )}
      {resuming && inspection.supplier && (
        <ReasonModal
          open
          title={t('inspection.actions.resume')}
          okText={t('inspection.actions.resume')}
          testId="sampling-resume-modal"
          description={
            <Alert type="info" showIcon title={t('inspection.actions.resumeDescription')} />
          }
          onSubmit={async ({ reason }) => {
            await resume.mutateAsync({
              supplierId: inspection.supplier?.id ?? '',
              itemId: inspection.item.id,
              reason,
            });
          }}
          onClose={() => setResuming(false)}
        />
      )}
      {open && !mayDecide && mayPerform && (
        <Alert
          type="info"
          title={t('inspection.actions.needsRelease')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Card size="small" className="section-card">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={fields}
          styles={{ label: { width: 170 } }}
          data-testid="inspection-details"
        />
      </Card>
      {inspection.decisionRecord && (
        <DecisionCard inspection={inspection} decision={inspection.decisionRecord} />
      )}
      <Card
        size="small"
        className="section-card"
        title={t('inspection.results.title')}
        extra={
          editing && (
            <Flex gap={8} wrap align="center">
              {dirty && (
                <Typography.Text type="warning" data-testid="results-unsaved">
                  {t('inspection.results.unsaved', { count: draft.size })}
                </Typography.Text>
              )}
              <Button
                size="small"
                icon={<ImportOutlined />}
                disabled={dirty}
                onClick={() => setImporting(true)}
                data-testid="results-import"
              >
                {t('inspection.results.import')}
              </Button>
              <Button
                size="small"
                icon={<UndoOutlined />}
                disabled={!dirty || record.isPending}
                onClick={() => {
                  setDraft(new Map());
                  setSaveError(null);
                }}
                data-testid="results-discard"
              >
                {t('inspection.results.clearDraft')}
              </Button>
              <Button
                size="small"
                type="primary"
                icon={<SaveOutlined />}
                disabled={!dirty || invalidDraft || pending.length === 0}
                loading={record.isPending}
                onClick={() => void save()}
                data-testid="results-save"
              >
                {t('inspection.results.save')}
              </Button>
            </Flex>
          )
        }
        data-testid="inspection-results"
      >
        <Typography.Paragraph type="secondary">
          {open
            ? mayPerform
              ? t('inspection.results.lead')
              : t('inspection.results.readOnly')
            : t('inspection.results.decidedNote')}
        </Typography.Paragraph>
        {saveError !== null && <ProblemAlert error={saveError} style={{ marginBottom: 12 }} />}
        <Flex vertical gap={12}>
          {inspection.characteristics.map((characteristic) => (
            <CharacteristicResults
              key={characteristic.seq}
              characteristic={characteristic}
              results={inspection.results}
              draft={draft}
              editing={editing}
              onDraft={(unitNo, entry) =>
                setDraft((previous) => {
                  const next = new Map(previous);
                  const key = draftKey(characteristic.seq, unitNo);
                  if (entry === null) next.delete(key);
                  else next.set(key, entry);
                  return next;
                })
              }
            />
          ))}
        </Flex>
      </Card>
      <SignaturesCard signatures={inspection.signatures} testId="inspection-signatures" />
      <HistoryPanel entityType="inspection" entityId={inspection.id} />

      <CsvImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        entity={resultsImportEntity(inspection.id)}
        title={t('inspection.results.importTitle')}
        invalidate={[['inspections']]}
        testId="results-csv"
      />
      <SignatureDialog
        open={deciding !== null}
        title={decisionTitle}
        summary={
          deciding && (
            <Flex vertical gap={8} style={{ marginBottom: 12 }}>
              <Alert
                type={deciding === 'accept' ? 'info' : 'warning'}
                showIcon
                title={t(`inspection.actions.${deciding}Description`, { lot })}
              />
              <Descriptions
                size="small"
                column={1}
                className="signature-summary"
                items={[
                  {
                    key: 'item',
                    label: t('inspection.fields.item'),
                    children: `${inspection.item.code} · ${
                      language === 'zh-CN' ? inspection.item.nameZh : inspection.item.nameEn
                    }`,
                  },
                  {
                    key: 'lotSize',
                    label: t('inspection.fields.lotSize'),
                    children: `${plainDecimal(inspection.lotSize)} ${inspection.item.uom}`,
                  },
                  {
                    key: 'verdict',
                    label: t('inspection.fields.verdict'),
                    children: t(`inspection.verdict.${inspection.verdict}`),
                  },
                ]}
              />
              {deciding === 'partial' && (
                <Form layout="vertical" className="dense-form" component="div">
                  <Form.Item
                    label={t('inspection.actions.acceptedQuantity', {
                      unit: inspection.item.uom,
                    })}
                    extra={t('inspection.actions.acceptedQuantityHelp', {
                      lotSize: plainDecimal(inspection.lotSize),
                    })}
                    required
                  >
                    <Input
                      value={acceptedQuantity}
                      onChange={(event) => setAcceptedQuantity(event.target.value)}
                      inputMode="decimal"
                      style={{ width: 200 }}
                      data-testid="partial-quantity"
                    />
                  </Form.Item>
                </Form>
              )}
            </Flex>
          )
        }
        allowedMeanings={deciding ? [DECISION_SIGNATURE_MEANINGS[deciding]] : []}
        requireReason={deciding === 'reject' || deciding === 'partial'}
        onSign={async (signature, reason) => {
          if (!deciding) return;
          const quantity = acceptedQuantity.trim();
          if (deciding === 'partial' && !/^\d+(\.\d+)?$/.test(quantity)) {
            throw new ApiError({
              status: 422,
              code: 'INSPECTION_DECISION_INVALID',
              detail: t('inspection.actions.quantityRequired'),
            });
          }
          await decide.mutateAsync({
            decision: deciding,
            signature,
            ...(reason ? { reason } : {}),
            ...(deciding === 'partial' ? { acceptedQuantity: quantity } : {}),
          });
          void message.success(
            t('inspection.actions.decided', { decision: t(`inspection.decision.${deciding}`) }),
          );
        }}
        onClose={() => {
          setDeciding(null);
          setAcceptedQuantity('');
        }}
      />
    </Page>
  );
}

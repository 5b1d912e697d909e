import {
  ArrowRightOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  RedoOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SUPPLIER_STATUS_CHANGES,
  SUPPLIER_STATUS_MEANINGS,
  useChangeSupplier,
  type SupplierDetail,
  type SupplierStatus,
  type SupplierStatusChange,
} from '../../api/partners.ts';
import { useVerifySignature } from '../../api/signatures.ts';
import { useCan } from '../../auth/session.ts';
import { SignatureDialog } from '../../components/SignatureDialog.tsx';
import { formatDateTimeShort } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { partnerNames } from './partner-format.ts';
import { SupplierStatusTag } from './partner-tags.tsx';

/** The action that leads to each status, as its button says it. */
const ACTION: Record<
  SupplierStatus,
  { key: 'approve' | 'approveConditionally' | 'disqualify' | 'reevaluate'; icon: ReactNode }
> = {
  approved: { key: 'approve', icon: <CheckCircleOutlined /> },
  conditional: { key: 'approveConditionally', icon: <ExclamationCircleOutlined /> },
  disqualified: { key: 'disqualify', icon: <CloseCircleOutlined /> },
  pending: { key: 'reevaluate', icon: <RedoOutlined /> },
};

/** The supplier's approval status, the signed changes that led to it, and the change actions. */
export function SupplierApprovalSection({ supplier }: { supplier: SupplierDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const mayApprove = useCan('supplier.approve');
  const change = useChangeSupplier(supplier.id);
  const [target, setTarget] = useState<SupplierStatus | null>(null);
  const name = `${supplier.code} ${partnerNames(supplier, language).primary}`;
  const next = SUPPLIER_STATUS_CHANGES[supplier.approvalStatus];

  const actions = mayApprove && next.length > 0 && (
    <Flex gap={8} wrap data-testid="supplier-approval-actions">
      {next.map((status) => (
        <Button
          key={status}
          size="small"
          type={status === 'approved' ? 'primary' : 'default'}
          danger={status === 'disqualified'}
          icon={ACTION[status].icon}
          onClick={() => setTarget(status)}
          data-testid={`supplier-action-${status}`}
        >
          {t(`partners.approval.actions.${ACTION[status].key}`)}
        </Button>
      ))}
    </Flex>
  );

  return (
    <Card
      size="small"
      className="section-card"
      title={
        <span>
          <SafetyCertificateOutlined aria-hidden /> {t('partners.approval.title')}
        </span>
      }
      extra={actions}
      data-testid="supplier-approval"
    >
      <Flex align="center" gap={8} wrap className="approval-current">
        <Typography.Text type="secondary">{t('partners.approval.current')}</Typography.Text>
        <SupplierStatusTag status={supplier.approvalStatus} />
        <Typography.Text type="secondary">
          {t(`partners.approval.meaning.${supplier.approvalStatus}`)}
        </Typography.Text>
      </Flex>
      {!mayApprove && (
        <Typography.Paragraph type="secondary" className="approval-hint">
          {t('partners.approval.needsPermission')}
        </Typography.Paragraph>
      )}
      <StatusHistory history={supplier.statusHistory} />
      {target && (
        <SignatureDialog
          open
          title={t(`partners.approval.signTitle.${ACTION[target].key}`, { name })}
          summary={
            <Flex align="center" gap={8} wrap data-testid="signature-summary">
              <SupplierStatusTag status={supplier.approvalStatus} />
              <ArrowRightOutlined aria-hidden />
              <SupplierStatusTag status={target} />
            </Flex>
          }
          allowedMeanings={SUPPLIER_STATUS_MEANINGS[target]}
          requireReason
          onSign={async (signature, reason) => {
            await change.mutateAsync({
              kind: 'status',
              body: { status: target, reason: reason ?? '', signature },
            });
            void message.success(
              t('partners.approval.changed', {
                status: t(`partners.supplierStatus.${target}`),
              }),
            );
          }}
          onClose={() => setTarget(null)}
        />
      )}
    </Card>
  );
}

function StatusHistory({ history }: { history: SupplierStatusChange[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayVerify = useCan('signature.read');
  const newestFirst = [...history].reverse();

  const columns: TableProps<SupplierStatusChange>['columns'] = [
    {
      key: 'changedAt',
      title: t('partners.approval.columns.changedAt'),
      width: 170,
      render: (_, row) => (
        <time dateTime={row.changedAt} className="nowrap">
          {formatDateTimeShort(row.changedAt, language)}
        </time>
      ),
    },
    {
      key: 'change',
      title: t('partners.approval.columns.change'),
      width: 330,
      render: (_, row) => (
        <Flex align="center" gap={4} wrap data-testid="status-change">
          {row.fromStatus ? (
            <SupplierStatusTag status={row.fromStatus} />
          ) : (
            <Tag>{t('partners.approval.created')}</Tag>
          )}
          <ArrowRightOutlined aria-hidden className="approval-arrow" />
          <SupplierStatusTag status={row.toStatus} />
        </Flex>
      ),
    },
    {
      key: 'reason',
      title: t('partners.approval.columns.reason'),
      render: (_, row) => <span data-testid="status-change-reason">{row.reason}</span>,
    },
    {
      key: 'signature',
      title: t('partners.approval.columns.signature'),
      width: 300,
      render: (_, row) =>
        row.signature ? (
          <Flex vertical gap={2} data-testid="status-change-signature">
            <Flex align="center" gap={6} wrap>
              <SafetyCertificateOutlined className="signature-ok-icon" aria-hidden />
              <span data-testid="signature-signer">{row.signature.signerName}</span>
              <Tag
                color="blue"
                data-testid="signature-meaning-tag"
                data-meaning={row.signature.meaning}
              >
                {t(`signature.meanings.${row.signature.meaning}`)}
              </Tag>
            </Flex>
            <Typography.Text type="secondary" className="item-name-other">
              {formatDateTimeShort(row.signature.signedAt, language)}
              {row.signature.comment ? ` · ${row.signature.comment}` : ''}
            </Typography.Text>
            {mayVerify && <VerifySignature id={row.signature.id} />}
          </Flex>
        ) : (
          <Flex vertical gap={2}>
            <Typography.Text type="secondary">{t('partners.approval.unsigned')}</Typography.Text>
            <Typography.Text type="secondary" className="item-name-other">
              {row.changedBy}
            </Typography.Text>
          </Flex>
        ),
    },
  ];

  return (
    <>
      <Typography.Text strong className="form-section-title">
        {t('partners.approval.historyTitle')}
      </Typography.Text>
      <Table<SupplierStatusChange>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={newestFirst}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('partners.approval.noHistory') }}
        data-testid="supplier-status-history"
      />
    </>
  );
}

const VERIFY_COLORS = { valid: 'green', broken: 'red', record_missing: 'orange' } as const;

function VerifySignature({ id }: { id: string }) {
  const { t } = useTranslation();
  const verify = useVerifySignature();
  const result = verify.data;
  if (result) {
    return (
      <span>
        <Tag
          color={VERIFY_COLORS[result.status]}
          title={t(`signature.verification.${result.status}Help`)}
          data-testid="signature-status"
          data-status={result.status}
        >
          {t(`signature.verification.${result.status}`)}
        </Tag>
      </span>
    );
  }
  return (
    <span>
      <Button
        size="small"
        type="link"
        className="inline-link"
        loading={verify.isPending}
        onClick={() => verify.mutate(id)}
        data-testid="verify-signature"
      >
        {verify.isError ? t('signature.verification.error') : t('signature.verify')}
      </Button>
    </span>
  );
}

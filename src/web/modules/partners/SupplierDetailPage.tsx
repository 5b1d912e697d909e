import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Card, Descriptions, Flex, Button, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useChangeSupplier, useSupplier, type SupplierDetail } from '../../api/partners.ts';
import { useCan } from '../../auth/session.ts';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { formatDateTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { SupplierDataFields, supplierDataOf, type SupplierDataValues } from './partner-fields.tsx';
import { countryText, isSevereWarning, partnerNames, warningText } from './partner-format.ts';
import { SupplierStatusTag } from './partner-tags.tsx';
import { SupplierApprovalSection } from './SupplierApprovalSection.tsx';
import { SupplierCertificatesSection } from './SupplierCertificatesSection.tsx';
import { SupplierItemsSection } from './SupplierItemsSection.tsx';

export function SupplierDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const supplier = useSupplier(id);
  const back = { to: '/suppliers', label: t('partners.suppliers.title') };

  return (
    <RecordPage query={supplier} title={t('partners.suppliers.detailTitle')} back={back}>
      {(record) => <SupplierView supplier={record} back={back} />}
    </RecordPage>
  );
}

function orDash(value: string | null): ReactNode {
  return value ?? <Typography.Text type="secondary">—</Typography.Text>;
}

function SupplierView({
  supplier,
  back,
}: {
  supplier: SupplierDetail;
  back: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayManage = useCan('supplier.manage');
  const [editing, setEditing] = useState(false);
  const names = partnerNames(supplier, language);
  const when = (value: string) => <time dateTime={value}>{formatDateTime(value, language)}</time>;

  const fields: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('partners.suppliers.fields.code'),
      children: (
        <span className="mono" data-testid="supplier-code">
          {supplier.code}
        </span>
      ),
    },
    {
      key: 'country',
      label: t('partners.fields.country'),
      children: countryText(supplier.country, language),
    },
    {
      key: 'legalNameZh',
      label: t('partners.fields.legalNameZh'),
      children: <span data-testid="supplier-legalNameZh">{supplier.legalNameZh}</span>,
    },
    {
      key: 'legalNameEn',
      label: t('partners.fields.legalNameEn'),
      children: <span data-testid="supplier-legalNameEn">{supplier.legalNameEn}</span>,
    },
    {
      key: 'address',
      label: t('partners.fields.address'),
      span: 'filled',
      children: orDash(supplier.address),
    },
    {
      key: 'contactName',
      label: t('partners.suppliers.fields.contactName'),
      children: orDash(supplier.contactName),
    },
    {
      key: 'contactPhone',
      label: t('partners.fields.phone'),
      children: orDash(supplier.contactPhone),
    },
    {
      key: 'contactEmail',
      label: t('partners.fields.email'),
      children: supplier.contactEmail ? (
        <a href={`mailto:${supplier.contactEmail}`}>{supplier.contactEmail}</a>
      ) : (
        orDash(null)
      ),
    },
    {
      key: 'approvalStatus',
      label: t('partners.suppliers.fields.approvalStatus'),
      children: <SupplierStatusTag status={supplier.approvalStatus} />,
    },
    { key: 'createdAt', label: t('partners.fields.createdAt'), children: when(supplier.createdAt) },
    { key: 'updatedAt', label: t('partners.fields.updatedAt'), children: when(supplier.updatedAt) },
  ];

  return (
    <Page
      title={`${supplier.code} · ${names.primary}`}
      back={back}
      tags={<SupplierStatusTag status={supplier.approvalStatus} />}
      extra={
        mayManage && (
          <Flex gap={8} wrap data-testid="supplier-actions">
            <Button
              icon={<EditOutlined />}
              onClick={() => setEditing(true)}
              data-testid="supplier-action-edit"
            >
              {t('partners.actions.edit')}
            </Button>
          </Flex>
        )
      }
    >
      <SupplierWarnings supplier={supplier} />
      <Card size="small" className="section-card" title={t('partners.suppliers.dataTitle')}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={fields}
          styles={{ label: { width: 170 } }}
          data-testid="supplier-details"
        />
      </Card>
      <SupplierApprovalSection supplier={supplier} />
      <SupplierCertificatesSection supplier={supplier} mayManage={mayManage} />
      <SupplierItemsSection supplier={supplier} mayManage={mayManage} />
      <HistoryPanel entityType="supplier" entityId={supplier.id} />
      {editing && <EditSupplierModal supplier={supplier} onClose={() => setEditing(false)} />}
    </Page>
  );
}

/** What the supplier's record should make people look twice at, before anything else. */
function SupplierWarnings({ supplier }: { supplier: SupplierDetail }) {
  const { t } = useTranslation();
  if (supplier.warnings.length === 0) return null;
  const severe = supplier.warnings.some(isSevereWarning);
  const ordered = [...supplier.warnings].sort(
    (a, b) => Number(isSevereWarning(b)) - Number(isSevereWarning(a)),
  );
  return (
    <Alert
      type={severe ? 'error' : 'warning'}
      showIcon
      icon={<WarningOutlined />}
      className="section-card"
      title={t('partners.supplierWarnings.title', { count: supplier.warnings.length })}
      description={
        <ul className="warning-list">
          {ordered.map((warning, index) => (
            <li
              key={`${warning.kind}-${warning.certificateId ?? index}`}
              className={isSevereWarning(warning) ? 'warning-severe' : undefined}
              data-testid="supplier-warning"
              data-kind={warning.kind}
            >
              {warningText(warning, supplier.certificates, t)}
            </li>
          ))}
        </ul>
      }
      data-testid="supplier-warnings"
    />
  );
}

function EditSupplierModal({
  supplier,
  onClose,
}: {
  supplier: SupplierDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeSupplier(supplier.id);
  const initialValues: SupplierDataValues = {
    legalNameZh: supplier.legalNameZh,
    legalNameEn: supplier.legalNameEn,
    country: supplier.country,
    address: supplier.address ?? '',
    contactName: supplier.contactName ?? '',
    contactPhone: supplier.contactPhone ?? '',
    contactEmail: supplier.contactEmail ?? '',
  };
  return (
    <ReasonModal<SupplierDataValues>
      open
      title={`${t('partners.actions.edit')} · ${supplier.code}`}
      okText={t('partners.actions.save')}
      testId="supplier-edit"
      width={680}
      description={<Alert type="info" title={t('partners.suppliers.editDescription')} />}
      initialValues={initialValues}
      onSubmit={async ({ reason, ...values }) => {
        await change.mutateAsync({ kind: 'update', body: { ...supplierDataOf(values), reason } });
        void message.success(t('partners.actions.saved'));
      }}
      onClose={onClose}
    >
      <SupplierDataFields />
    </ReasonModal>
  );
}

import { CheckCircleOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  useChangeCustomer,
  useCustomer,
  type CustomerDetail,
  type CustomerStatus,
} from '../../api/partners.ts';
import { useCan } from '../../auth/session.ts';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { formatDateTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { CustomerAddressesSection, CustomerContactsSection } from './CustomerSections.tsx';
import { CustomerDataFields, customerDataOf, type CustomerDataValues } from './partner-fields.tsx';
import { countryText, partnerNames } from './partner-format.ts';
import { CustomerStatusTag } from './partner-tags.tsx';

export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const customer = useCustomer(id);
  const back = { to: '/customers', label: t('partners.customers.title') };

  return (
    <RecordPage query={customer} title={t('partners.customers.detailTitle')} back={back}>
      {(record) => <CustomerView customer={record} back={back} />}
    </RecordPage>
  );
}

type Action = 'edit' | CustomerStatus;

function CustomerView({
  customer,
  back,
}: {
  customer: CustomerDetail;
  back: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayManage = useCan('customer.manage');
  const [action, setAction] = useState<Action | null>(null);
  const names = partnerNames(customer, language);
  const when = (value: string) => <time dateTime={value}>{formatDateTime(value, language)}</time>;

  const fields: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('partners.customers.fields.code'),
      children: (
        <span className="mono" data-testid="customer-code">
          {customer.code}
        </span>
      ),
    },
    {
      key: 'kind',
      label: t('partners.customers.fields.kind'),
      children: (
        <span data-testid="customer-kind">{t(`partners.customerKind.${customer.kind}`)}</span>
      ),
    },
    {
      key: 'legalNameZh',
      label: t('partners.fields.legalNameZh'),
      children: <span data-testid="customer-legalNameZh">{customer.legalNameZh}</span>,
    },
    {
      key: 'legalNameEn',
      label: t('partners.fields.legalNameEn'),
      children: <span data-testid="customer-legalNameEn">{customer.legalNameEn}</span>,
    },
    {
      key: 'country',
      label: t('partners.fields.country'),
      children: countryText(customer.country, language),
    },
    {
      key: 'status',
      label: t('partners.customers.fields.status'),
      children: <CustomerStatusTag status={customer.status} />,
    },
    { key: 'createdAt', label: t('partners.fields.createdAt'), children: when(customer.createdAt) },
    { key: 'updatedAt', label: t('partners.fields.updatedAt'), children: when(customer.updatedAt) },
  ];

  const actions = mayManage && (
    <Flex gap={8} wrap data-testid="customer-actions">
      <Button
        icon={<EditOutlined />}
        onClick={() => setAction('edit')}
        data-testid="customer-action-edit"
      >
        {t('partners.actions.edit')}
      </Button>
      {customer.status === 'active' ? (
        <Button
          danger
          icon={<StopOutlined />}
          onClick={() => setAction('inactive')}
          data-testid="customer-action-deactivate"
        >
          {t('partners.actions.deactivate')}
        </Button>
      ) : (
        <Button
          icon={<CheckCircleOutlined />}
          onClick={() => setAction('active')}
          data-testid="customer-action-activate"
        >
          {t('partners.actions.reactivate')}
        </Button>
      )}
    </Flex>
  );

  return (
    <Page
      title={`${customer.code} · ${names.primary}`}
      back={back}
      tags={<CustomerStatusTag status={customer.status} />}
      extra={actions}
    >
      {customer.status === 'inactive' && (
        <Alert
          type="warning"
          showIcon
          title={t('partners.customers.inactiveNote')}
          style={{ marginBottom: 12 }}
          data-testid="customer-status-note"
        />
      )}
      <Card size="small" className="section-card">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={fields}
          styles={{ label: { width: 170 } }}
          data-testid="customer-details"
        />
      </Card>
      <CustomerAddressesSection customer={customer} mayManage={mayManage} />
      <CustomerContactsSection customer={customer} mayManage={mayManage} />
      <HistoryPanel entityType="customer" entityId={customer.id} />
      {action === 'edit' && (
        <EditCustomerModal customer={customer} onClose={() => setAction(null)} />
      )}
      {action && action !== 'edit' && (
        <CustomerStatusModal customer={customer} status={action} onClose={() => setAction(null)} />
      )}
    </Page>
  );
}

function EditCustomerModal({
  customer,
  onClose,
}: {
  customer: CustomerDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeCustomer(customer.id);
  const initialValues: CustomerDataValues = {
    legalNameZh: customer.legalNameZh,
    legalNameEn: customer.legalNameEn,
    kind: customer.kind,
    country: customer.country,
  };
  return (
    <ReasonModal<CustomerDataValues>
      open
      title={`${t('partners.actions.edit')} · ${customer.code}`}
      okText={t('partners.actions.save')}
      testId="customer-edit"
      width={640}
      initialValues={initialValues}
      onSubmit={async ({ reason, ...values }) => {
        await change.mutateAsync({ kind: 'update', body: { ...customerDataOf(values), reason } });
        void message.success(t('partners.actions.saved'));
      }}
      onClose={onClose}
    >
      <CustomerDataFields />
    </ReasonModal>
  );
}

function CustomerStatusModal({
  customer,
  status,
  onClose,
}: {
  customer: CustomerDetail;
  status: CustomerStatus;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const change = useChangeCustomer(customer.id);
  const label =
    status === 'active' ? t('partners.actions.reactivate') : t('partners.actions.deactivate');
  const name = `${customer.code} ${partnerNames(customer, language).primary}`;
  return (
    <ReasonModal
      open
      danger={status === 'inactive'}
      title={`${label} · ${customer.code}`}
      okText={label}
      testId="customer-status-change"
      description={
        <Alert
          type={status === 'active' ? 'info' : 'warning'}
          showIcon
          title={
            status === 'active'
              ? t('partners.customers.reactivateDescription', { name })
              : t('partners.customers.deactivateDescription', { name })
          }
        />
      }
      onSubmit={async ({ reason }) => {
        await change.mutateAsync({ kind: 'status', body: { status, reason } });
        void message.success(t('partners.actions.done', { action: label }));
      }}
      onClose={onClose}
    />
  );
}

import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  CUSTOMER_KINDS,
  CUSTOMER_STATUSES,
  useCustomers,
  type Customer,
  type CustomerFilters,
  type CustomerKind,
  type CustomerStatus,
  customerKeys,
} from '../../api/partners.ts';
import { useCan } from '../../auth/session.ts';
import { CsvImportDialog } from '../../components/CsvImportDialog.tsx';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZES, oneOf, pageOf } from '../../list-params.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { CreateCustomerDrawer } from './CreateCustomerDrawer.tsx';
import { countryText } from './partner-format.ts';
import { CustomerStatusTag, PartnerName } from './partner-tags.tsx';

const COUNTRY = /^[A-Za-z]{2}$/;

export function CustomersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const mayManage = useCan('customer.manage');
  const [params, update] = useSearchFilters();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const country = params.get('country')?.toUpperCase();
  const filters: CustomerFilters = {
    q: params.get('q') || undefined,
    kind: oneOf(CUSTOMER_KINDS, params.get('kind')),
    status: oneOf(CUSTOMER_STATUSES, params.get('status')),
    country: country && COUNTRY.test(country) ? country : undefined,
  };
  const { page, pageSize, limit, offset } = pageOf(params);
  const customers = useCustomers({ ...filters, limit, offset });
  const filtered = Object.values(filters).some((value) => value !== undefined);

  const columns: TableProps<Customer>['columns'] = [
    {
      key: 'code',
      title: t('partners.customers.fields.code'),
      width: 140,
      render: (_, customer) => (
        <Link
          to={`/customers/${customer.id}`}
          className="mono nowrap"
          data-testid={`customer-link-${customer.code}`}
        >
          {customer.code}
        </Link>
      ),
    },
    {
      key: 'name',
      title: t('partners.customers.fields.name'),
      render: (_, customer) => <PartnerName partner={customer} language={language} />,
    },
    {
      key: 'country',
      title: t('partners.fields.country'),
      width: 160,
      render: (_, customer) => (
        <span className="nowrap">{countryText(customer.country, language)}</span>
      ),
    },
    {
      key: 'kind',
      title: t('partners.customers.fields.kind'),
      width: 140,
      render: (_, customer) => (
        <span className="nowrap" data-testid="customer-kind">
          {t(`partners.customerKind.${customer.kind}`)}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('partners.customers.fields.status'),
      width: 110,
      render: (_, customer) => <CustomerStatusTag status={customer.status} />,
    },
  ];

  return (
    <Page
      title={t('partners.customers.title')}
      extra={
        <Flex gap={8} wrap>
          <ExportCsvButton entity="customers" filters={{ ...filters }} testId="customers-export" />
          {mayManage && (
            <Button
              icon={<ImportOutlined />}
              onClick={() => setImporting(true)}
              data-testid="customers-import"
            >
              {t('csv.import.open')}
            </Button>
          )}
          {mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-customer"
            >
              {t('partners.customers.new')}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('partners.customers.lead')}
      </Typography.Paragraph>
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar" data-testid="customers-filters">
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('partners.customers.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 280 }}
            data-testid="customers-search"
          />
          <Select<CustomerKind>
            allowClear
            placeholder={t('partners.customers.allKinds')}
            value={filters.kind}
            onChange={(value) => update({ kind: value })}
            options={CUSTOMER_KINDS.map((value) => ({
              value,
              label: t(`partners.customerKind.${value}`),
            }))}
            style={{ width: 160 }}
            data-testid="customers-filter-kind"
          />
          <Select<CustomerStatus>
            allowClear
            placeholder={t('partners.customers.allStatuses')}
            value={filters.status}
            onChange={(value) => update({ status: value })}
            options={CUSTOMER_STATUSES.map((value) => ({
              value,
              label: t(`partners.customerStatus.${value}`),
            }))}
            style={{ width: 140 }}
            data-testid="customers-filter-status"
          />
          <Input.Search
            key={`country-${filters.country ?? ''}`}
            defaultValue={filters.country}
            allowClear
            maxLength={2}
            placeholder={t('partners.countryFilter')}
            onSearch={(value) => update({ country: value.trim().toUpperCase() })}
            style={{ width: 170 }}
            className="mono"
            data-testid="customers-filter-country"
          />
        </Flex>
        {customers.isError && (
          <ProblemAlert
            error={customers.error}
            onRetry={() => void customers.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<Customer>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={customers.data?.items ?? []}
          loading={customers.isFetching}
          scroll={{ x: 860 }}
          locale={{
            emptyText: customers.isPending
              ? t('common.loading')
              : filtered
                ? t('partners.customers.noMatch')
                : t('partners.customers.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: customers.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="customers-table"
        />
      </Card>
      <CreateCustomerDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(customer) => {
          setCreating(false);
          void navigate(`/customers/${customer.id}`);
        }}
      />
      <CsvImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        entity="customers"
        title={t('partners.customers.importTitle')}
        invalidate={[customerKeys.all]}
        testId="customers-import"
      />
    </Page>
  );
}

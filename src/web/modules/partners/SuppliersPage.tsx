import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  SUPPLIER_STATUSES,
  useSuppliers,
  type Supplier,
  type SupplierFilters,
  type SupplierStatus,
  supplierKeys,
} from '../../api/partners.ts';
import { useCan } from '../../auth/session.ts';
import { CsvImportDialog } from '../../components/CsvImportDialog.tsx';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZES, oneOf, pageOf } from '../../list-params.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { CreateSupplierDrawer } from './CreateSupplierDrawer.tsx';
import { ExpiringCertificates } from './ExpiringCertificates.tsx';
import { countryText } from './partner-format.ts';
import { PartnerName, SupplierStatusTag } from './partner-tags.tsx';

const COUNTRY = /^[A-Za-z]{2}$/;

export function SuppliersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const mayManage = useCan('supplier.manage');
  const [params, update] = useSearchFilters();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const country = params.get('country')?.toUpperCase();
  const filters: SupplierFilters = {
    q: params.get('q') || undefined,
    approvalStatus: oneOf(SUPPLIER_STATUSES, params.get('status')),
    country: country && COUNTRY.test(country) ? country : undefined,
  };
  const { page, pageSize, limit, offset } = pageOf(params);
  const suppliers = useSuppliers({ ...filters, limit, offset });
  const filtered = Object.values(filters).some((value) => value !== undefined);

  const columns: TableProps<Supplier>['columns'] = [
    {
      key: 'code',
      title: t('partners.suppliers.fields.code'),
      width: 140,
      render: (_, supplier) => (
        <Link
          to={`/suppliers/${supplier.id}`}
          className="mono nowrap"
          data-testid={`supplier-link-${supplier.code}`}
        >
          {supplier.code}
        </Link>
      ),
    },
    {
      key: 'name',
      title: t('partners.suppliers.fields.name'),
      render: (_, supplier) => <PartnerName partner={supplier} language={language} />,
    },
    {
      key: 'country',
      title: t('partners.fields.country'),
      width: 160,
      render: (_, supplier) => (
        <span className="nowrap">{countryText(supplier.country, language)}</span>
      ),
    },
    {
      key: 'contact',
      title: t('partners.suppliers.fields.contact'),
      width: 260,
      render: (_, supplier) =>
        supplier.contactName || supplier.contactEmail || supplier.contactPhone ? (
          <span className="item-name">
            <span>{supplier.contactName ?? '—'}</span>
            {[supplier.contactPhone, supplier.contactEmail].map(
              (line) =>
                line && (
                  <Typography.Text key={line} type="secondary" className="item-name-other">
                    {line}
                  </Typography.Text>
                ),
            )}
          </span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('partners.suppliers.fields.approvalStatus'),
      width: 190,
      render: (_, supplier) => <SupplierStatusTag status={supplier.approvalStatus} />,
    },
  ];

  return (
    <Page
      title={t('partners.suppliers.title')}
      extra={
        <Flex gap={8} wrap>
          <ExportCsvButton entity="suppliers" filters={{ ...filters }} testId="suppliers-export" />
          {mayManage && (
            <Button
              icon={<ImportOutlined />}
              onClick={() => setImporting(true)}
              data-testid="suppliers-import"
            >
              {t('csv.import.open')}
            </Button>
          )}
          {mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-supplier"
            >
              {t('partners.suppliers.new')}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('partners.suppliers.lead')}
      </Typography.Paragraph>
      <ExpiringCertificates />
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar" data-testid="suppliers-filters">
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('partners.suppliers.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 280 }}
            data-testid="suppliers-search"
          />
          <Select<SupplierStatus>
            allowClear
            placeholder={t('partners.suppliers.allStatuses')}
            value={filters.approvalStatus}
            onChange={(value) => update({ status: value })}
            options={SUPPLIER_STATUSES.map((value) => ({
              value,
              label: t(`partners.supplierStatus.${value}`),
            }))}
            style={{ width: 200 }}
            data-testid="suppliers-filter-status"
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
            data-testid="suppliers-filter-country"
          />
        </Flex>
        {suppliers.isError && (
          <ProblemAlert
            error={suppliers.error}
            onRetry={() => void suppliers.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<Supplier>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={suppliers.data?.items ?? []}
          loading={suppliers.isFetching}
          scroll={{ x: 960 }}
          locale={{
            emptyText: suppliers.isPending
              ? t('common.loading')
              : filtered
                ? t('partners.suppliers.noMatch')
                : t('partners.suppliers.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: suppliers.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="suppliers-table"
        />
      </Card>
      <CreateSupplierDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(supplier) => {
          setCreating(false);
          void navigate(`/suppliers/${supplier.id}`);
        }}
      />
      <CsvImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        entity="suppliers"
        title={t('partners.suppliers.importTitle')}
        invalidate={[supplierKeys.all]}
        testId="suppliers-import"
      />
    </Page>
  );
}

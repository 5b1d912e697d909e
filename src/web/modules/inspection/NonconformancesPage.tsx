import { Card, Descriptions, Drawer, Flex, Input, Select, Skeleton, Table, Typography } from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  NONCONFORMANCE_STATUSES,
  useNonconformance,
  useNonconformances,
  type Nonconformance,
  type NonconformanceFilters,
  type NonconformanceStatus,
} from '../../api/inspection.ts';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime, formatDateTimeShort } from '../../format.ts';
import type { Language } from '../../i18n/language.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZES, oneOf, pageOf } from '../../list-params.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { ItemName } from '../items/item-tags.tsx';
import { LotStatusTag, NcrStatusTag } from './inspection-tags.tsx';

function supplierName(supplier: NonNullable<Nonconformance['supplier']>, language: Language) {
  return language === 'zh-CN' ? supplier.nameZh : supplier.nameEn;
}

/** Where a nonconformance came from: a link to its inspection. */
function SourceLink({ source }: { source: Nonconformance['source'] }) {
  const { t } = useTranslation();
  if (source.type === 'inspection') {
    return (
      <Link to={`/inspections/${source.id}`} className="mono" data-testid="ncr-source-link">
        {t('inspection.ncr.openInspection', { code: source.code ?? source.id.slice(0, 8) })}
      </Link>
    );
  }
  return <span className="mono">{source.code ?? source.type}</span>;
}

export function NonconformancesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, update] = useSearchFilters();
  const filters: NonconformanceFilters = {
    q: params.get('q') || undefined,
    status: oneOf(NONCONFORMANCE_STATUSES, params.get('status')),
  };
  const openId = params.get('ncr') || undefined;
  const { page, pageSize, limit, offset } = pageOf(params);
  const list = useNonconformances({ ...filters, limit, offset });
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const keepPage = params.get('page') ?? undefined;

  const columns: TableProps<Nonconformance>['columns'] = [
    {
      key: 'code',
      title: t('inspection.fields.code'),
      width: 110,
      render: (_, ncr) => (
        <Link
          to={`?ncr=${ncr.id}`}
          onClick={(event) => {
            event.preventDefault();
            update({ ncr: ncr.id, page: keepPage });
          }}
          className="mono nowrap"
          data-testid={`ncr-link-${ncr.code}`}
        >
          {ncr.code}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('inspection.fields.status'),
      width: 100,
      render: (_, ncr) => <NcrStatusTag status={ncr.status} />,
    },
    {
      key: 'item',
      title: t('inspection.fields.item'),
      width: 260,
      render: (_, ncr) => (
        <Flex gap={8} align="start">
          <span className="mono nowrap">{ncr.item.code}</span>
          <ItemName item={ncr.item} language={language} />
        </Flex>
      ),
    },
    {
      key: 'lots',
      title: t('inspection.fields.lots'),
      width: 200,
      render: (_, ncr) => (
        <Flex vertical gap={0}>
          {ncr.lots.map((lot) => (
            <Link key={lot.id} to={`/lots/${lot.id}`} className="mono nowrap">
              {lot.code}
            </Link>
          ))}
        </Flex>
      ),
    },
    {
      key: 'supplier',
      title: t('inspection.fields.supplier'),
      width: 180,
      render: (_, ncr) =>
        ncr.supplier ? (
          <Flex vertical gap={0}>
            <span className="mono">{ncr.supplier.code}</span>
            <Typography.Text type="secondary" ellipsis>
              {supplierName(ncr.supplier, language)}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'description',
      title: t('inspection.fields.description'),
      render: (_, ncr) => (
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
          {ncr.description}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'createdAt',
      title: t('inspection.fields.createdAt'),
      width: 170,
      render: (_, ncr) => (
        <time dateTime={ncr.createdAt} className="nowrap">
          {formatDateTimeShort(ncr.createdAt, language)}
        </time>
      ),
    },
  ];

  return (
    <Page title={t('inspection.nonconformancesTitle')}>
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('inspection.nonconformancesLead')}
      </Typography.Paragraph>
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar" data-testid="ncrs-filters">
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('inspection.ncrSearchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 280 }}
            data-testid="ncrs-search"
          />
          <Select<NonconformanceStatus>
            allowClear
            placeholder={t('inspection.allStatuses')}
            value={filters.status}
            onChange={(value) => update({ status: value })}
            options={NONCONFORMANCE_STATUSES.map((value) => ({
              value,
              label: t(`inspection.ncrStatus.${value}`),
            }))}
            style={{ width: 150 }}
            data-testid="ncrs-filter-status"
          />
        </Flex>
        {list.isError && (
          <ProblemAlert
            error={list.error}
            onRetry={() => void list.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<Nonconformance>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1200 }}
          locale={{
            emptyText: list.isPending
              ? t('common.loading')
              : filtered
                ? t('inspection.ncrNoMatch')
                : t('inspection.ncrEmpty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="ncrs-table"
        />
      </Card>
      {openId && (
        <NcrDrawer id={openId} onClose={() => update({ ncr: undefined, page: keepPage })} />
      )}
    </Page>
  );
}

function NcrDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const ncr = useNonconformance(id);
  return (
    <Drawer
      open
      size={720}
      onClose={onClose}
      destroyOnHidden
      title={
        ncr.data
          ? t('inspection.ncr.detailTitle', { code: ncr.data.code })
          : t('inspection.nonconformancesTitle')
      }
      data-testid="ncr-drawer"
    >
      {ncr.isPending ? (
        <Skeleton active />
      ) : ncr.isError ? (
        <ProblemAlert error={ncr.error} onRetry={() => void ncr.refetch()} />
      ) : (
        <NcrView ncr={ncr.data} />
      )}
    </Drawer>
  );
}

function NcrView({ ncr }: { ncr: Nonconformance }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fields: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('inspection.fields.code'),
      children: (
        <span className="mono" data-testid="ncr-code">
          {ncr.code}
        </span>
      ),
    },
    {
      key: 'status',
      label: t('inspection.fields.status'),
      children: <NcrStatusTag status={ncr.status} />,
    },
    {
      key: 'source',
      label: t('inspection.fields.source'),
      children: <SourceLink source={ncr.source} />,
    },
    {
      key: 'item',
      label: t('inspection.fields.item'),
      children: (
        <Flex gap={8} align="start">
          <Link to={`/items/${ncr.item.id}`} className="mono nowrap">
            {ncr.item.code}
          </Link>
          <ItemName item={ncr.item} language={language} />
        </Flex>
      ),
    },
    {
      key: 'supplier',
      label: t('inspection.fields.supplier'),
      children: ncr.supplier ? (
        <span>
          <Link to={`/suppliers/${ncr.supplier.id}`} className="mono">
            {ncr.supplier.code}
          </Link>{' '}
          {supplierName(ncr.supplier, language)}
        </span>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
    },
    {
      key: 'lots',
      label: t('inspection.fields.lots'),
      children: (
        <Flex vertical gap={4} data-testid="ncr-lots">
          {ncr.lots.map((lot) => (
            <Flex key={lot.id} gap={8} align="center">
              <Link to={`/lots/${lot.id}`} className="mono" data-testid="ncr-lot-link">
                {lot.code}
              </Link>
              <LotStatusTag status={lot.qualityStatus} testId="ncr-lot-status" />
            </Flex>
          ))}
        </Flex>
      ),
    },
    {
      key: 'createdBy',
      label: t('inspection.fields.createdBy'),
      children: (
        <span>
          {ncr.createdBy.name} ·{' '}
          <time dateTime={ncr.createdAt}>{formatDateTime(ncr.createdAt, language)}</time>
        </span>
      ),
    },
    {
      key: 'description',
      label: t('inspection.fields.description'),
      children: (
        <div className="preserve-lines" data-testid="ncr-description">
          {ncr.description}
        </div>
      ),
    },
  ];
  return (
    <Flex vertical gap={12} data-testid="ncr-view">
      <Descriptions
        bordered
        size="small"
        column={1}
        items={fields}
        styles={{ label: { width: 150 } }}
      />
      <HistoryPanel entityType="nonconformance" entityId={ncr.id} />
    </Flex>
  );
}

import { Card, Flex, Input, Segmented, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  INSPECTION_STATUSES,
  useInspections,
  type InspectionFilters,
  type InspectionStatus,
  type InspectionSummary,
} from '../../api/inspection.ts';
import { useCan } from '../../auth/session.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTimeShort } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZES, oneOf, pageOf } from '../../list-params.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { ItemPicker } from '../engineering/pickers.tsx';
import { ItemName } from '../items/item-tags.tsx';
import { plainDecimal } from '../items/item-format.ts';
import {
  DecisionTag,
  InspectionStatusTag,
  LotStatusTag,
  SeverityTag,
  VerdictTag,
} from './inspection-tags.tsx';
import { SupplierPicker } from './SupplierPicker.tsx';

type StatusView = InspectionStatus | 'all';
const STATUS_VIEWS: readonly StatusView[] = [...INSPECTION_STATUSES, 'all'];

export function InspectionsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const maySeeSuppliers = useCan('supplier.read');
  const [params, update] = useSearchFilters();
  // The inspector's work first: open inspections unless another view is chosen.
  const view: StatusView = oneOf(STATUS_VIEWS, params.get('status')) ?? 'open';
  const filters: InspectionFilters = {
    q: params.get('q') || undefined,
    status: view === 'all' ? undefined : view,
    itemId: params.get('itemId') || undefined,
    supplierId: params.get('supplierId') || undefined,
  };
  const { page, pageSize, limit, offset } = pageOf(params);
  const inspections = useInspections({ ...filters, limit, offset });
  const searched = Boolean(filters.q || filters.itemId || filters.supplierId);

  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const columns: TableProps<InspectionSummary>['columns'] = [
    {
      key: 'code',
      title: t('inspection.fields.code'),
      width: 110,
      render: (_, inspection) => (
        <Link
          to={`/inspections/${inspection.id}`}
          className="mono nowrap"
          data-testid={`inspection-link-${inspection.code}`}
        >
          {inspection.code}
        </Link>
      ),
    },
    {
      key: 'lot',
      title: t('inspection.fields.lot'),
      width: 200,
      render: (_, inspection) => (
        <Flex gap={4} wrap align="center">
          <Link to={`/lots/${inspection.lot.id}`} className="mono nowrap">
            {inspection.lot.code}
          </Link>
          <LotStatusTag status={inspection.lot.qualityStatus} />
        </Flex>
      ),
    },
    {
      key: 'item',
      title: t('inspection.fields.item'),
      render: (_, inspection) => (
        <Flex gap={8} align="start">
          <span className="mono nowrap">{inspection.item.code}</span>
          <ItemName item={inspection.item} language={language} />
        </Flex>
      ),
    },
    {
      key: 'supplier',
      title: t('inspection.fields.supplier'),
      width: 200,
      render: (_, inspection) =>
        inspection.supplier ? (
          <Flex vertical gap={0}>
            <span className="mono nowrap">{inspection.supplier.code}</span>
            <Typography.Text type="secondary" ellipsis>
              {language === 'zh-CN' ? inspection.supplier.nameZh : inspection.supplier.nameEn}
            </Typography.Text>
          </Flex>
        ) : (
          dash
        ),
    },
    {
      key: 'lotSize',
      title: t('inspection.fields.lotSize'),
      width: 100,
      align: 'right',
      render: (_, inspection) => (
        <span className="mono nowrap">
          {plainDecimal(inspection.lotSize)} {inspection.item.uom}
        </span>
      ),
    },
    {
      key: 'sample',
      title: t('inspection.fields.sampleSize'),
      width: 110,
      render: (_, inspection) => (
        <span className="nowrap">
          <span className="mono">{inspection.sampleSize}</span>{' '}
          <Typography.Text type="secondary">({inspection.codeLetter})</Typography.Text>
        </span>
      ),
    },
    {
      key: 'severity',
      title: t('inspection.fields.severity'),
      width: 110,
      render: (_, inspection) => <SeverityTag severity={inspection.severity} />,
    },
    {
      key: 'status',
      title: t('inspection.fields.status'),
      width: 150,
      render: (_, inspection) =>
        inspection.decision ? (
          <DecisionTag decision={inspection.decision} />
        ) : (
          <Flex gap={4} wrap>
            <InspectionStatusTag status={inspection.status} />
            <VerdictTag verdict={inspection.verdict} />
          </Flex>
        ),
    },
    {
      key: 'createdAt',
      title: t('inspection.fields.createdAt'),
      width: 170,
      render: (_, inspection) => (
        <time dateTime={inspection.createdAt} className="nowrap">
          {formatDateTimeShort(inspection.createdAt, language)}
        </time>
      ),
    },
  ];

  return (
    <Page title={t('inspection.title')}>
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('inspection.lead')}
      </Typography.Paragraph>
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar" data-testid="inspections-filters">
          <Segmented<StatusView>
            value={view}
            onChange={(value) => update({ status: value === 'open' ? undefined : value })}
            options={STATUS_VIEWS.map((value) => ({
              value,
              label:
                value === 'all' ? t('inspection.allStatuses') : t(`inspection.status.${value}`),
            }))}
            data-testid="inspections-filter-status"
          />
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('inspection.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 280 }}
            data-testid="inspections-search"
          />
          <div style={{ width: 240 }}>
            <ItemPicker
              value={filters.itemId}
              onChange={(id) => update({ itemId: id })}
              placeholder={t('inspection.allItems')}
              testId="inspections-filter-item"
            />
          </div>
          {maySeeSuppliers && (
            <SupplierPicker
              value={filters.supplierId}
              onChange={(id) => update({ supplierId: id })}
              testId="inspections-filter-supplier"
            />
          )}
        </Flex>
        {inspections.isError && (
          <ProblemAlert
            error={inspections.error}
            onRetry={() => void inspections.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<InspectionSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={inspections.data?.items ?? []}
          loading={inspections.isFetching}
          scroll={{ x: 1280 }}
          locale={{
            emptyText: inspections.isPending
              ? t('common.loading')
              : searched
                ? t('inspection.noMatch')
                : view === 'open'
                  ? t('inspection.noOpen')
                  : t('inspection.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: inspections.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="inspections-table"
        />
      </Card>
    </Page>
  );
}

import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  ITEM_STATUSES,
  ITEM_TYPES,
  TRACKING_MODES,
  itemKeys,
  useItems,
  type Item,
  type ItemFilters,
  type ItemStatus,
  type ItemType,
  type Tracking,
} from '../../api/items.ts';
import { useCan } from '../../auth/session.ts';
import { CsvImportDialog } from '../../components/CsvImportDialog.tsx';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { CreateItemDrawer } from './CreateItemDrawer.tsx';
import { shelfLifeText } from './item-format.ts';
import { ItemName, ItemStatusTag, TrackingTag } from './item-tags.tsx';

const PAGE_SIZES = [20, 50, 100];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function ItemsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const mayManage = useCan('item.manage');
  const [params, update] = useSearchFilters();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const filters: ItemFilters = {
    q: params.get('q') || undefined,
    type: oneOf(ITEM_TYPES, params.get('type')),
    status: oneOf(ITEM_STATUSES, params.get('status')),
    tracking: oneOf(TRACKING_MODES, params.get('tracking')),
  };
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('size'), PAGE_SIZES[0] ?? 20);
  const items = useItems({ ...filters, limit: pageSize, offset: (page - 1) * pageSize });
  const filtered = Object.values(filters).some((value) => value !== undefined);

  const columns: TableProps<Item>['columns'] = [
    {
      key: 'code',
      title: t('items.fields.code'),
      width: 160,
      render: (_, item) => (
        <Link
          to={`/items/${item.id}`}
          className="mono nowrap"
          data-testid={`item-link-${item.code}`}
        >
          {item.code}
        </Link>
      ),
    },
    {
      key: 'name',
      title: t('items.fields.name'),
      render: (_, item) => <ItemName item={item} language={language} />,
    },
    {
      key: 'type',
      title: t('items.fields.type'),
      width: 130,
      render: (_, item) => (
        <span className="nowrap" data-testid="item-type">
          {t(`items.types.${item.type}`)}
        </span>
      ),
    },
    {
      key: 'tracking',
      title: t('items.fields.tracking'),
      width: 130,
      render: (_, item) => <TrackingTag tracking={item.tracking} />,
    },
    { key: 'uom', title: t('items.fields.uomShort'), dataIndex: 'uom', width: 80 },
    {
      key: 'shelfLife',
      title: t('items.fields.shelfLife'),
      width: 120,
      render: (_, item) =>
        item.shelfLifeDays === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <span className="nowrap">{shelfLifeText(item.shelfLifeDays, t)}</span>
        ),
    },
    {
      key: 'primaryDi',
      title: t('items.fields.primaryDi'),
      width: 150,
      render: (_, item) =>
        item.deviceModel ? (
          <span className="mono nowrap">{item.deviceModel.primaryDi}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('items.fields.status'),
      width: 90,
      render: (_, item) => <ItemStatusTag status={item.status} />,
    },
  ];

  return (
    <Page
      title={t('items.title')}
      extra={
        <Flex gap={8} wrap>
          <ExportCsvButton entity="items" filters={{ ...filters }} testId="items-export" />
          {mayManage && (
            <Button
              icon={<ImportOutlined />}
              onClick={() => setImporting(true)}
              data-testid="items-import"
            >
              {t('csv.import.open')}
            </Button>
          )}
          {mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-item"
            >
              {t('items.new')}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('items.lead')}
      </Typography.Paragraph>
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar" data-testid="items-filters">
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('items.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 280 }}
            data-testid="items-search"
          />
          <Select<ItemType>
            allowClear
            placeholder={t('items.allTypes')}
            value={filters.type}
            onChange={(value) => update({ type: value })}
            options={ITEM_TYPES.map((value) => ({ value, label: t(`items.types.${value}`) }))}
            style={{ width: 160 }}
            data-testid="items-filter-type"
          />
          <Select<Tracking>
            allowClear
            placeholder={t('items.allTracking')}
            value={filters.tracking}
            onChange={(value) => update({ tracking: value })}
            options={TRACKING_MODES.map((value) => ({
              value,
              label: t(`items.tracking.${value}`),
            }))}
            style={{ width: 170 }}
            data-testid="items-filter-tracking"
          />
          <Select<ItemStatus>
            allowClear
            placeholder={t('items.allStatuses')}
            value={filters.status}
            onChange={(value) => update({ status: value })}
            options={ITEM_STATUSES.map((value) => ({ value, label: t(`items.status.${value}`) }))}
            style={{ width: 140 }}
            data-testid="items-filter-status"
          />
        </Flex>
        {items.isError && (
          <ProblemAlert
            error={items.error}
            onRetry={() => void items.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<Item>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={items.data?.items ?? []}
          loading={items.isFetching}
          scroll={{ x: 1080 }}
          locale={{
            emptyText: items.isPending
              ? t('common.loading')
              : filtered
                ? t('items.noMatch')
                : t('items.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: items.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="items-table"
        />
      </Card>
      <CreateItemDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(item) => {
          setCreating(false);
          void navigate(`/items/${item.id}`);
        }}
      />
      <CsvImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        entity="items"
        title={t('items.csv.importTitle')}
        invalidate={[itemKeys.all]}
        testId="items-import"
      />
    </Page>
  );
}

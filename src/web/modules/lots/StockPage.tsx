import { AimOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  MOVEMENT_TYPES,
  QUALITY_STATUSES,
  useFefoSuggestion,
  useStockBalances,
  type BalanceFilters,
  type FefoSuggestion,
  type MovementType,
  type QualityStatus,
  type StockBalance,
} from '../../api/lots.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { PAGE_SIZES, oneOf, pageOf, positiveInt } from '../../list-params.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { MovementsTable } from './MovementsTable.tsx';
import {
  ExpiryText,
  ItemCell,
  ItemSelect,
  LocationPicker,
  LocationTreeFilter,
  Quantity,
  QualityStatusTag,
} from './lot-parts.tsx';
import { isQuantity } from '../../../shared/decimal.ts';
import { quantityText } from './quantity.ts';

export function StockPage() {
  const { t } = useTranslation();
  const [params, update] = useSearchFilters();
  const filters: BalanceFilters = {
    q: params.get('q') || undefined,
    locationId: params.get('locationId') || undefined,
    itemId: params.get('itemId') || undefined,
    lotId: params.get('lotId') || undefined,
    status: oneOf(QUALITY_STATUSES, params.get('status')),
  };
  const movementType = oneOf(MOVEMENT_TYPES, params.get('movementType'));
  const movementPage = positiveInt(params.get('mpage'), 1);
  const { page, pageSize, limit, offset } = pageOf(params);
  const balances = useStockBalances({ ...filters, limit, offset });
  const filtered = Object.values(filters).some((value) => value !== undefined);

  const columns: TableProps<StockBalance>['columns'] = [
    {
      key: 'location',
      title: t('lots.fields.location'),
      width: 220,
      render: (_, b) => (
        <span className="item-name">
          <span className="mono nowrap">{b.locationCode}</span>
          <Typography.Text type="secondary" className="item-name-other" ellipsis>
            {t(`plant.locationKind.${b.locationKind}`)} · {b.locationPath}
          </Typography.Text>
        </span>
      ),
    },
    { key: 'item', title: t('lots.fields.item'), render: (_, b) => <ItemCell thing={b} /> },
    {
      key: 'lot',
      title: t('lots.fields.code'),
      width: 170,
      render: (_, b) => (
        <Link
          to={`/lots/${b.traceUnitId}`}
          className="mono nowrap"
          data-testid={`balance-lot-${b.traceUnitCode}`}
        >
          {b.traceUnitCode}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('lots.fields.status'),
      width: 120,
      render: (_, b) => <QualityStatusTag status={b.qualityStatus} />,
    },
    {
      key: 'expiresOn',
      title: t('lots.fields.expiresOn'),
      width: 200,
      render: (_, b) => <ExpiryText expiresOn={b.expiresOn} />,
    },
    {
      key: 'quantity',
      title: t('lots.fields.quantity'),
      width: 130,
      align: 'right',
      render: (_, b) => <Quantity value={b.quantity} unit={b.unit} />,
    },
  ];

  return (
    <Page title={t('lots.stockTitle')}>
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('lots.stock.lead')}
      </Typography.Paragraph>
      <Card size="small" className="section-card" title={t('lots.stock.balancesTitle')}>
        <Flex gap={8} wrap className="table-toolbar" data-testid="stock-filters">
          <LocationTreeFilter
            value={filters.locationId}
            onChange={(id) => update({ locationId: id })}
            width={260}
            testId="stock-filter-location"
          />
          <ItemSelect
            value={filters.itemId}
            onChange={(id) => update({ itemId: id })}
            placeholder={t('lots.filters.allItems')}
            width={240}
            testId="stock-filter-item"
          />
          <Select<QualityStatus>
            allowClear
            placeholder={t('lots.filters.allStatuses')}
            value={filters.status}
            onChange={(value) => update({ status: value })}
            options={QUALITY_STATUSES.map((value) => ({
              value,
              label: t(`lots.status.${value}`),
            }))}
            style={{ width: 150 }}
            data-testid="stock-filter-status"
          />
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('lots.stock.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 270 }}
            data-testid="stock-search"
          />
          {filters.lotId && (
            <Tag
              closable
              onClose={() => update({ lotId: undefined })}
              data-testid="stock-lot-filter"
            >
              {t('lots.stock.oneLot', {
                code: balances.data?.items[0]?.traceUnitCode ?? '…',
              })}
            </Tag>
          )}
        </Flex>
        {balances.isError && (
          <ProblemAlert
            error={balances.error}
            onRetry={() => void balances.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<StockBalance>
          size="small"
          rowKey={(b) => `${b.traceUnitId}:${b.locationId}`}
          columns={columns}
          dataSource={balances.data?.items ?? []}
          loading={balances.isFetching}
          scroll={{ x: 1100 }}
          locale={{
            emptyText: balances.isPending
              ? t('common.loading')
              : filtered
                ? t('lots.stock.noMatch')
                : t('lots.stock.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: balances.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="stock-table"
        />
      </Card>
      <FefoCard />
      <Card
        size="small"
        className="section-card"
        title={
          <span>
            <HistoryOutlined aria-hidden /> {t('lots.movements.recentTitle')}
          </span>
        }
        extra={
          <Select<MovementType>
            allowClear
            size="small"
            placeholder={t('lots.movements.allTypes')}
            value={movementType}
            onChange={(value) => update({ movementType: value, mpage: undefined, page })}
            options={MOVEMENT_TYPES.map((value) => ({
              value,
              label: t(`lots.movementTypes.${value}`),
            }))}
            style={{ width: 170 }}
            data-testid="movements-filter-type"
          />
        }
      >
        <Typography.Paragraph type="secondary">
          {t('lots.movements.filterNote')}
        </Typography.Paragraph>
        <MovementsTable
          filters={{
            locationId: filters.locationId,
            itemId: filters.itemId,
            lotId: filters.lotId,
            type: movementType,
          }}
          page={movementPage}
          onPageChange={(next) => update({ mpage: next, page })}
          testId="stock-movements"
        />
      </Card>
    </Page>
  );
}

interface FefoQuery {
  itemId: string;
  quantity: string;
  locationId?: string;
}

/** Which released, unexpired lots to pick for an item and quantity: earliest expiry first. */
function FefoCard() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FefoQuery>();
  const [query, setQuery] = useState<FefoQuery | null>(null);
  const suggestion = useFefoSuggestion(query);

  return (
    <Card
      size="small"
      className="section-card"
      title={
        <span>
          <AimOutlined aria-hidden /> {t('lots.fefo.title')}
        </span>
      }
      data-testid="fefo-card"
    >
      <Typography.Paragraph type="secondary">{t('lots.fefo.lead')}</Typography.Paragraph>
      <Form<FefoQuery>
        form={form}
        layout="inline"
        onFinish={(values) =>
          setQuery({
            itemId: values.itemId,
            quantity: values.quantity.trim(),
            ...(values.locationId ? { locationId: values.locationId } : {}),
          })
        }
        className="fefo-form"
      >
        <Form.Item name="itemId" rules={[{ required: true, message: t('lots.fefo.itemRequired') }]}>
          <ItemSelect width={260} testId="fefo-item" />
        </Form.Item>
        <Form.Item
          name="quantity"
          rules={[
            { required: true, whitespace: true, message: t('lots.actions.quantityRequired') },
            {
              validator: async (_, value: string | undefined) => {
                const text = (value ?? '').trim();
                if (text && !isQuantity(text)) throw new Error(t('lots.actions.quantityInvalid'));
              },
            },
          ]}
        >
          <Input
            placeholder={t('lots.fefo.quantity')}
            className="mono"
            inputMode="decimal"
            autoComplete="off"
            style={{ width: 140 }}
            data-testid="fefo-quantity"
          />
        </Form.Item>
        <Form.Item name="locationId">
          <LocationPicker
            allowClear
            placeholder={t('lots.fefo.anyLocation')}
            width={220}
            testId="fefo-location"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" data-testid="fefo-submit">
            {t('lots.fefo.suggest')}
          </Button>
        </Form.Item>
      </Form>
      {suggestion.isError && <ProblemAlert error={suggestion.error} style={{ marginTop: 12 }} />}
      {suggestion.data && <FefoResult suggestion={suggestion.data} />}
    </Card>
  );
}

function FefoResult({ suggestion }: { suggestion: FefoSuggestion }) {
  const { t } = useTranslation();
  type Pick = FefoSuggestion['picks'][number];
  const columns: TableProps<Pick>['columns'] = [
    {
      key: 'lot',
      title: t('lots.fields.code'),
      render: (_, p) => (
        <Link to={`/lots/${p.traceUnitId}`} className="mono">
          {p.traceUnitCode}
        </Link>
      ),
    },
    {
      key: 'expiresOn',
      title: t('lots.fields.expiresOn'),
      render: (_, p) => <ExpiryText expiresOn={p.expiresOn} />,
    },
    {
      key: 'location',
      title: t('lots.fields.location'),
      render: (_, p) => (
        <span className="item-name">
          <span className="mono">{p.locationCode}</span>
          <Typography.Text type="secondary" className="item-name-other">
            {p.locationPath}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'available',
      title: t('lots.fefo.available'),
      align: 'right',
      render: (_, p) => <Quantity value={p.available} unit={suggestion.unit} />,
    },
    {
      key: 'pick',
      title: t('lots.fefo.pick'),
      align: 'right',
      render: (_, p) => (
        <strong>
          <Quantity value={p.pick} unit={suggestion.unit} />
        </strong>
      ),
    },
  ];
  return (
    <div style={{ marginTop: 12 }} data-testid="fefo-result">
      {suggestion.sufficient ? (
        <Alert
          type="success"
          showIcon
          title={t('lots.fefo.sufficient', { count: suggestion.picks.length })}
          style={{ marginBottom: 8 }}
        />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('lots.fefo.shortfall', {
            shortfall: `${quantityText(suggestion.shortfall)} ${suggestion.unit ?? ''}`.trim(),
          })}
          style={{ marginBottom: 8 }}
          data-testid="fefo-shortfall"
        />
      )}
      <Table<Pick>
        size="small"
        rowKey={(p) => `${p.traceUnitId}:${p.locationId}`}
        columns={columns}
        dataSource={suggestion.picks}
        pagination={false}
        locale={{ emptyText: t('lots.fefo.none') }}
        data-testid="fefo-picks"
      />
    </div>
  );
}

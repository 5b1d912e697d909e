import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Progress, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  PURCHASE_ORDER_STATUSES,
  usePurchaseOrders,
  type PurchaseOrder,
  type PurchaseOrderFilters,
  type PurchaseOrderStatus,
} from '../../api/purchasing.ts';
import { useCan } from '../../auth/session.ts';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTimeShort, formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZES, oneOf, pageOf } from '../../list-params.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { PartnerName } from '../partners/partner-tags.tsx';
import { CreatePurchaseOrderDrawer } from './CreatePurchaseOrderDrawer.tsx';
import { PurchaseOrderStatusTag, SupplierPicker, todayIso } from './purchasing-parts.tsx';
import { orderProgress } from './purchasing-format.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function PurchaseOrdersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const mayManage = useCan('purchasing.manage');
  const [params, update] = useSearchFilters();
  const [creating, setCreating] = useState(false);

  const supplierId = params.get('supplier') ?? '';
  const filters: PurchaseOrderFilters = {
    q: params.get('q') || undefined,
    status: oneOf(PURCHASE_ORDER_STATUSES, params.get('status')),
    supplierId: UUID.test(supplierId) ? supplierId : undefined,
  };
  const { page, pageSize, limit, offset } = pageOf(params);
  const orders = usePurchaseOrders({ ...filters, limit, offset });
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const today = todayIso();

  const columns: TableProps<PurchaseOrder>['columns'] = [
    {
      key: 'code',
      title: t('purchasing.fields.code'),
      width: 130,
      render: (_, order) => (
        <Link
          to={`/purchase-orders/${order.id}`}
          className="mono nowrap"
          data-testid={`po-link-${order.code}`}
        >
          {order.code}
        </Link>
      ),
    },
    {
      key: 'supplier',
      title: t('purchasing.fields.supplier'),
      minWidth: 240,
      render: (_, order) => (
        <Flex gap={8} align="baseline">
          <span className="mono nowrap">{order.supplier.code}</span>
          <PartnerName partner={order.supplier} language={language} />
        </Flex>
      ),
    },
    {
      key: 'reference',
      title: t('purchasing.fields.supplierReference'),
      width: 160,
      render: (_, order) =>
        order.supplierReference ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'lines',
      title: t('purchasing.fields.lines'),
      width: 220,
      render: (_, order) => (
        <span className="item-name">
          {order.lines.slice(0, 3).map((line) => (
            <span key={line.id} className="mono nowrap">
              {line.item.code}
            </span>
          ))}
          {order.lines.length > 3 && (
            <Typography.Text type="secondary">+{order.lines.length - 3}</Typography.Text>
          )}
        </span>
      ),
    },
    {
      key: 'due',
      title: t('purchasing.fields.nextDue'),
      width: 150,
      render: (_, order) => {
        const open = order.lines.filter((line) => /[1-9]/.test(line.openQuantity));
        const due = open.map((line) => line.dueDate).sort()[0];
        if (!due || order.status === 'closed' || order.status === 'cancelled')
          return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Typography.Text type={due < today ? 'danger' : undefined} className="nowrap">
            {formatIsoDate(due, language)}
          </Typography.Text>
        );
      },
    },
    {
      key: 'progress',
      title: t('purchasing.fields.progress'),
      width: 140,
      render: (_, order) => (
        <Progress
          percent={Math.round(orderProgress(order) * 100)}
          size="small"
          status={order.status === 'cancelled' ? 'exception' : 'normal'}
        />
      ),
    },
    {
      key: 'status',
      title: t('purchasing.fields.status'),
      width: 140,
      render: (_, order) => <PurchaseOrderStatusTag status={order.status} />,
    },
    {
      key: 'createdAt',
      title: t('purchasing.fields.createdAt'),
      width: 170,
      render: (_, order) => (
        <time dateTime={order.createdAt} className="nowrap">
          {formatDateTimeShort(order.createdAt, language)}
        </time>
      ),
    },
  ];

  return (
    <Page
      title={t('purchasing.title')}
      extra={
        <Flex gap={8} wrap>
          <ExportCsvButton
            entity="purchase-orders"
            filters={{ ...filters }}
            testId="purchase-orders-export"
          />
          {mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-purchase-order"
            >
              {t('purchasing.new')}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('purchasing.lead')}
      </Typography.Paragraph>
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar" data-testid="purchase-orders-filters">
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('purchasing.list.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 280 }}
            data-testid="purchase-orders-search"
          />
          <SupplierPicker
            value={filters.supplierId}
            onChange={(id) => update({ supplier: id })}
            allowClear
            placeholder={t('purchasing.list.allSuppliers')}
            width={280}
            testId="purchase-orders-filter-supplier"
          />
          <Select<PurchaseOrderStatus>
            allowClear
            placeholder={t('purchasing.list.allStatuses')}
            value={filters.status}
            onChange={(value) => update({ status: value })}
            options={PURCHASE_ORDER_STATUSES.map((value) => ({
              value,
              label: t(`purchasing.status.${value}`),
            }))}
            style={{ width: 180 }}
            data-testid="purchase-orders-filter-status"
          />
        </Flex>
        {orders.isError && (
          <ProblemAlert
            error={orders.error}
            onRetry={() => void orders.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<PurchaseOrder>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={orders.data?.items ?? []}
          loading={orders.isFetching}
          scroll={{ x: 1100 }}
          locale={{
            emptyText: orders.isPending
              ? t('common.loading')
              : filtered
                ? t('purchasing.list.noMatch')
                : t('purchasing.list.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: orders.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="purchase-orders-table"
        />
      </Card>
      <CreatePurchaseOrderDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(order) => {
          setCreating(false);
          void navigate(`/purchase-orders/${order.id}`);
        }}
      />
    </Page>
  );
}

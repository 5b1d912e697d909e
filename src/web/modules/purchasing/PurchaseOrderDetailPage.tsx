import {
  CloseCircleOutlined,
  FileProtectOutlined,
  ImportOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  CANCELLABLE_STATUSES,
  CLOSABLE_STATUSES,
  RECEIVABLE_STATUSES,
  usePurchaseOrder,
  usePurchaseOrderAction,
  type PurchaseOrderDetail,
  type PurchaseOrderLine,
  type Receipt,
  type SupplierReturn,
} from '../../api/purchasing.ts';
import { queryString } from '../../api/client.ts';
import { downloadFile } from '../../api/csv.ts';
import { problemMessage } from '../../components/form-errors.ts';
import { useCan } from '../../auth/session.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { RecordPage } from '../../components/RecordPage.tsx';
import { formatDateTime, formatDateTimeShort, formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PartnerName, SupplierStatusTag } from '../partners/partner-tags.tsx';
import {
  ItemCell,
  PurchaseOrderStatusTag,
  Quantity,
  nameOf,
  supplierNameOf,
  todayIso,
} from './purchasing-parts.tsx';
import { isAboveZero } from './purchasing-format.ts';

export function PurchaseOrderDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const order = usePurchaseOrder(id);
  return (
    <RecordPage
      query={order}
      title={t('purchasing.detail.title')}
      back={{ to: '/purchase-orders', label: t('purchasing.title') }}
    >
      {(record) => <PurchaseOrderView order={record} />}
    </RecordPage>
  );
}

type Dialog = 'place' | 'cancel' | 'close';

/** Where receiving opens for a line of this order. */
export function receivingPath(orderId: string, lineId?: string): string {
  return `/receiving${queryString({ po: orderId, line: lineId })}`;
}

function PurchaseOrderView({ order }: { order: PurchaseOrderDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const mayManage = useCan('purchasing.manage');
  const mayReceive = useCan('receiving.perform');
  const act = usePurchaseOrderAction(order.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const receivable = RECEIVABLE_STATUSES.includes(order.status);
  const today = todayIso();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const when = (value: string | null) =>
    value ? <time dateTime={value}>{formatDateTime(value, language)}</time> : dash;
  const done = (action: string) => void message.success(t('purchasing.actions.done', { action }));

  const actions = [
    order.status === 'draft' && mayManage && (
      <Button
        key="place"
        type="primary"
        icon={<SendOutlined />}
        onClick={() => setDialog('place')}
        data-testid="po-action-place"
      >
        {t('purchasing.actions.place')}
      </Button>
    ),
    receivable && mayReceive && (
      <Link key="receive" to={receivingPath(order.id)}>
        <Button type="primary" icon={<ImportOutlined />} data-testid="po-action-receive">
          {t('purchasing.detail.receive')}
        </Button>
      </Link>
    ),
    order.receipts.length > 0 && mayReceive && (
      <Link key="return" to={`/receiving${queryString({ tab: 'return', po: order.id })}`}>
        <Button icon={<RollbackOutlined />} data-testid="po-action-return">
          {t('purchasing.actions.returnToSupplier')}
        </Button>
      </Link>
    ),
    CLOSABLE_STATUSES.includes(order.status) && mayManage && (
      <Button
        key="close"
        icon={<CloseCircleOutlined />}
        onClick={() => setDialog('close')}
        data-testid="po-action-close"
      >
        {t('purchasing.actions.close')}
      </Button>
    ),
    CANCELLABLE_STATUSES.includes(order.status) && mayManage && (
      <Button
        key="cancel"
        danger
        icon={<StopOutlined />}
        onClick={() => setDialog('cancel')}
        data-testid="po-action-cancel"
      >
        {t('purchasing.actions.cancel')}
      </Button>
    ),
  ].filter(Boolean);

  const fields: DescriptionsProps['items'] = [
    {
      key: 'supplier',
      label: t('purchasing.fields.supplier'),
      span: 2,
      children: (
        <Flex gap={8} align="center" wrap>
          <Link to={`/suppliers/${order.supplier.id}`} className="mono" data-testid="po-supplier">
            {order.supplier.code}
          </Link>
          <PartnerName partner={order.supplier} language={language} />
          <SupplierStatusTag status={order.supplier.approvalStatus} />
        </Flex>
      ),
    },
    {
      key: 'reference',
      label: t('purchasing.fields.supplierReference'),
      children: order.supplierReference ?? dash,
    },
    {
      key: 'createdBy',
      label: t('purchasing.fields.createdBy'),
      children: (
        <span>
          {order.createdBy.name} · {when(order.createdAt)}
        </span>
      ),
    },
    { key: 'placedAt', label: t('purchasing.fields.placedAt'), children: when(order.placedAt) },
    { key: 'closedAt', label: t('purchasing.fields.closedAt'), children: when(order.closedAt) },
    ...(order.statusReason
      ? [
          {
            key: 'statusReason',
            label: t('purchasing.fields.statusReason'),
            span: 2,
            children: <span data-testid="po-status-reason">{order.statusReason}</span>,
          },
        ]
      : []),
    ...(order.note
      ? [{ key: 'note', label: t('purchasing.fields.note'), span: 2, children: order.note }]
      : []),
  ];

  const lineColumns: TableProps<PurchaseOrderLine>['columns'] = [
    { key: 'lineNo', title: t('purchasing.lineFields.lineNo'), width: 60, dataIndex: 'lineNo' },
    {
      key: 'item',
      title: t('purchasing.lineFields.item'),
      render: (_, line) => <ItemCell item={line.item} />,
    },
    {
      key: 'ordered',
      title: t('purchasing.lineFields.ordered'),
      align: 'right',
      width: 120,
      render: (_, line) => <Quantity value={line.quantity} unit={line.unit} />,
    },
    {
      key: 'received',
      title: t('purchasing.lineFields.received'),
      align: 'right',
      width: 120,
      render: (_, line) => (
        <Quantity value={line.receivedQuantity} unit={line.unit} testId="line-received" />
      ),
    },
    {
      key: 'returned',
      title: t('purchasing.lineFields.returned'),
      align: 'right',
      width: 120,
      render: (_, line) =>
        isAboveZero(line.returnedQuantity) ? (
          <Quantity value={line.returnedQuantity} unit={line.unit} testId="line-returned" />
        ) : (
          dash
        ),
    },
    {
      key: 'open',
      title: t('purchasing.lineFields.open'),
      align: 'right',
      width: 120,
      render: (_, line) => (
        <Quantity value={line.openQuantity} unit={line.unit} testId="line-open" />
      ),
    },
    {
      key: 'due',
      title: t('purchasing.lineFields.due'),
      width: 170,
      render: (_, line) => (
        <Flex gap={4} align="center" wrap>
          <span className="nowrap">{formatIsoDate(line.dueDate, language)}</span>
          {receivable && isAboveZero(line.openQuantity) && line.dueDate < today && (
            <Tag color="red">{t('purchasing.detail.overdue')}</Tag>
          )}
        </Flex>
      ),
    },
    ...(receivable && mayReceive
      ? [
          {
            key: 'receive',
            title: t('common.actions'),
            width: 110,
            render: (_: unknown, line: PurchaseOrderLine) => (
              <Tooltip title={t('purchasing.detail.receiveHint')}>
                <Link
                  to={receivingPath(order.id, line.id)}
                  data-testid={`receive-line-${line.lineNo}`}
                >
                  <ImportOutlined aria-hidden /> {t('purchasing.detail.receive')}
                </Link>
              </Tooltip>
            ),
          },
        ]
      : []),
  ];

  return (
    <Page
      title={`${order.code} · ${supplierNameOf(order.supplier, language)}`}
      back={{ to: '/purchase-orders', label: t('purchasing.title') }}
      tags={<PurchaseOrderStatusTag status={order.status} />}
      extra={
        actions.length > 0 && (
          <Flex gap={8} wrap data-testid="po-actions">
            {actions}
          </Flex>
        )
      }
    >
      <Card size="small" className="section-card">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={fields} />
      </Card>
      <Card size="small" title={t('purchasing.detail.linesTitle')} className="section-card">
        <Table<PurchaseOrderLine>
          size="small"
          rowKey="id"
          columns={lineColumns}
          dataSource={order.lines}
          pagination={false}
          scroll={{ x: 900 }}
          data-testid="po-lines-table"
        />
      </Card>
      <ReceiptsCard receipts={order.receipts} />
      <ReturnsCard returns={order.returns} />
      <HistoryPanel entityType="purchase_order" entityId={order.id} />

      {dialog === 'place' && (
        <ConfirmModal
          title={t('purchasing.actions.placeTitle', { code: order.code })}
          okText={t('purchasing.actions.place')}
          description={t('purchasing.actions.placeDescription')}
          onConfirm={async () => {
            await act.mutateAsync({ kind: 'place' });
            done(t('purchasing.actions.place'));
          }}
          onClose={close}
          testId="po-place"
        />
      )}
      <ReasonModal
        open={dialog === 'cancel'}
        title={t('purchasing.actions.cancelTitle', { code: order.code })}
        okText={t('purchasing.actions.cancel')}
        danger
        description={t('purchasing.actions.cancelDescription')}
        onSubmit={async ({ reason }) => {
          await act.mutateAsync({ kind: 'cancel', reason });
          done(t('purchasing.actions.cancel'));
        }}
        onClose={close}
        testId="po-cancel"
      />
      <ReasonModal
        open={dialog === 'close'}
        title={t('purchasing.actions.closeTitle', { code: order.code })}
        okText={t('purchasing.actions.close')}
        description={t('purchasing.actions.closeDescription')}
        onSubmit={async ({ reason }) => {
          await act.mutateAsync({ kind: 'close', reason });
          done(t('purchasing.actions.close'));
        }}
        onClose={close}
        testId="po-close"
      />
    </Page>
  );
}

function ReceiptsCard({ receipts }: { receipts: Receipt[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const columns: TableProps<Receipt>['columns'] = [
    {
      key: 'code',
      title: t('purchasing.receiptFields.code'),
      width: 110,
      render: (_, receipt) => <span className="mono nowrap">{receipt.code}</span>,
    },
    { key: 'line', title: t('purchasing.receiptFields.line'), width: 50, dataIndex: 'lineNo' },
    {
      key: 'lot',
      title: t('purchasing.receiptFields.lot'),
      render: (_, receipt) => (
        <Flex vertical>
          {receipt.traceUnits.map((unit) => (
            <Link key={unit.id} to={`/lots/${unit.id}`} className="mono nowrap">
              {unit.code}
            </Link>
          ))}
        </Flex>
      ),
    },
    {
      key: 'supplierLot',
      title: t('purchasing.receiptFields.supplierLot'),
      render: (_, receipt) =>
        receipt.supplierLot ? <span className="mono nowrap">{receipt.supplierLot}</span> : dash,
    },
    {
      key: 'expiresOn',
      title: t('purchasing.receiptFields.expiresOn'),
      width: 130,
      render: (_, receipt) =>
        receipt.expiresOn ? (
          <span className="nowrap">{formatIsoDate(receipt.expiresOn, language)}</span>
        ) : (
          dash
        ),
    },
    {
      key: 'quantity',
      title: t('purchasing.receiptFields.quantity'),
      align: 'right',
      width: 110,
      render: (_, receipt) => <Quantity value={receipt.quantity} unit={receipt.unit} />,
    },
    {
      key: 'location',
      title: t('purchasing.receiptFields.location'),
      render: (_, receipt) => (
        <span className="nowrap" title={nameOf(receipt.location, language)}>
          <span className="mono">{receipt.location.code}</span>
        </span>
      ),
    },
    {
      key: 'inspection',
      title: t('purchasing.receiptFields.inspection'),
      render: (_, receipt) =>
        receipt.inspections.length > 0 ? (
          <Flex vertical>
            {receipt.inspections.map((inspection) => (
              <Link key={inspection.id} to={`/inspections/${inspection.id}`} className="mono">
                {inspection.code}
              </Link>
            ))}
          </Flex>
        ) : (
          dash
        ),
    },
    {
      key: 'delivery',
      title: t('purchasing.receiptFields.delivery'),
      width: 90,
      render: (_, receipt) =>
        receipt.onTime ? (
          <Tag color="green">{t('purchasing.receiptFields.onTime')}</Tag>
        ) : (
          <Tag color="orange">{t('purchasing.receiptFields.late')}</Tag>
        ),
    },
    {
      key: 'receivedAt',
      title: t('purchasing.receiptFields.receivedAt'),
      width: 200,
      render: (_, receipt) => (
        <span className="item-name">
          <time dateTime={receipt.receivedAt} className="nowrap">
            {formatDateTimeShort(receipt.receivedAt, language)}
          </time>
          <Typography.Text type="secondary" className="item-name-other">
            {receipt.receivedBy.name}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'certificate',
      title: t('purchasing.receiptFields.certificate'),
      render: (_, receipt) =>
        receipt.certificate ? (
          <CertificateLink receiptId={receipt.id} filename={receipt.certificate.filename} />
        ) : (
          dash
        ),
    },
  ];
  return (
    <Card size="small" title={t('purchasing.detail.receiptsTitle')} className="section-card">
      <Table<Receipt>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={receipts}
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('purchasing.detail.noReceipts') }}
        data-testid="po-receipts-table"
      />
    </Card>
  );
}

/** Downloads a receipt's certificate of analysis under the name it was uploaded with. */
function CertificateLink({ receiptId, filename }: { receiptId: string; filename: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Button
      type="link"
      size="small"
      icon={<FileProtectOutlined />}
      className="nowrap"
      onClick={() =>
        void downloadFile(
          `/api/receipts/${encodeURIComponent(receiptId)}/certificate`,
          filename,
        ).catch((error: unknown) => void message.error(problemMessage(error, t)))
      }
      data-testid="receipt-certificate"
    >
      {filename}
    </Button>
  );
}

function ReturnsCard({ returns }: { returns: SupplierReturn[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (returns.length === 0) return null;
  const columns: TableProps<SupplierReturn>['columns'] = [
    {
      key: 'code',
      title: t('purchasing.returnFields.code'),
      width: 110,
      render: (_, row) => <span className="mono nowrap">{row.code}</span>,
    },
    {
      key: 'lot',
      title: t('purchasing.returnFields.lot'),
      render: (_, row) => (
        <Link to={`/lots/${row.traceUnit.id}`} className="mono nowrap">
          {row.traceUnit.code}
        </Link>
      ),
    },
    {
      key: 'quantity',
      title: t('purchasing.returnFields.quantity'),
      align: 'right',
      width: 110,
      render: (_, row) => <Quantity value={row.quantity} unit={row.unit} />,
    },
    {
      key: 'location',
      title: t('purchasing.returnFields.location'),
      render: (_, row) => <span className="mono">{row.location.code}</span>,
    },
    { key: 'reason', title: t('purchasing.returnFields.reason'), dataIndex: 'reason' },
    {
      key: 'returnedAt',
      title: t('purchasing.returnFields.returnedAt'),
      width: 200,
      render: (_, row) => (
        <span className="item-name">
          <time dateTime={row.returnedAt} className="nowrap">
            {formatDateTimeShort(row.returnedAt, language)}
          </time>
          <Typography.Text type="secondary" className="item-name-other">
            {row.returnedBy.name}
          </Typography.Text>
        </span>
      ),
    },
  ];
  return (
    <Card size="small" title={t('purchasing.detail.returnsTitle')} className="section-card">
      <Table<SupplierReturn>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={returns}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="po-returns-table"
      />
    </Card>
  );
}

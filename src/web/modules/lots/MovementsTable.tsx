import { UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  REVERSIBLE_MOVEMENT_TYPES,
  useStockAction,
  useStockMovements,
  type MovementListParams,
  type StockMovement,
} from '../../api/lots.ts';
import { useCan } from '../../auth/session.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { formatDateTimeShort } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { Quantity } from './lot-parts.tsx';
import { quantityText } from './quantity.ts';

const MOVEMENT_COLORS: Record<StockMovement['type'], string> = {
  receipt: 'blue',
  transfer: 'geekblue',
  issue: 'purple',
  adjustment: 'gold',
  scrap: 'red',
  return_to_supplier: 'volcano',
  split: 'cyan',
  merge: 'cyan',
};

export function MovementTypeTag({ type }: { type: StockMovement['type'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={MOVEMENT_COLORS[type]} data-testid="movement-type" data-type={type}>
      {t(`lots.movementTypes.${type}`)}
    </Tag>
  );
}

/**
 * Stock movements, newest first, with paging; a movement that can be corrected
 * is reversed by a new, opposite movement with a reason (the ledger is never edited).
 */
export function MovementsTable({
  filters,
  showLot = true,
  pageSize = 20,
  page,
  onPageChange,
  testId = 'movements-table',
}: {
  filters: Omit<MovementListParams, 'limit' | 'offset'>;
  showLot?: boolean;
  pageSize?: number;
  /** The page, when the screen keeps it (in the URL); otherwise the table does. */
  page?: number;
  onPageChange?: (page: number) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const mayManage = useCan('lot.manage');
  const [ownPage, setOwnPage] = useState(1);
  const current = page ?? ownPage;
  const movements = useStockMovements({
    ...filters,
    limit: pageSize,
    offset: (current - 1) * pageSize,
  });
  const stock = useStockAction();
  const [reversing, setReversing] = useState<StockMovement | null>(null);

  const columns: TableProps<StockMovement>['columns'] = [
    {
      key: 'at',
      title: t('lots.movements.atBy'),
      width: 170,
      render: (_, m) => (
        <span className="item-name">
          <time dateTime={m.createdAt} className="nowrap">
            {formatDateTimeShort(m.createdAt, language)}
          </time>
          <Typography.Text type="secondary" className="item-name-other">
            {m.createdBy}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'type',
      title: t('lots.movements.type'),
      width: 130,
      render: (_, m) => (
        <span className="nowrap">
          <MovementTypeTag type={m.type} />
          {m.reversesMovementId && (
            <Tag data-testid="movement-reversal">{t('lots.movements.reversal')}</Tag>
          )}
        </span>
      ),
    },
    ...(showLot
      ? [
          {
            key: 'lot',
            title: t('lots.fields.code'),
            width: 170,
            render: (_: unknown, m: StockMovement) => (
              <span className="item-name">
                <Link to={`/lots/${m.traceUnitId}`} className="mono nowrap">
                  {m.traceUnitCode}
                </Link>
                <Typography.Text type="secondary" className="item-name-other mono">
                  {m.itemCode}
                </Typography.Text>
              </span>
            ),
          },
        ]
      : []),
    {
      key: 'from',
      title: t('lots.actions.from'),
      width: 110,
      render: (_, m) =>
        m.fromLocationCode ? (
          <span className="mono nowrap">{m.fromLocationCode}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'to',
      title: t('lots.actions.to'),
      width: 110,
      render: (_, m) =>
        m.toLocationCode ? (
          <span className="mono nowrap">{m.toLocationCode}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'quantity',
      title: t('lots.fields.quantity'),
      width: 120,
      align: 'right',
      render: (_, m) => <Quantity value={m.quantity} unit={m.unit} />,
    },
    { key: 'reason', title: t('lots.movements.reason'), dataIndex: 'reason', minWidth: 220 },
    ...(mayManage
      ? [
          {
            key: 'actions',
            title: '',
            width: 110,
            render: (_: unknown, m: StockMovement) =>
              m.reversedByMovementId ? (
                <Tag data-testid="movement-reversed">{t('lots.movements.reversed')}</Tag>
              ) : REVERSIBLE_MOVEMENT_TYPES.includes(m.type) && !m.reversesMovementId ? (
                <Button
                  size="small"
                  icon={<UndoOutlined />}
                  onClick={() => setReversing(m)}
                  data-testid="movement-reverse"
                >
                  {t('lots.movements.reverse')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      {movements.isError && (
        <ProblemAlert
          error={movements.error}
          onRetry={() => void movements.refetch()}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<StockMovement>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={movements.data?.items ?? []}
        loading={movements.isFetching}
        scroll={{ x: showLot ? 1100 : 930 }}
        locale={{
          emptyText: movements.isPending ? t('common.loading') : t('lots.movements.empty'),
        }}
        pagination={{
          current,
          pageSize,
          total: movements.data?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: (next) => (onPageChange ? onPageChange(next) : setOwnPage(next)),
          size: 'small',
        }}
        data-testid={testId}
      />
      {reversing && (
        <ReasonModal
          open
          title={t('lots.movements.reverseTitle')}
          okText={t('lots.movements.reverse')}
          danger
          testId="movement-reverse-modal"
          description={
            <Alert
              type="info"
              showIcon
              title={t('lots.movements.reverseDescription', {
                type: t(`lots.movementTypes.${reversing.type}`),
                code: reversing.traceUnitCode,
                quantity: `${quantityText(reversing.quantity)} ${reversing.unit}`,
              })}
            />
          }
          onSubmit={async ({ reason }) => {
            await stock.mutateAsync({ kind: 'reverse', movementId: reversing.id, reason });
            void message.success(t('lots.movements.reversedDone'));
          }}
          onClose={() => setReversing(null)}
        />
      )}
    </>
  );
}

import { BarcodeOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Table, Typography } from 'antd';
import type { InputRef, TableProps } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  findPurchaseOrderByCode,
  usePurchaseOrders,
  type PurchaseOrder,
} from '../../api/purchasing.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PurchaseOrderStatusTag, supplierNameOf } from './purchasing-parts.tsx';
import { isAboveZero } from './purchasing-format.ts';

const LIST_SIZE = 8;

export interface OrderChooserProps {
  onChoose: (order: PurchaseOrder) => void;
  /** Lists orders waiting for goods (receiving) rather than every order with receipts (returns). */
  mode: 'receive' | 'return';
  testId: string;
}

/**
 * Finds the purchase order by its number, scanned from the paperwork (the data,
 * then Enter) or typed, and lists the orders waiting for goods to pick one.
 */
export function OrderChooser({ onChoose, mode, testId }: OrderChooserProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const inputRef = useRef<InputRef>(null);
  const [code, setCode] = useState('');
  const [notFound, setNotFound] = useState<string | null>(null);
  const find = useMutation({ mutationFn: findPurchaseOrderByCode });
  const orders = usePurchaseOrders({
    limit: LIST_SIZE,
    offset: 0,
    ...(mode === 'receive' ? { receivable: true } : {}),
  });
  const shown = (orders.data?.items ?? []).filter(
    (order) => mode === 'receive' || order.lines.some((line) => isAboveZero(line.receivedQuantity)),
  );

  function submit() {
    const wanted = code.trim();
    if (!wanted || find.isPending) return;
    setNotFound(null);
    find.mutate(wanted, {
      onSuccess: (order) => {
        if (order) onChoose(order);
        else {
          setNotFound(wanted);
          inputRef.current?.select();
        }
      },
    });
  }

  const columns: TableProps<PurchaseOrder>['columns'] = [
    {
      key: 'code',
      render: (_, order) => <span className="mono nowrap">{order.code}</span>,
      width: 100,
    },
    {
      key: 'supplier',
      render: (_, order) => (
        <span className="item-name">
          <span className="mono">{order.supplier.code}</span>
          <Typography.Text type="secondary" className="item-name-other" ellipsis>
            {supplierNameOf(order.supplier, language)}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'items',
      render: (_, order) => (
        <span className="item-name">
          {order.lines.slice(0, 2).map((line) => (
            <span key={line.id} className="mono nowrap">
              {line.item.code}
            </span>
          ))}
        </span>
      ),
    },
    {
      key: 'due',
      width: 120,
      render: (_, order) => {
        const due = order.lines.map((line) => line.dueDate).sort()[0];
        return due ? <span className="nowrap">{formatIsoDate(due, language)}</span> : null;
      },
    },
    {
      key: 'status',
      width: 130,
      render: (_, order) => <PurchaseOrderStatusTag status={order.status} />,
    },
    {
      key: 'choose',
      width: 80,
      render: (_, order) => (
        <Button size="small" onClick={() => onChoose(order)} data-testid={`choose-${order.code}`}>
          {t('purchasing.receiving.choose')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={12} data-testid={testId}>
      <div>
        <label htmlFor={`${testId}-input`} className="udi-input-label">
          {t('purchasing.receiving.poLabel')}
        </label>
        <Flex gap={8}>
          <Input
            id={`${testId}-input`}
            ref={inputRef}
            size="large"
            autoFocus
            allowClear
            autoComplete="off"
            spellCheck={false}
            className="mono"
            prefix={<BarcodeOutlined aria-hidden />}
            placeholder={t('purchasing.receiving.poPlaceholder')}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            onPressEnter={(event) => {
              if (!event.nativeEvent.isComposing) submit();
            }}
            data-testid={`${testId}-code`}
          />
          <Button
            size="large"
            loading={find.isPending}
            disabled={!code.trim()}
            onClick={submit}
            data-testid={`${testId}-find`}
          >
            {t('purchasing.receiving.poFind')}
          </Button>
        </Flex>
      </div>
      {notFound && (
        <Alert
          type="warning"
          showIcon
          title={t('purchasing.receiving.poNotFound', { code: notFound })}
          data-testid={`${testId}-not-found`}
        />
      )}
      {find.isError && <ProblemAlert error={find.error} onRetry={submit} />}
      <Typography.Text strong>
        {mode === 'receive'
          ? t('purchasing.receiving.receivableTitle')
          : t('purchasing.returns.order')}
      </Typography.Text>
      {orders.isError && (
        <ProblemAlert error={orders.error} onRetry={() => void orders.refetch()} />
      )}
      <Table<PurchaseOrder>
        size="small"
        rowKey="id"
        showHeader={false}
        columns={columns}
        dataSource={shown}
        loading={orders.isFetching}
        pagination={false}
        locale={{
          emptyText: orders.isPending
            ? t('common.loading')
            : t('purchasing.receiving.noReceivable'),
        }}
        data-testid={`${testId}-list`}
      />
    </Flex>
  );
}

import { RollbackOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  usePurchaseOrder,
  useReturnToSupplier,
  type PurchaseOrderDetail,
  type SupplierReturn,
} from '../../api/purchasing.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { QUANTITY } from '../engineering/version-content.ts';
import { plainDecimal } from '../items/item-format.ts';
import { OrderChooser } from './OrderChooser.tsx';
import { LocationPicker, PurchaseOrderStatusTag, supplierNameOf } from './purchasing-parts.tsx';
import { isAboveZero } from './purchasing-format.ts';

interface ReturnValues {
  traceUnitId?: string;
  locationId?: string;
  quantity?: string;
  reason?: string;
}

/** Goods received on an order go back to its supplier: lot, location, quantity, reason. */
export function ReturnPanel() {
  const { t } = useTranslation();
  const [params, update] = useSearchFilters();
  const orderId = params.get('po') ?? undefined;
  const order = usePurchaseOrder(orderId);

  if (!orderId) {
    return (
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('purchasing.returns.lead')}</Typography.Paragraph>
        <OrderChooser
          mode="return"
          testId="return-po"
          onChoose={(chosen) => update({ po: chosen.id })}
        />
      </Card>
    );
  }
  if (order.isPending) {
    return (
      <Card size="small">
        <Spin />
      </Card>
    );
  }
  if (order.isError) {
    return <ProblemAlert error={order.error} onRetry={() => void order.refetch()} />;
  }
  return <ReturnForm order={order.data} onChangeOrder={() => update({ po: undefined })} />;
}

function ReturnForm({
  order,
  onChangeOrder,
}: {
  order: PurchaseOrderDetail;
  onChangeOrder: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<ReturnValues>();
  const giveBack = useReturnToSupplier();
  const [done, setDone] = useState<SupplierReturn | null>(null);

  const units = order.receipts.flatMap((receipt) =>
    receipt.traceUnits.map((unit) => ({ unit, receipt })),
  );

  async function submit(values: ReturnValues) {
    setDone(null);
    const returned = await giveBack.mutateAsync({
      traceUnitId: values.traceUnitId ?? '',
      locationId: values.locationId ?? '',
      quantity: (values.quantity ?? '').trim(),
      reason: (values.reason ?? '').trim(),
    });
    setDone(returned);
    form.resetFields();
  }

  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <Link to={`/purchase-orders/${order.id}`} className="mono">
            {order.code}
          </Link>
          <span className="mono">{order.supplier.code}</span>
          <Typography.Text type="secondary">
            {supplierNameOf(order.supplier, language)}
          </Typography.Text>
          <PurchaseOrderStatusTag status={order.status} />
        </Flex>
      }
      extra={
        <Button
          size="small"
          icon={<SwapOutlined />}
          onClick={onChangeOrder}
          data-testid="return-po-change"
        >
          {t('purchasing.receiving.poChange')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('purchasing.returns.lead')}</Typography.Paragraph>
      {done && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="return-result"
          title={t('purchasing.returns.done', {
            code: done.code,
            quantity: plainDecimal(done.quantity),
            unit: done.unit,
            lot: done.traceUnit.code,
          })}
        />
      )}
      <Form<ReturnValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={(values) => void submit(values).catch(() => undefined)}
        disabled={giveBack.isPending}
        className="dense-form"
        data-testid="return-form"
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="traceUnitId"
              label={t('purchasing.returns.lot')}
              rules={[{ required: true, message: t('purchasing.returns.lotRequired') }]}
            >
              <Select<string>
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('purchasing.returns.lotPlaceholder')}
                options={units.map(({ unit, receipt }) => ({
                  value: unit.id,
                  label: `${unit.code} · ${receipt.item.code}${receipt.supplierLot ? ` · ${receipt.supplierLot}` : ''}`,
                }))}
                onChange={(id) => {
                  const found = units.find(({ unit }) => unit.id === id);
                  if (found) {
                    form.setFieldsValue({
                      locationId: found.receipt.location.id,
                      quantity: plainDecimal(found.unit.quantity),
                    });
                  }
                }}
                data-testid="return-lot"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="locationId"
              label={t('purchasing.returns.location')}
              rules={[{ required: true, message: t('purchasing.returns.locationRequired') }]}
            >
              <LocationPicker testId="return-location" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="quantity"
              label={t('purchasing.returns.quantity')}
              rules={[
                { required: true, message: t('purchasing.returns.quantityRequired') },
                {
                  validator: (_, value: string | undefined) =>
                    !value || (QUANTITY.test(value.trim()) && isAboveZero(value))
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('purchasing.create.quantityInvalid'))),
                },
              ]}
            >
              <Input inputMode="decimal" className="mono" data-testid="return-quantity" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="reason"
              label={t('purchasing.returns.reason')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('purchasing.returns.reasonRequired'),
                },
                { max: 500 },
              ]}
            >
              <Input
                maxLength={500}
                placeholder={t('purchasing.returns.reasonPlaceholder')}
                data-testid="return-reason"
              />
            </Form.Item>
          </Col>
        </Row>
        {giveBack.isError && <ProblemAlert error={giveBack.error} style={{ marginBottom: 12 }} />}
        <Flex justify="end">
          <Button
            type="primary"
            danger
            htmlType="submit"
            icon={<RollbackOutlined />}
            loading={giveBack.isPending}
            disabled={units.length === 0}
            data-testid="return-submit"
          >
            {t('purchasing.returns.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}

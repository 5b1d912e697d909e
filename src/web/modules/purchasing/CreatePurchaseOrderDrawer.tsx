import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Drawer, Flex, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSupplier } from '../../api/partners.ts';
import {
  useCreatePurchaseOrder,
  type PurchaseOrderDetail,
  type PurchaseOrderLineInput,
} from '../../api/purchasing.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ItemPicker } from '../engineering/pickers.tsx';
import { QUANTITY } from '../engineering/version-content.ts';
import { SupplierPicker } from './purchasing-parts.tsx';
import { isAboveZero } from './purchasing-format.ts';

interface LineValues {
  itemId?: string;
  quantity?: string;
  unit?: string;
  dueDate?: Dayjs;
}

interface OrderValues {
  supplierId?: string;
  supplierReference?: string;
  note?: string;
  lines: LineValues[];
  reason?: string;
}

export interface CreatePurchaseOrderDrawerProps {
  open: boolean;
  onClose: () => void;
  onCreated: (order: PurchaseOrderDetail) => void;
}

const DEFAULT_LEAD_DAYS = 14;

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A new draft order: the supplier, then one line per item with quantity, unit and due date. */
export function CreatePurchaseOrderDrawer({
  open,
  onClose,
  onCreated,
}: CreatePurchaseOrderDrawerProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OrderValues>();
  const create = useCreatePurchaseOrder();
  const [error, setError] = useState<unknown>(null);
  const supplierId = Form.useWatch('supplierId', form);

  async function submit(values: OrderValues) {
    setError(null);
    const lines: PurchaseOrderLineInput[] = values.lines.map((line) => ({
      itemId: line.itemId ?? '',
      quantity: (line.quantity ?? '').trim(),
      ...(text(line.unit) ? { unit: text(line.unit) } : {}),
      dueDate: (line.dueDate ?? dayjs()).format('YYYY-MM-DD'),
    }));
    try {
      const order = await create.mutateAsync({
        supplierId: values.supplierId ?? '',
        supplierReference: text(values.supplierReference) ?? null,
        note: text(values.note) ?? null,
        lines,
        ...(text(values.reason) ? { reason: text(values.reason) } : {}),
      });
      form.resetFields();
      onCreated(order);
    } catch (caught) {
      if (!applyServerErrors(form, caught, t)) setError(caught);
    }
  }

  const initialLine: LineValues = { dueDate: dayjs().add(DEFAULT_LEAD_DAYS, 'day') };

  return (
    <Drawer
      open={open}
      title={t('purchasing.create.title')}
      size={840}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={create.isPending} data-testid="po-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="po-form-submit"
          >
            {t('purchasing.create.submit')}
          </Button>
        </Flex>
      }
    >
      <Alert type="info" showIcon title={t('purchasing.create.note')} className="form-note" />
      <Form<OrderValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ lines: [initialLine] }}
        onFinish={(values) => void submit(values)}
        disabled={create.isPending}
        className="dense-form"
        data-testid="po-form"
      >
        <Form.Item
          name="supplierId"
          label={t('purchasing.fields.supplier')}
          rules={[{ required: true, message: t('purchasing.create.supplierRequired') }]}
          extra={supplierId ? <ApprovedItems supplierId={supplierId} /> : undefined}
        >
          <SupplierPicker forOrdering testId="po-supplier" />
        </Form.Item>
        <Form.Item name="supplierReference" label={t('purchasing.fields.supplierReference')}>
          <Input maxLength={100} data-testid="po-supplierReference" />
        </Form.Item>
        <Typography.Text strong>{t('purchasing.create.lines')}</Typography.Text>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} className="po-lines" data-testid="po-lines">
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" data-testid={`po-line-${index}`}>
                  <Form.Item
                    name={[field.name, 'itemId']}
                    label={index === 0 ? t('purchasing.create.item') : undefined}
                    rules={[{ required: true, message: t('purchasing.create.itemRequired') }]}
                    style={{ flex: 3, minWidth: 0 }}
                  >
                    <ItemPicker
                      testId="po-line-item"
                      ariaLabel={t('purchasing.create.item')}
                      onPick={(item) => form.setFieldValue(['lines', field.name, 'unit'], item.uom)}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    label={index === 0 ? t('purchasing.create.quantity') : undefined}
                    rules={[
                      { required: true, message: t('purchasing.create.quantityRequired') },
                      {
                        validator: (_, value: string | undefined) =>
                          !value || (QUANTITY.test(value.trim()) && isAboveZero(value))
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('purchasing.create.quantityInvalid'))),
                      },
                    ]}
                    style={{ flex: 1.2 }}
                  >
                    <Input
                      inputMode="decimal"
                      className="mono"
                      aria-label={t('purchasing.create.quantity')}
                      data-testid="po-line-quantity"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'unit']}
                    label={index === 0 ? t('purchasing.create.unit') : undefined}
                    style={{ width: 120 }}
                  >
                    <Input
                      maxLength={20}
                      aria-label={t('purchasing.create.unit')}
                      data-testid="po-line-unit"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'dueDate']}
                    label={index === 0 ? t('purchasing.create.dueDate') : undefined}
                    rules={[{ required: true, message: t('purchasing.create.dueRequired') }]}
                    style={{ width: 150 }}
                  >
                    <DatePicker
                      style={{ width: '100%' }}
                      aria-label={t('purchasing.create.dueDate')}
                      data-testid="po-line-due"
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('purchasing.create.removeLine')}
                    title={t('purchasing.create.removeLine')}
                    disabled={fields.length === 1}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: index === 0 ? 30 : 0 }}
                    data-testid="po-line-remove"
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ ...initialLine })}
                data-testid="po-line-add"
              >
                {t('purchasing.create.addLine')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="note" label={t('purchasing.create.noteLabel')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="po-note" />
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('purchasing.create.reasonPlaceholder')}
            data-testid="reason"
          />
        </Form.Item>
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}

/** Which items the chosen supplier may deliver (the server refuses any other). */
function ApprovedItems({ supplierId }: { supplierId: string }) {
  const { t } = useTranslation();
  const supplier = useSupplier(supplierId);
  if (!supplier.data) return null;
  const items = supplier.data.approvedItems.filter((link) => link.active);
  return (
    <span data-testid="po-approved-items">
      {items.length === 0
        ? t('purchasing.create.noApprovedItems')
        : t('purchasing.create.approvedFor', {
            items: items.map((link) => link.itemCode).join(', '),
          })}
    </span>
  );
}

import { Alert, Button, Drawer, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../api/client.ts';
import { useCreateSupplier, type SupplierDetail } from '../../api/partners.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  CodeField,
  SupplierDataFields,
  supplierDataOf,
  type SupplierDataValues,
} from './partner-fields.tsx';

interface CreateSupplierForm extends SupplierDataValues {
  code: string;
  reason?: string;
}

export function CreateSupplierDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (supplier: SupplierDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateSupplierForm>();
  const create = useCreateSupplier();
  const [error, setError] = useState<unknown>(null);

  function submit(values: CreateSupplierForm) {
    setError(null);
    const reason = values.reason?.trim();
    create.mutate(
      { code: values.code.trim(), ...supplierDataOf(values), ...(reason ? { reason } : {}) },
      {
        onSuccess: (supplier) => {
          form.resetFields();
          onCreated(supplier);
        },
        onError: (caught) => {
          if (hasCode(caught, 'SUPPLIER_CODE_TAKEN')) {
            form.setFields([{ name: 'code', errors: [t('errors.SUPPLIER_CODE_TAKEN')] }]);
            return;
          }
          if (!applyServerErrors(form, caught, t)) setError(caught);
        },
      },
    );
  }

  return (
    <Drawer
      open={open}
      title={t('partners.suppliers.create.title')}
      size={640}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={create.isPending} data-testid="supplier-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="supplier-form-submit"
          >
            {t('partners.suppliers.create.submit')}
          </Button>
        </Flex>
      }
    >
      <Alert
        type="info"
        showIcon
        title={t('partners.suppliers.create.note')}
        className="form-note"
      />
      <Form<CreateSupplierForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        disabled={create.isPending}
        className="dense-form"
        data-testid="supplier-form"
      >
        <CodeField label={t('partners.suppliers.fields.code')} />
        <SupplierDataFields />
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('partners.suppliers.create.reasonPlaceholder')}
            data-testid="reason"
          />
        </Form.Item>
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}

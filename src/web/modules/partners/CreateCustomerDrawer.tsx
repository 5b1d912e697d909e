import { Alert, Button, Drawer, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasCode } from '../../api/client.ts';
import { useCreateCustomer, type CustomerDetail } from '../../api/partners.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import {
  CodeField,
  CustomerDataFields,
  customerDataOf,
  type CustomerDataValues,
} from './partner-fields.tsx';

interface CreateCustomerForm extends CustomerDataValues {
  code: string;
  reason?: string;
}

export function CreateCustomerDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (customer: CustomerDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateCustomerForm>();
  const create = useCreateCustomer();
  const [error, setError] = useState<unknown>(null);

  function submit(values: CreateCustomerForm) {
    setError(null);
    const reason = values.reason?.trim();
    create.mutate(
      { code: values.code.trim(), ...customerDataOf(values), ...(reason ? { reason } : {}) },
      {
        onSuccess: (customer) => {
          form.resetFields();
          onCreated(customer);
        },
        onError: (caught) => {
          if (hasCode(caught, 'CUSTOMER_CODE_TAKEN')) {
            form.setFields([{ name: 'code', errors: [t('errors.CUSTOMER_CODE_TAKEN')] }]);
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
      title={t('partners.customers.create.title')}
      size={640}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={create.isPending} data-testid="customer-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="customer-form-submit"
          >
            {t('partners.customers.create.submit')}
          </Button>
        </Flex>
      }
    >
      <Alert
        type="info"
        showIcon
        title={t('partners.customers.create.note')}
        className="form-note"
      />
      <Form<CreateCustomerForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        disabled={create.isPending}
        className="dense-form"
        data-testid="customer-form"
      >
        <CodeField label={t('partners.customers.fields.code')} />
        <CustomerDataFields />
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('partners.customers.create.reasonPlaceholder')}
            data-testid="reason"
          />
        </Form.Item>
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}

import { Alert, Button, Drawer, Flex, Form, Input, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../shared/error-codes.ts';
import { hasCode } from '../api/client.ts';
import { applyServerErrors } from './form-errors.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

export interface CreateRecordDrawerProps<V extends { code: string; reason?: string }> {
  open: boolean;
  onClose: () => void;
  title: string;
  submitText: string;
  /** An explanation above the form. */
  note?: string;
  reasonPlaceholder: string;
  /** Test id of the form; the buttons get `<testId>-submit` and `<testId>-cancel`. */
  testId: string;
  /** The code the server answers when the record code is taken: shown on the code field. */
  codeTakenCode: ErrorCode;
  pending: boolean;
  /** Creates the record (e.g. a mutation's mutateAsync); a rejection keeps the drawer open. */
  onSubmit: (values: V) => Promise<unknown>;
  width?: number;
  /** The record's fields (Form.Items), the code field first; the reason field follows them. */
  children: ReactNode;
}

/** The drawer every master-data list uses to create a record, with its reason and errors. */
export function CreateRecordDrawer<V extends { code: string; reason?: string }>({
  open,
  onClose,
  title,
  submitText,
  note,
  reasonPlaceholder,
  testId,
  codeTakenCode,
  pending,
  onSubmit,
  width = 640,
  children,
}: CreateRecordDrawerProps<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<unknown>(null);

  async function submit(values: V) {
    setError(null);
    try {
      await onSubmit(values);
      form.resetFields();
    } catch (caught) {
      if (hasCode(caught, codeTakenCode)) {
        // The code field exists in every such form; the generic form type cannot know it.
        const untypedForm: FormInstance = form;
        untypedForm.setFields([{ name: 'code', errors: [t(`errors.${codeTakenCode}`)] }]);
        return;
      }
      if (!applyServerErrors(form, caught, t)) setError(caught);
    }
  }

  return (
    <Drawer
      open={open}
      title={title}
      size={width}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={pending} data-testid={`${testId}-cancel`}>
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={pending}
            onClick={() => form.submit()}
            data-testid={`${testId}-submit`}
          >
            {submitText}
          </Button>
        </Flex>
      }
    >
      {note && <Alert type="info" showIcon title={note} className="form-note" />}
      <Form<V>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={(values) => void submit(values)}
        disabled={pending}
        className="dense-form"
        data-testid={testId}
      >
        {children}
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={reasonPlaceholder}
            data-testid="reason"
          />
        </Form.Item>
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}

/** The optional reason of a create form, trimmed, as the API takes it. */
export function reasonOf(values: { reason?: string }): { reason?: string } {
  const reason = values.reason?.trim();
  return reason ? { reason } : {};
}

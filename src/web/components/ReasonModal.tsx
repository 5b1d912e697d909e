import { Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from './form-errors.ts';
import { ProblemAlert } from './ProblemAlert.tsx';
import { testId as testIdProps } from './test-id.ts';

export interface ReasonModalProps<V extends object> {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  /** What the change does, above the fields. */
  description?: ReactNode;
  /** Further fields of the change (Form.Items), above the reason. */
  children?: ReactNode;
  initialValues?: Partial<V>;
  /** The field that receives password-policy problems, if any. */
  passwordField?: string;
  /** Performs the change; a rejection keeps the dialog open with the problem shown. */
  onSubmit: (values: V & { reason: string }) => Promise<unknown>;
  onClose: () => void;
  testId?: string;
  /** Dialog width in pixels, for changes with more fields than the default 520 holds. */
  width?: number;
}

/** A change that the audit trail records with its reason ("why"): fields, reason, confirm. */
export function ReasonModal<V extends object>({
  open,
  title,
  okText,
  danger = false,
  description,
  children,
  initialValues,
  passwordField,
  onSubmit,
  onClose,
  testId = 'reason-modal',
  width,
}: ReasonModalProps<V>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V & { reason: string }>();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(values: V & { reason: string }) {
    setSubmitting(true);
    setError(null);
    try {
      await onSubmit({ ...values, reason: values.reason.trim() });
      onClose();
    } catch (caught) {
      if (!applyServerErrors(form, caught, t, { passwordField })) setError(caught);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: submitting, ...testIdProps(`${testId}-submit`) }}
      cancelButtonProps={{ disabled: submitting, ...testIdProps(`${testId}-cancel`) }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      mask={{ closable: false }}
    >
      <div data-testid={testId}>
        {description && <div className="modal-description">{description}</div>}
        <Form
          form={form}
          layout="vertical"
          requiredMark="optional"
          initialValues={initialValues}
          onFinish={(values) => void submit(values)}
          className="dense-form"
        >
          {children}
          <Form.Item
            name="reason"
            label={t('common.reason')}
            extra={t('common.reasonHelp')}
            rules={[
              { required: true, whitespace: true, message: t('common.reasonRequired') },
              { max: 500 },
            ]}
          >
            <Input.TextArea
              rows={2}
              maxLength={500}
              showCount
              placeholder={t('common.reasonPlaceholder')}
              data-testid="reason"
            />
          </Form.Item>
        </Form>
        {error !== null && <ProblemAlert error={error} />}
      </div>
    </Modal>
  );
}

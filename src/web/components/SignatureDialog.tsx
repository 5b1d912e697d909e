import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignatureInput, SignatureMeaning } from '../../shared/signatures.contract.ts';
import { hasCode } from '../api/client.ts';
import { useSession } from '../auth/session.ts';
import { useSignOut } from '../auth/sign-out.ts';
import { ProblemAlert } from './ProblemAlert.tsx';

export interface SignatureDialogProps {
  open: boolean;
  /** What is being signed, in words: "Approve the permissions of role Viewer". */
  title: string;
  /** The content being signed (changes, record identity), shown above the fields. */
  summary?: ReactNode;
  /** The meanings this record accepts; the first is preselected. */
  allowedMeanings: readonly SignatureMeaning[];
  /** Ask for the reason of the change (audit trail) together with the signature. */
  requireReason?: boolean;
  /**
   * Performs the signed request. A rejection keeps the dialog open with the
   * server's problem (wrong password, …); on success the dialog closes.
   */
  onSign: (signature: SignatureInput, reason: string | undefined) => Promise<unknown>;
  onClose: () => void;
}

interface SignatureForm {
  password: string;
  meaning: SignatureMeaning;
  comment?: string;
  reason?: string;
}

/**
 * An electronic signature (21 CFR 11.50, 11.200): the signed-in person
 * re-enters their password and states what the signature means.
 */
export function SignatureDialog({
  open,
  title,
  summary,
  allowedMeanings,
  requireReason = false,
  onSign,
  onClose,
}: SignatureDialogProps) {
  const { t } = useTranslation();
  const me = useSession();
  const signOut = useSignOut();
  const [form] = Form.useForm<SignatureForm>();
  const [error, setError] = useState<unknown>(null);
  const [signing, setSigning] = useState(false);
  const locked = hasCode(error, 'ACCOUNT_LOCKED');

  async function sign(values: SignatureForm) {
    setSigning(true);
    setError(null);
    try {
      const comment = values.comment?.trim();
      await onSign(
        {
          username: me.user.username,
          password: values.password,
          meaning: values.meaning,
          ...(comment ? { comment } : {}),
        },
        values.reason?.trim(),
      );
      onClose();
    } catch (caught) {
      setError(caught);
      // Never leave a rejected password in the field.
      form.setFieldValue('password', '');
    } finally {
      setSigning(false);
    }
  }

  const footer = locked ? (
    <Button type="primary" danger onClick={signOut} data-testid="signature-sign-out">
      {t('userMenu.signOut')}
    </Button>
  ) : (
    <Flex justify="end" gap={8}>
      <Button onClick={onClose} disabled={signing} data-testid="signature-cancel">
        {t('common.cancel')}
      </Button>
      <Button
        type="primary"
        icon={<SafetyCertificateOutlined />}
        loading={signing}
        onClick={() => form.submit()}
        data-testid="signature-submit"
      >
        {t('signature.sign')}
      </Button>
    </Flex>
  );

  return (
    <Modal
      open={open}
      title={
        <Flex align="center" gap={8}>
          <SafetyCertificateOutlined className="signature-title-icon" aria-hidden />
          <span>{t('signature.dialogTitle')}</span>
        </Flex>
      }
      footer={footer}
      onCancel={locked ? undefined : onClose}
      closable={!locked && !signing}
      mask={{ closable: false }}
      keyboard={!locked}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      width={560}
    >
      <div data-testid="signature-dialog">
        <div className="signature-subject">
          <Typography.Text type="secondary">{t('signature.signing')}</Typography.Text>
          <Typography.Paragraph
            strong
            className="signature-subject-title"
            data-testid="signature-title"
          >
            {title}
          </Typography.Paragraph>
          {summary}
        </div>
        {error !== null && <ProblemAlert error={error} style={{ marginBottom: 12 }} />}
        <Form<SignatureForm>
          form={form}
          layout="vertical"
          requiredMark="optional"
          initialValues={{ meaning: allowedMeanings[0] }}
          onFinish={(values) => void sign(values)}
          disabled={locked}
          className="dense-form"
        >
          {requireReason && (
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
                placeholder={t('common.reasonPlaceholder')}
                data-testid="signature-reason"
              />
            </Form.Item>
          )}
          <Flex gap={12}>
            <Form.Item
              label={t('signature.username')}
              style={{ flex: 1 }}
              required
              extra={t('signature.printedName', { name: me.user.fullName })}
            >
              <Input value={me.user.username} readOnly disabled data-testid="signature-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('signature.password')}
              style={{ flex: 1 }}
              rules={[{ required: true, message: t('signature.passwordRequired') }]}
            >
              <Input.Password
                autoComplete="current-password"
                autoFocus
                data-testid="signature-password"
              />
            </Form.Item>
          </Flex>
          <Flex gap={12}>
            <Form.Item
              name="meaning"
              label={t('signature.meaning')}
              tooltip={t('signature.meaningHelp')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <Select
                data-testid="signature-meaning"
                options={allowedMeanings.map((meaning) => ({
                  value: meaning,
                  label: t(`signature.meanings.${meaning}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="comment"
              label={t('signature.comment')}
              rules={[{ max: 1000 }]}
              style={{ flex: 1 }}
            >
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={1000}
                data-testid="signature-comment"
              />
            </Form.Item>
          </Flex>
        </Form>
        <Alert
          type="info"
          showIcon
          className="signature-statement"
          data-testid="signature-statement"
          title={
            <>
              <strong>{t('signature.statementTitle')}</strong> {t('signature.statement')}
            </>
          }
        />
        {locked && (
          <Typography.Paragraph
            type="danger"
            className="signature-locked"
            data-testid="signature-locked"
          >
            {t('signature.lockedSignOut')}
          </Typography.Paragraph>
        )}
      </div>
    </Modal>
  );
}

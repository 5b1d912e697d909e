import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/identity.contract.ts';
import { useCreateRole, usePermissionCatalogue } from '../../api/roles.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { SignatureDialog } from '../../components/SignatureDialog.tsx';
import { PermissionChecklist } from './PermissionChecklist.tsx';

const ROLE_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

interface CreateRoleForm {
  key: string;
  nameZh: string;
  nameEn: string;
  description?: string;
  permissions: string[];
  reason?: string;
}

/** A new role is approved with an electronic signature as it is created. */
export function CreateRoleDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (role: Role) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateRoleForm>();
  const catalogue = usePermissionCatalogue();
  const create = useCreateRole();
  const [pending, setPending] = useState<CreateRoleForm | null>(null);

  return (
    <Drawer
      open={open}
      title={t('roles.create.title')}
      size={560}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} data-testid="role-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            onClick={() => form.submit()}
            data-testid="role-form-submit"
          >
            {t('roles.create.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<CreateRoleForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ permissions: [] }}
        onFinish={(values) => setPending(values)}
        className="dense-form"
        data-testid="role-form"
      >
        <Form.Item
          name="key"
          label={t('roles.fields.key')}
          extra={t('roles.create.keyHelp')}
          rules={[
            { required: true, whitespace: true, message: t('roles.create.keyRequired') },
            { min: 2, max: 64, message: t('roles.create.keyPattern') },
            { pattern: ROLE_KEY_PATTERN, message: t('roles.create.keyPattern') },
          ]}
        >
          <Input className="mono" autoComplete="off" spellCheck={false} data-testid="key" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="nameZh"
            label={t('roles.fields.nameZh')}
            style={{ flex: 1 }}
            rules={[
              { required: true, whitespace: true, message: t('roles.create.nameRequired') },
              { max: 100 },
            ]}
          >
            <Input data-testid="nameZh" />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('roles.fields.nameEn')}
            style={{ flex: 1 }}
            rules={[
              { required: true, whitespace: true, message: t('roles.create.nameRequired') },
              { max: 100 },
            ]}
          >
            <Input data-testid="nameEn" />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('roles.fields.description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="description" />
        </Form.Item>
        <Form.Item name="permissions" label={t('roles.fields.permissions')}>
          {catalogue.data ? (
            <PermissionChecklist catalogue={catalogue.data.items} />
          ) : catalogue.isError ? (
            <ProblemAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
          ) : (
            <Skeleton active paragraph={{ rows: 4 }} title={false} />
          )}
        </Form.Item>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} data-testid="reason" />
        </Form.Item>
      </Form>
      <SignatureDialog
        open={pending !== null}
        title={t('roles.create.signTitle', {
          name: pending?.nameEn ?? '',
          nameZh: pending?.nameZh ?? '',
          key: pending?.key ?? '',
        })}
        summary={
          pending && (
            <Typography.Paragraph type="secondary" className="signature-summary">
              {t('roles.create.signSummary', { count: pending.permissions.length })}{' '}
              <span className="mono">{pending.permissions.join(', ') || '—'}</span>
            </Typography.Paragraph>
          )
        }
        allowedMeanings={['approved']}
        onSign={async (signature) => {
          if (!pending) return;
          const description = pending.description?.trim();
          const reason = pending.reason?.trim();
          try {
            const role = await create.mutateAsync({
              key: pending.key.trim(),
              nameZh: pending.nameZh.trim(),
              nameEn: pending.nameEn.trim(),
              permissions: pending.permissions,
              ...(description ? { description } : {}),
              ...(reason ? { reason } : {}),
              signature,
            });
            form.resetFields();
            onCreated(role);
          } catch (error) {
            applyServerErrors(form, error, t);
            throw error;
          }
        }}
        onClose={() => setPending(null)}
      />
    </Drawer>
  );
}

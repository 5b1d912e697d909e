import { Button, Drawer, Flex, Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/identity.contract.ts';
import { BUILT_IN_ROLES } from '../../../shared/permissions.ts';
import { roleName, useRoles } from '../../api/roles.ts';
import { useCreateUser, type UserLanguage } from '../../api/users.ts';
import { useCan } from '../../auth/session.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useLanguage } from '../../i18n/use-language.ts';
import { PasswordPolicy } from './ChangePasswordPage.tsx';
import { LANGUAGE_OPTIONS } from './identity-tags.tsx';

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const DEFAULT_MIN_LENGTH = 12;

interface CreateUserForm {
  username: string;
  fullName: string;
  email?: string;
  preferredLanguage: UserLanguage;
  roles: string[];
  password: string;
  confirmPassword: string;
  reason?: string;
}

/** Role choices: names from the server when the person may read roles, else the built-in keys. */
export function useRoleOptions(): { value: string; label: string }[] {
  const language = useLanguage();
  const mayRead = useCan('role.read');
  const roles = useRoles({ enabled: mayRead });
  if (roles.data) {
    return roles.data.items.map((role) => ({
      value: role.key,
      label: `${roleName(role, language)} (${role.key})`,
    }));
  }
  return BUILT_IN_ROLES.map((key) => ({ value: key, label: key }));
}

/** Password + confirmation rules shared by the create and reset-password forms. */
export function newPasswordRules(t: TFunction, username: () => string | undefined) {
  return [
    { required: true, message: t('password.newRequired') },
    {
      min: DEFAULT_MIN_LENGTH,
      message: t('passwordPolicy.problems.too_short', { minLength: DEFAULT_MIN_LENGTH }),
    },
    {
      validator: (_: unknown, value: string | undefined) => {
        const name = username() ?? '';
        return value && name.length >= 3 && value.toLowerCase().includes(name.toLowerCase())
          ? Promise.reject(new Error(t('passwordPolicy.problems.contains_username')))
          : Promise.resolve();
      },
    },
  ];
}

export function confirmPasswordRules(t: TFunction, field = 'password') {
  return [
    { required: true, message: t('password.confirmRequired') },
    ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
      validator: (_: unknown, value: string | undefined) =>
        !value || getFieldValue(field) === value
          ? Promise.resolve()
          : Promise.reject(new Error(t('password.mismatch'))),
    }),
  ];
}

export function CreateUserDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [form] = Form.useForm<CreateUserForm>();
  const create = useCreateUser();
  const roleOptions = useRoleOptions();
  const [error, setError] = useState<unknown>(null);
  const username = Form.useWatch('username', form) ?? '';
  const password = Form.useWatch('password', form) ?? '';

  function submit(values: CreateUserForm) {
    setError(null);
    const email = values.email?.trim();
    const reason = values.reason?.trim();
    create.mutate(
      {
        username: values.username.trim(),
        fullName: values.fullName.trim(),
        ...(email ? { email } : {}),
        preferredLanguage: values.preferredLanguage,
        roles: values.roles,
        password: values.password,
        ...(reason ? { reason } : {}),
      },
      {
        onSuccess: (user) => {
          form.resetFields();
          onCreated(user);
        },
        onError: (caught) => {
          if (!applyServerErrors(form, caught, t, { passwordField: 'password' })) setError(caught);
        },
      },
    );
  }

  return (
    <Drawer
      open={open}
      title={t('users.create.title')}
      size={520}
      onClose={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
      footer={
        <Flex justify="end" gap={8}>
          <Button onClick={onClose} disabled={create.isPending} data-testid="user-form-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="user-form-submit"
          >
            {t('users.create.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<CreateUserForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ preferredLanguage: language, roles: [] }}
        onFinish={submit}
        disabled={create.isPending}
        className="dense-form"
        data-testid="user-form"
      >
        <Form.Item
          name="username"
          label={t('users.fields.username')}
          extra={t('users.create.usernameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('users.create.usernameRequired') },
            { min: 2, max: 64, message: t('users.create.usernameLength') },
            { pattern: USERNAME_PATTERN, message: t('users.create.usernamePattern') },
          ]}
        >
          <Input autoComplete="off" spellCheck={false} className="mono" data-testid="username" />
        </Form.Item>
        <Form.Item
          name="fullName"
          label={t('users.fields.fullName')}
          extra={t('users.create.fullNameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('users.create.fullNameRequired') },
            { max: 200 },
          ]}
        >
          <Input autoComplete="off" data-testid="fullName" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('users.fields.email')}
          rules={[{ type: 'email', message: t('users.create.emailInvalid') }, { max: 254 }]}
        >
          <Input autoComplete="off" data-testid="email" />
        </Form.Item>
        <Form.Item
          name="preferredLanguage"
          label={t('users.fields.language')}
          rules={[{ required: true }]}
        >
          <Select
            options={LANGUAGE_OPTIONS.map((o) => ({ ...o }))}
            data-testid="preferredLanguage"
          />
        </Form.Item>
        <Form.Item name="roles" label={t('users.fields.roles')}>
          <Select
            mode="multiple"
            allowClear
            options={roleOptions}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('users.create.rolesPlaceholder')}
            data-testid="roles"
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="password"
            label={t('users.create.password')}
            style={{ flex: 1 }}
            rules={newPasswordRules(t, () => form.getFieldValue('username') as string | undefined)}
          >
            <Input.Password autoComplete="new-password" data-testid="password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            style={{ flex: 1 }}
            dependencies={['password']}
            rules={confirmPasswordRules(t)}
          >
            <Input.Password autoComplete="new-password" data-testid="confirmPassword" />
          </Form.Item>
        </Flex>
        <div className="form-hint">
          <PasswordPolicy password={password} username={username} minLength={DEFAULT_MIN_LENGTH} />
          <div className="form-hint-note">{t('users.create.mustChangeNote')}</div>
        </div>
        <Form.Item name="reason" label={t('common.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('users.create.reasonPlaceholder')}
            data-testid="reason"
          />
        </Form.Item>
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Drawer>
  );
}

import {
  EditOutlined,
  KeyOutlined,
  StopOutlined,
  TeamOutlined,
  UnlockOutlined,
  CheckCircleOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Select, Skeleton } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { User } from '../../../shared/identity.contract.ts';
import { useChangeUser, useUser, type UserChange, type UserLanguage } from '../../api/users.ts';
import { useCan, useSession } from '../../auth/session.ts';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { formatDateTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PasswordPolicy } from './ChangePasswordPage.tsx';
import { confirmPasswordRules, newPasswordRules, useRoleOptions } from './CreateUserDrawer.tsx';
import { LANGUAGE_OPTIONS, RoleTags, UserStatusTag, languageName } from './identity-tags.tsx';

type ActionKind = UserChange['kind'];

export function UserDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const user = useUser(id);
  const back = { to: '/admin/users', label: t('users.title') };

  if (user.isPending) {
    return (
      <Page title={t('users.detailTitle')} back={back}>
        <Card size="small">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </Page>
    );
  }
  if (user.isError) {
    return (
      <Page title={t('users.detailTitle')} back={back}>
        <ProblemAlert error={user.error} onRetry={() => void user.refetch()} />
      </Page>
    );
  }
  return <UserDetail user={user.data} back={back} />;
}

function UserDetail({ user, back }: { user: User; back: { to: string; label: string } }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const mayManage = useCan('user.manage');
  const [action, setAction] = useState<ActionKind | null>(null);
  const isSelf = me.user.id === user.id;
  const when = (value: string | null) =>
    value ? <time dateTime={value}>{formatDateTime(value, language)}</time> : '—';

  const items: DescriptionsProps['items'] = [
    {
      key: 'username',
      label: t('users.fields.username'),
      children: (
        <span className="mono" data-testid="user-username">
          {user.username}
        </span>
      ),
    },
    {
      key: 'fullName',
      label: t('users.fields.fullName'),
      children: <span data-testid="user-fullName">{user.fullName}</span>,
    },
    { key: 'email', label: t('users.fields.email'), children: user.email ?? '—' },
    {
      key: 'language',
      label: t('users.fields.language'),
      children: languageName(user.preferredLanguage),
    },
    {
      key: 'status',
      label: t('users.fields.status'),
      children: <UserStatusTag status={user.status} />,
    },
    {
      key: 'roles',
      label: t('users.fields.roles'),
      children: (
        <span data-testid="user-roles">
          <RoleTags roles={user.roles} />
        </span>
      ),
    },
    {
      key: 'mustChangePassword',
      label: t('users.fields.mustChangePassword'),
      children: user.mustChangePassword ? t('common.yes') : t('common.no'),
    },
    {
      key: 'failedAttempts',
      label: t('users.fields.failedAttempts'),
      children: <span data-testid="user-failedAttempts">{user.failedAttempts}</span>,
    },
    { key: 'lastLoginAt', label: t('users.fields.lastLoginAt'), children: when(user.lastLoginAt) },
    {
      key: 'passwordChangedAt',
      label: t('users.fields.passwordChangedAt'),
      children: when(user.passwordChangedAt),
    },
    { key: 'createdAt', label: t('users.fields.createdAt'), children: when(user.createdAt) },
    { key: 'updatedAt', label: t('users.fields.updatedAt'), children: when(user.updatedAt) },
  ];

  const actions = mayManage && (
    <Flex gap={8} wrap data-testid="user-actions">
      <Button
        icon={<EditOutlined />}
        onClick={() => setAction('profile')}
        data-testid="user-action-profile"
      >
        {t('users.actions.profile')}
      </Button>
      <Button
        icon={<TeamOutlined />}
        onClick={() => setAction('roles')}
        disabled={isSelf}
        data-testid="user-action-roles"
      >
        {t('users.actions.roles')}
      </Button>
      {user.status === 'locked' && (
        <Button
          type="primary"
          icon={<UnlockOutlined />}
          onClick={() => setAction('unlock')}
          data-testid="user-action-unlock"
        >
          {t('users.actions.unlock')}
        </Button>
      )}
      {user.status === 'disabled' ? (
        <Button
          icon={<CheckCircleOutlined />}
          onClick={() => setAction('enable')}
          data-testid="user-action-enable"
        >
          {t('users.actions.enable')}
        </Button>
      ) : (
        <Button
          danger
          icon={<StopOutlined />}
          onClick={() => setAction('disable')}
          disabled={isSelf}
          data-testid="user-action-disable"
        >
          {t('users.actions.disable')}
        </Button>
      )}
      <Button
        icon={<KeyOutlined />}
        onClick={() => setAction('reset-password')}
        disabled={isSelf}
        data-testid="user-action-reset-password"
      >
        {t('users.actions.resetPassword')}
      </Button>
    </Flex>
  );

  return (
    <Page
      title={user.fullName}
      back={back}
      tags={<UserStatusTag status={user.status} />}
      extra={actions}
    >
      {isSelf && mayManage && (
        <Alert
          type="info"
          showIcon
          title={t('users.selfNote')}
          style={{ marginBottom: 12 }}
          data-testid="user-self-note"
        />
      )}
      {user.status === 'locked' && (
        <Alert
          type="error"
          showIcon
          title={t('users.lockedNote', { count: user.failedAttempts })}
          style={{ marginBottom: 12 }}
          data-testid="user-locked-note"
        />
      )}
      <Card size="small" className="section-card">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={items}
          styles={{ label: { width: 180 } }}
          data-testid="user-details"
        />
      </Card>
      <HistoryPanel entityType="user" entityId={user.id} />
      {action && <UserActionModal user={user} kind={action} onClose={() => setAction(null)} />}
    </Page>
  );
}

interface ActionValues {
  fullName?: string;
  email?: string;
  preferredLanguage?: UserLanguage;
  roles?: string[];
  newPassword?: string;
  confirmPassword?: string;
}

function UserActionModal({
  user,
  kind,
  onClose,
}: {
  user: User;
  kind: ActionKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const change = useChangeUser(user.id);
  const roleOptions = useRoleOptions();

  function toChange(values: ActionValues): UserChange {
    switch (kind) {
      case 'profile':
        return {
          kind,
          body: {
            fullName: values.fullName?.trim(),
            email: values.email?.trim() ? values.email.trim() : null,
            preferredLanguage: values.preferredLanguage,
          },
        };
      case 'roles':
        return { kind, body: { roles: values.roles ?? [] } };
      case 'reset-password':
        return { kind, body: { newPassword: values.newPassword ?? '' } };
      case 'disable':
      case 'enable':
      case 'unlock':
        return { kind, body: {} };
    }
  }

  const titles: Record<ActionKind, string> = {
    profile: t('users.actions.profile'),
    roles: t('users.actions.roles'),
    disable: t('users.actions.disable'),
    enable: t('users.actions.enable'),
    unlock: t('users.actions.unlock'),
    'reset-password': t('users.actions.resetPassword'),
  };
  const descriptions: Partial<Record<ActionKind, string>> = {
    disable: t('users.actions.disableDescription', { name: user.fullName }),
    enable: t('users.actions.enableDescription', { name: user.fullName }),
    unlock: t('users.actions.unlockDescription', { name: user.fullName }),
    'reset-password': t('users.actions.resetPasswordDescription', { name: user.fullName }),
    roles: t('users.actions.rolesDescription'),
  };
  const description = descriptions[kind];

  return (
    <ReasonModal<ActionValues>
      open
      title={`${titles[kind]} · ${user.username}`}
      okText={titles[kind]}
      danger={kind === 'disable'}
      testId="user-action"
      description={
        description && <Alert type={kind === 'disable' ? 'warning' : 'info'} title={description} />
      }
      passwordField="newPassword"
      initialValues={{
        fullName: user.fullName,
        email: user.email ?? '',
        preferredLanguage: user.preferredLanguage,
        roles: user.roles,
      }}
      onSubmit={async ({ reason, ...values }) => {
        await change.mutateAsync({ change: toChange(values), reason });
        void message.success(t('users.actions.done', { action: titles[kind] }));
      }}
      onClose={onClose}
    >
      {kind === 'profile' && (
        <>
          <Form.Item
            name="fullName"
            label={t('users.fields.fullName')}
            rules={[
              { required: true, whitespace: true, message: t('users.create.fullNameRequired') },
              { max: 200 },
            ]}
          >
            <Input data-testid="fullName" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('users.fields.email')}
            rules={[{ type: 'email', message: t('users.create.emailInvalid') }, { max: 254 }]}
          >
            <Input data-testid="email" />
          </Form.Item>
          <Form.Item name="preferredLanguage" label={t('users.fields.language')}>
            <Select
              options={LANGUAGE_OPTIONS.map((o) => ({ ...o }))}
              data-testid="preferredLanguage"
            />
          </Form.Item>
        </>
      )}
      {kind === 'roles' && (
        <Form.Item name="roles" label={t('users.fields.roles')}>
          <Select
            mode="multiple"
            allowClear
            options={roleOptions}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="roles"
          />
        </Form.Item>
      )}
      {kind === 'reset-password' && (
        <>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            rules={newPasswordRules(t, () => user.username)}
          >
            <Input.Password autoComplete="new-password" data-testid="newPassword" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={confirmPasswordRules(t, 'newPassword')}
          >
            <Input.Password autoComplete="new-password" data-testid="confirmPassword" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(prev, next) => prev.newPassword !== next.newPassword}>
            {({ getFieldValue }) => (
              <div className="form-hint">
                <PasswordPolicy
                  password={(getFieldValue('newPassword') as string | undefined) ?? ''}
                  username={user.username}
                  minLength={12}
                />
              </div>
            )}
          </Form.Item>
        </>
      )}
    </ReasonModal>
  );
}

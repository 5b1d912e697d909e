import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiToken, User } from '../../../shared/identity.contract.ts';
import { roleName, useRoles } from '../../api/roles.ts';
import { useCan } from '../../auth/session.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { permissionLabel } from '../../permissions.ts';

const STATUS_COLORS: Record<User['status'], string> = {
  active: 'green',
  disabled: 'default',
  locked: 'red',
};

export function UserStatusTag({ status }: { status: User['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="user-status" data-status={status}>
      {t(`users.status.${status}`)}
    </Tag>
  );
}

const TOKEN_STATUS_COLORS: Record<ApiToken['status'], string> = {
  active: 'green',
  expired: 'orange',
  revoked: 'default',
};

export function TokenStatusTag({ status }: { status: ApiToken['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={TOKEN_STATUS_COLORS[status]} data-testid="token-status" data-status={status}>
      {t(`tokens.status.${status}`)}
    </Tag>
  );
}

/** Role display names (UI language) by key; the key itself without role.read. */
export function useRoleNames(): (key: string) => string {
  const language = useLanguage();
  const mayRead = useCan('role.read');
  const roles = useRoles({ enabled: mayRead });
  const byKey = new Map((roles.data?.items ?? []).map((role) => [role.key, role]));
  return (key) => {
    const role = byKey.get(key);
    return role ? roleName(role, language) : key;
  };
}

export function RoleTags({ roles }: { roles: string[] }) {
  const { t } = useTranslation();
  const name = useRoleNames();
  if (roles.length === 0)
    return <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {roles.map((key) => (
        <Tag key={key} color="blue" data-testid="role-tag" data-role={key} title={key}>
          {name(key)}
        </Tag>
      ))}
    </Flex>
  );
}

export function PermissionTags({ permissions }: { permissions: string[] }) {
  const language = useLanguage();
  return (
    <Flex gap={4} wrap>
      {permissions.map((key) => (
        <Tag
          key={key}
          title={permissionLabel(key, language)}
          className="mono"
          data-permission={key}
        >
          {key}
        </Tag>
      ))}
    </Flex>
  );
}

export const LANGUAGE_OPTIONS = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
] as const;

export function languageName(language: string): string {
  return LANGUAGE_OPTIONS.find((option) => option.value === language)?.label ?? language;
}

import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../shared/permissions.ts';
import { useDocumentTitle } from '../components/Page.tsx';
import { useLanguage } from '../i18n/use-language.ts';
import { permissionLabel } from '../permissions.ts';
import { useSession } from './session.ts';

/** Shows the screen only to people with the permission; everyone else sees a 403. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission | undefined;
  children: ReactNode;
}) {
  const me = useSession();
  if (!permission || me.permissions.includes(permission)) return children;
  return <ForbiddenResult permission={permission} />;
}

export function ForbiddenResult({ permission }: { permission: Permission }) {
  const { t } = useTranslation();
  const language = useLanguage();
  useDocumentTitle(`${t('forbidden.title')} · ${t('app.name')}`);
  return (
    <Result
      status="403"
      data-testid="forbidden"
      title={<span data-testid="page-title">{t('forbidden.title')}</span>}
      subTitle={t('forbidden.subtitle', {
        permission: permissionLabel(permission, language),
        key: permission,
      })}
    />
  );
}

import { Flex, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/auth.ts';
import { hasCode } from '../api/client.ts';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { applyProfileLanguage } from '../i18n/index.ts';

export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * The app's screens need a session: without one the person goes to /login
 * (the query cache's error handler sends them, with where they were); with a
 * password that must change, only the change-password screen is open.
 */
export function RequireAuth() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const preferredLanguage = me.data?.user.preferredLanguage;

  useEffect(() => {
    if (preferredLanguage) applyProfileLanguage(preferredLanguage);
  }, [preferredLanguage]);

  if (me.data) {
    if (me.data.passwordChangeRequired && location.pathname !== CHANGE_PASSWORD_PATH) {
      return (
        <Navigate
          to={CHANGE_PASSWORD_PATH}
          replace
          state={{ from: `${location.pathname}${location.search}` }}
        />
      );
    }
    return <Outlet />;
  }
  if (me.isError && !hasCode(me.error, 'UNAUTHENTICATED')) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <ProblemAlert error={me.error} onRetry={() => void me.refetch()} />
      </Flex>
    );
  }
  return (
    <Flex justify="center" align="center" style={{ height: '100vh' }}>
      <Spin size="large" description={t('common.loading')} data-testid="session-loading" />
    </Flex>
  );
}

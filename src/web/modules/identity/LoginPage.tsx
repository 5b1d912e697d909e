import { LockOutlined, NodeIndexOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useLogin, type LoginInput } from '../../api/auth.ts';
import { setCsrfToken } from '../../api/client.ts';
import { CHANGE_PASSWORD_PATH } from '../../auth/RequireAuth.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useDocumentTitle } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

/** What sent the person to /login: the screen to return to, and why they are here. */
export interface LoginLocationState {
  from?: string | undefined;
  reason?: 'sessionEnded' | 'signedOut' | undefined;
}

function readState(state: unknown): LoginLocationState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, reason } = state as Record<string, unknown>;
  return {
    from:
      typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login')
        ? from
        : undefined,
    reason: reason === 'sessionEnded' || reason === 'signedOut' ? reason : undefined,
  };
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const login = useLogin();
  const queryClient = useQueryClient();
  const { from, reason } = readState(location.state);

  // Nothing cached for a previous session outlives it. Cleared here, once the
  // app's screens (which read the session) have unmounted.
  useEffect(() => {
    setCsrfToken(null);
    queryClient.clear();
  }, [queryClient]);
  useDocumentTitle(`${t('login.title')} · ${t('app.name')}`);

  function submit(values: LoginInput) {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onSuccess: (me) => {
          if (me.passwordChangeRequired) {
            void navigate(CHANGE_PASSWORD_PATH, { replace: true, state: { from } });
          } else {
            void navigate(from ?? '/', { replace: true });
          }
        },
      },
    );
  }

  const notice =
    login.isIdle && reason === 'sessionEnded' ? (
      <Alert
        type="warning"
        showIcon
        data-testid="session-ended-notice"
        title={t('login.sessionEnded')}
      />
    ) : login.isIdle && reason === 'signedOut' ? (
      <Alert type="success" showIcon data-testid="signed-out-notice" title={t('login.signedOut')} />
    ) : null;

  return (
    <div className="login-screen">
      <Flex className="login-topbar" justify="space-between" align="center">
        <span className="app-brand">
          <NodeIndexOutlined className="app-brand-mark" aria-hidden />
          <span className="app-brand-name">{t('app.name')}</span>
        </span>
        <LanguageSwitch />
      </Flex>
      <Flex className="login-main" justify="center" align="center">
        <Card className="login-card">
          <Flex vertical gap={4} className="login-heading">
            <Typography.Title level={3} className="login-product" data-testid="page-title">
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </Flex>
          <Typography.Title level={5} className="login-title">
            {t('login.title')}
          </Typography.Title>
          {notice && <div className="login-notice">{notice}</div>}
          <Form<LoginInput>
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            disabled={login.isPending}
            data-testid="login-form"
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined aria-hidden />}
                autoComplete="username"
                autoFocus
                autoCapitalize="none"
                spellCheck={false}
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined aria-hidden />}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            {login.isError && <ProblemAlert error={login.error} style={{ marginBottom: 16 }} />}
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" className="login-footnote">
            {t('login.footnote')}
          </Typography.Paragraph>
        </Card>
      </Flex>
    </div>
  );
}

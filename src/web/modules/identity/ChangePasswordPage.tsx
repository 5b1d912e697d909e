import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useChangePassword } from '../../api/auth.ts';
import { hasCode, toApiError } from '../../api/client.ts';
import { useSession } from '../../auth/session.ts';
import { passwordPolicyMessages } from '../../components/form-errors.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

const DEFAULT_MIN_LENGTH = 12;
const HISTORY_DEPTH = 5;

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function fromState(state: unknown): string | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { from } = state as Record<string, unknown>;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/account/password')
    ? from
    : undefined;
}

/** The policy the server enforces, checked live where the browser can (length, user name). */
export function PasswordPolicy({
  password,
  username,
  minLength,
  history = true,
  reused = false,
}: {
  password: string;
  username: string;
  minLength: number;
  /** Show the history rule (not for a new user, who has none). */
  history?: boolean;
  /** The server said this password was used before. */
  reused?: boolean;
}) {
  const { t } = useTranslation();
  const lengthOk = [...password].length >= minLength;
  const usernameOk =
    username.length < 3 || !password.toLowerCase().includes(username.toLowerCase());
  const rule = (ok: boolean | undefined, text: string, id: string) => (
    <li key={id} data-testid={`policy-${id}`} data-ok={ok === undefined ? 'unknown' : String(ok)}>
      {ok === undefined || password === '' ? (
        <MinusCircleOutlined className="policy-icon policy-unknown" aria-hidden />
      ) : ok ? (
        <CheckCircleFilled className="policy-icon policy-ok" aria-hidden />
      ) : (
        <CloseCircleFilled className="policy-icon policy-bad" aria-hidden />
      )}{' '}
      {text}
    </li>
  );
  return (
    <div className="password-policy" data-testid="password-policy">
      <Typography.Text strong>{t('passwordPolicy.title')}</Typography.Text>
      <ul>
        {rule(lengthOk, t('passwordPolicy.minLength', { count: minLength }), 'length')}
        {rule(usernameOk, t('passwordPolicy.noUsername'), 'username')}
        {history &&
          rule(
            reused ? false : undefined,
            t('passwordPolicy.history', { count: HISTORY_DEPTH }),
            'history',
          )}
      </ul>
    </div>
  );
}

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const change = useChangePassword();
  const [form] = Form.useForm<PasswordForm>();
  const [minLength, setMinLength] = useState(DEFAULT_MIN_LENGTH);
  const [error, setError] = useState<unknown>(null);
  const [reused, setReused] = useState<string | null>(null);
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const forced = me.passwordChangeRequired;

  function submit(values: PasswordForm) {
    setError(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          form.resetFields();
          if (forced) void navigate(fromState(location.state) ?? '/', { replace: true });
        },
        onError: (caught) => {
          const problem = toApiError(caught);
          if (problem.code === 'PASSWORD_POLICY') {
            const min = problem.params?.minLength;
            if (typeof min === 'number') setMinLength(min);
            const problems = problem.params?.problems;
            if (Array.isArray(problems) && problems.includes('reused')) {
              setReused(values.newPassword);
            }
            form.setFields([
              { name: 'newPassword', errors: passwordPolicyMessages(caught, t) },
              { name: 'confirmPassword', value: '' },
            ]);
          } else if (hasCode(caught, 'INVALID_CREDENTIALS')) {
            form.setFields([
              { name: 'currentPassword', value: '', errors: [t('password.currentWrong')] },
            ]);
          } else {
            setError(caught);
          }
        },
      },
    );
  }

  return (
    <Page title={t('password.title')} width="narrow">
      {forced && (
        <Alert
          type="warning"
          showIcon
          data-testid="password-change-required"
          title={t('password.forcedTitle')}
          description={t('password.forcedDescription')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card size="small" className="password-card">
        <Flex gap={32} wrap className="password-layout">
          <Form<PasswordForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            disabled={change.isPending}
            className="password-form dense-form"
            data-testid="password-form"
          >
            <input
              type="text"
              name="username"
              autoComplete="username"
              value={me.user.username}
              readOnly
              hidden
            />
            <Form.Item
              name="currentPassword"
              label={t('password.current')}
              rules={[{ required: true, message: t('password.currentRequired') }]}
            >
              <Input.Password autoComplete="current-password" data-testid="currentPassword" />
            </Form.Item>
            <Form.Item
              name="newPassword"
              label={t('password.new')}
              rules={[
                { required: true, message: t('password.newRequired') },
                {
                  min: minLength,
                  message: t('passwordPolicy.problems.too_short', { minLength }),
                },
                {
                  validator: (_, value: string | undefined) =>
                    value &&
                    me.user.username.length >= 3 &&
                    value.toLowerCase().includes(me.user.username.toLowerCase())
                      ? Promise.reject(new Error(t('passwordPolicy.problems.contains_username')))
                      : Promise.resolve(),
                },
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="newPassword" />
            </Form.Item>
            <Form.Item
              name="confirmPassword"
              label={t('password.confirm')}
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t('password.confirmRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, value: string | undefined) =>
                    !value || getFieldValue('newPassword') === value
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('password.mismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="confirmPassword" />
            </Form.Item>
            {error !== null && <ProblemAlert error={error} style={{ marginBottom: 16 }} />}
            <Button
              type="primary"
              htmlType="submit"
              loading={change.isPending}
              data-testid="password-submit"
            >
              {t('password.submit')}
            </Button>
          </Form>
          <PasswordPolicy
            password={newPassword}
            username={me.user.username}
            minLength={minLength}
            reused={reused !== null && reused === newPassword}
          />
        </Flex>
      </Card>
    </Page>
  );
}

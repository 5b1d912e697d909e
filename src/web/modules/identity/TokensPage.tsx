import { KeyOutlined, PlusOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Table,
  Typography,
} from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../shared/identity.contract.ts';
import {
  useCreateToken,
  useRevokeToken,
  useTokens,
  type CreateTokenInput,
} from '../../api/tokens.ts';
import { useCan, useSession } from '../../auth/session.ts';
import { applyServerErrors } from '../../components/form-errors.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { testId } from '../../components/test-id.ts';
import { formatDateTimeShort } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { permissionLabel } from '../../permissions.ts';
import { PermissionTags, TokenStatusTag } from './identity-tags.tsx';

const PAGE_SIZE = 20;
const DEFAULT_EXPIRY_DAYS = 90;

export function TokensPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayManageAll = useCan('token.manage');
  const [all, setAll] = useState(false);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ token: ApiToken; secret: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const tokens = useTokens({ all, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const revoke = useRevokeToken();
  const { message } = App.useApp();

  const when = (value: string | null, empty: string) =>
    value ? (
      <span className="nowrap">{formatDateTimeShort(value, language)}</span>
    ) : (
      <Typography.Text type="secondary">{empty}</Typography.Text>
    );

  const columns: TableProps<ApiToken>['columns'] = [
    {
      key: 'name',
      title: t('tokens.fields.name'),
      render: (_, token) => <span data-testid="token-name">{token.name}</span>,
    },
    {
      key: 'prefix',
      title: t('tokens.fields.prefix'),
      width: 150,
      render: (_, token) => <span className="mono">{token.prefix}…</span>,
    },
    ...(all
      ? [
          {
            key: 'user',
            title: t('tokens.fields.user'),
            width: 140,
            render: (_: unknown, token: ApiToken) => <span className="mono">{token.username}</span>,
          },
        ]
      : []),
    {
      key: 'permissions',
      title: t('tokens.fields.permissions'),
      render: (_, token) => <PermissionTags permissions={token.permissions} />,
    },
    {
      key: 'expiresAt',
      title: t('tokens.fields.expiresAt'),
      width: 170,
      render: (_, token) => when(token.expiresAt, t('tokens.noExpiry')),
    },
    {
      key: 'lastUsedAt',
      title: t('tokens.fields.lastUsedAt'),
      width: 170,
      render: (_, token) => when(token.lastUsedAt, t('tokens.neverUsed')),
    },
    {
      key: 'createdAt',
      title: t('tokens.fields.createdAt'),
      width: 170,
      render: (_, token) => when(token.createdAt, '—'),
    },
    {
      key: 'status',
      title: t('tokens.fields.status'),
      width: 90,
      render: (_, token) => <TokenStatusTag status={token.status} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, token) =>
        token.status === 'active' && (
          <Button
            size="small"
            danger
            icon={<StopOutlined />}
            onClick={() => setRevoking(token)}
            data-testid="token-revoke"
          >
            {t('tokens.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <Page
      title={t('tokens.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="new-token"
        >
          {t('tokens.new')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('tokens.lead')}
      </Typography.Paragraph>
      <Card size="small">
        {mayManageAll && (
          <Flex gap={8} align="center" className="table-toolbar">
            <Switch
              checked={all}
              onChange={(value) => {
                setAll(value);
                setPage(1);
              }}
              data-testid="tokens-all"
            />
            <span>{t('tokens.showAll')}</span>
          </Flex>
        )}
        {tokens.isError && (
          <ProblemAlert
            error={tokens.error}
            onRetry={() => void tokens.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<ApiToken>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={tokens.data?.items ?? []}
          loading={tokens.isFetching}
          locale={{ emptyText: tokens.isPending ? t('common.loading') : t('tokens.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: tokens.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            hideOnSinglePage: true,
          }}
          data-testid="tokens-table"
        />
      </Card>
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setSecret(created);
        }}
      />
      <SecretModal created={secret} onClose={() => setSecret(null)} />
      {revoking && (
        <ReasonModal
          open
          title={t('tokens.revokeTitle', { name: revoking.name })}
          okText={t('tokens.revoke')}
          danger
          testId="token-revoke-modal"
          description={<Alert type="warning" showIcon title={t('tokens.revokeDescription')} />}
          onSubmit={async ({ reason }) => {
            await revoke.mutateAsync({ id: revoking.id, reason });
            void message.success(t('tokens.revoked', { name: revoking.name }));
          }}
          onClose={() => setRevoking(null)}
        />
      )}
    </Page>
  );
}

interface CreateTokenForm {
  name: string;
  permissions: string[];
  expiresInDays?: number | null;
}

function CreateTokenModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (created: { token: ApiToken; secret: string }) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const create = useCreateToken();
  const [form] = Form.useForm<CreateTokenForm>();
  const [error, setError] = useState<unknown>(null);

  function submit(values: CreateTokenForm) {
    setError(null);
    const input: CreateTokenInput = { name: values.name.trim(), permissions: values.permissions };
    if (values.expiresInDays) input.expiresInDays = values.expiresInDays;
    create.mutate(input, {
      onSuccess: (created) => {
        form.resetFields();
        onCreated(created);
      },
      onError: (caught) => {
        if (!applyServerErrors(form, caught, t)) setError(caught);
      },
    });
  }

  return (
    <Modal
      open={open}
      title={t('tokens.create.title')}
      okText={t('tokens.create.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: create.isPending, ...testId('token-form-submit') }}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(visible) => {
        if (!visible) setError(null);
      }}
    >
      <Form<CreateTokenForm>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ permissions: [], expiresInDays: DEFAULT_EXPIRY_DAYS }}
        onFinish={submit}
        className="dense-form"
        data-testid="token-form"
      >
        <Form.Item
          name="name"
          label={t('tokens.fields.name')}
          extra={t('tokens.create.nameHelp')}
          rules={[
            { required: true, whitespace: true, message: t('tokens.create.nameRequired') },
            { max: 100 },
          ]}
        >
          <Input autoComplete="off" data-testid="name" />
        </Form.Item>
        <Form.Item
          name="permissions"
          label={t('tokens.fields.permissions')}
          extra={t('tokens.create.permissionsHelp')}
          rules={[
            {
              required: true,
              type: 'array',
              min: 1,
              message: t('tokens.create.permissionsRequired'),
            },
          ]}
        >
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={me.permissions.map((p) => ({
              value: p,
              label: `${permissionLabel(p, language)} (${p})`,
            }))}
            data-testid="permissions"
          />
        </Form.Item>
        <Form.Item
          name="expiresInDays"
          label={t('tokens.create.expiresInDays')}
          extra={t('tokens.create.expiresHelp')}
        >
          <InputNumber
            min={1}
            max={730}
            precision={0}
            placeholder={t('tokens.noExpiry')}
            suffix={t('tokens.create.days')}
            style={{ width: 200 }}
            data-testid="expiresInDays"
          />
        </Form.Item>
      </Form>
      {error !== null && <ProblemAlert error={error} />}
    </Modal>
  );
}

/** The token's secret, shown exactly once. */
function SecretModal({
  created,
  onClose,
}: {
  created: { token: ApiToken; secret: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={created !== null}
      title={
        <Flex align="center" gap={8}>
          <KeyOutlined aria-hidden />
          {t('tokens.secret.title', { name: created?.token.name ?? '' })}
        </Flex>
      }
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      // Not kept in the page once closed.
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-secret-close">
          {t('tokens.secret.done')}
        </Button>
      }
      width={620}
    >
      <div data-testid="token-secret-modal">
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          title={t('tokens.secret.warningTitle')}
          description={t('tokens.secret.warning')}
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph
          className="token-secret mono"
          copyable={{
            text: created?.secret ?? '',
            tooltips: [t('common.copy'), t('common.copied')],
          }}
          data-testid="token-secret"
        >
          {created?.secret}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('tokens.secret.usage')}</Typography.Paragraph>
        <Typography.Paragraph>
          <code className="mono">Authorization: Bearer {created?.token.prefix ?? 'llt_'}…</code>
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}

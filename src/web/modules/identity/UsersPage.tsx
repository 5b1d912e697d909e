import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchFilters } from '../../use-search-filters.ts';
import { Link, useNavigate } from 'react-router';
import type { User } from '../../../shared/identity.contract.ts';
import { roleName, useRoles } from '../../api/roles.ts';
import { USER_STATUSES, useUsers, type UserStatus } from '../../api/users.ts';
import { useCan } from '../../auth/session.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTimeShort } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { CreateUserDrawer } from './CreateUserDrawer.tsx';
import { RoleTags, UserStatusTag, languageName } from './identity-tags.tsx';

const PAGE_SIZES = [20, 50, 100];

function isStatus(value: string | null): value is UserStatus {
  return value !== null && (USER_STATUSES as readonly string[]).includes(value);
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function UsersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const mayManage = useCan('user.manage');
  const mayReadRoles = useCan('role.read');
  const [params, update] = useSearchFilters();
  const [creating, setCreating] = useState(false);

  const q = params.get('q') ?? '';
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const role = params.get('role') ?? undefined;
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('size'), PAGE_SIZES[0] ?? 20);

  const users = useUsers({
    q: q || undefined,
    status,
    role,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const roles = useRoles({ enabled: mayReadRoles });

  /** Changes filters in the address (shareable, survives Back); a new filter starts at page 1. */

  const columns: TableProps<User>['columns'] = [
    {
      key: 'username',
      title: t('users.fields.username'),
      width: 210,
      render: (_, user) => (
        <Link
          to={`/admin/users/${user.id}`}
          className="mono nowrap"
          data-testid={`user-link-${user.username}`}
        >
          {user.username}
        </Link>
      ),
    },
    { key: 'fullName', title: t('users.fields.fullName'), dataIndex: 'fullName', width: 200 },
    {
      key: 'roles',
      title: t('users.fields.roles'),
      render: (_, user) => <RoleTags roles={user.roles} />,
    },
    {
      key: 'status',
      title: t('users.fields.status'),
      width: 100,
      render: (_, user) => <UserStatusTag status={user.status} />,
    },
    {
      key: 'email',
      title: t('users.fields.email'),
      dataIndex: 'email',
      width: 220,
      ellipsis: true,
      render: (email: string | null) =>
        email ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'language',
      title: t('users.fields.language'),
      width: 100,
      render: (_, user) => languageName(user.preferredLanguage),
    },
    {
      key: 'lastLoginAt',
      title: t('users.fields.lastLoginAt'),
      width: 170,
      render: (_, user) =>
        user.lastLoginAt ? (
          <span className="nowrap">{formatDateTimeShort(user.lastLoginAt, language)}</span>
        ) : (
          <Typography.Text type="secondary">{t('users.neverSignedIn')}</Typography.Text>
        ),
    },
  ];

  return (
    <Page
      title={t('users.title')}
      extra={
        mayManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-user"
          >
            {t('users.new')}
          </Button>
        )
      }
    >
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar">
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            placeholder={t('users.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 280 }}
            data-testid="users-search"
          />
          <Select<UserStatus>
            allowClear
            placeholder={t('users.allStatuses')}
            value={status}
            onChange={(value) => update({ status: value })}
            options={USER_STATUSES.map((s) => ({ value: s, label: t(`users.status.${s}`) }))}
            style={{ width: 160 }}
            data-testid="users-filter-status"
          />
          {mayReadRoles && (
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('users.allRoles')}
              value={role}
              onChange={(value) => update({ role: value })}
              loading={roles.isPending}
              options={(roles.data?.items ?? []).map((r) => ({
                value: r.key,
                label: roleName(r, language),
              }))}
              style={{ width: 200 }}
              data-testid="users-filter-role"
            />
          )}
        </Flex>
        {users.isError && (
          <ProblemAlert
            error={users.error}
            onRetry={() => void users.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<User>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={users.data?.items ?? []}
          loading={users.isFetching}
          locale={{
            emptyText: users.isPending
              ? t('common.loading')
              : q || status || role
                ? t('users.noMatch')
                : t('users.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: users.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="users-table"
        />
      </Card>
      <CreateUserDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          void navigate(`/admin/users/${user.id}`);
        }}
      />
    </Page>
  );
}

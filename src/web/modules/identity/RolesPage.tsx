import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Role } from '../../../shared/identity.contract.ts';
import { roleName, useRoles } from '../../api/roles.ts';
import { useCan } from '../../auth/session.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTimeShort } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { CreateRoleDrawer } from './CreateRoleDrawer.tsx';

export function RolesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const mayManage = useCan('role.manage');
  const roles = useRoles();
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);

  const needle = filter.trim().toLowerCase();
  const rows = (roles.data?.items ?? []).filter(
    (role) =>
      !needle ||
      [role.key, role.nameEn, role.nameZh].some((text) => text.toLowerCase().includes(needle)),
  );

  const columns: TableProps<Role>['columns'] = [
    {
      key: 'name',
      title: t('roles.fields.name'),
      render: (_, role) => (
        <Link to={`/admin/roles/${role.key}`} data-testid={`role-link-${role.key}`}>
          {roleName(role, language)}
        </Link>
      ),
    },
    {
      key: 'key',
      title: t('roles.fields.key'),
      width: 200,
      render: (_, role) => <span className="mono">{role.key}</span>,
    },
    {
      key: 'kind',
      title: t('roles.fields.kind'),
      width: 110,
      render: (_, role) =>
        role.builtIn ? (
          <Tag color="geekblue" data-testid="role-built-in">
            {t('roles.builtIn')}
          </Tag>
        ) : (
          <Tag>{t('roles.custom')}</Tag>
        ),
    },
    {
      key: 'userCount',
      title: t('roles.fields.userCount'),
      dataIndex: 'userCount',
      width: 90,
      align: 'right',
    },
    {
      key: 'permissionCount',
      title: t('roles.fields.permissionCount'),
      width: 90,
      align: 'right',
      render: (_, role) => role.permissions.length,
    },
    {
      key: 'approved',
      title: t('roles.fields.lastApproval'),
      width: 280,
      render: (_, role) => {
        const last = role.signatures.at(-1);
        if (!last)
          return <Typography.Text type="secondary">{t('roles.notSigned')}</Typography.Text>;
        return (
          <Tooltip title={t(`signature.meanings.${last.meaning}`)}>
            <Flex align="center" gap={6} wrap={false}>
              <SafetyCertificateOutlined className="signature-icon" aria-hidden />
              <span>{last.signerName}</span>
              <Typography.Text type="secondary" className="nowrap">
                {formatDateTimeShort(last.signedAt, language)}
              </Typography.Text>
            </Flex>
          </Tooltip>
        );
      },
    },
    {
      key: 'description',
      title: t('roles.fields.description'),
      ellipsis: true,
      render: (_, role) =>
        role.description ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];

  return (
    <Page
      title={t('roles.title')}
      extra={
        mayManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-role"
          >
            {t('roles.new')}
          </Button>
        )
      }
    >
      <Card size="small">
        <Flex gap={8} className="table-toolbar">
          <Input.Search
            allowClear
            placeholder={t('roles.searchPlaceholder')}
            onChange={(event) => setFilter(event.target.value)}
            style={{ width: 280 }}
            data-testid="roles-search"
          />
        </Flex>
        {roles.isError && (
          <ProblemAlert
            error={roles.error}
            onRetry={() => void roles.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<Role>
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          loading={roles.isFetching}
          pagination={false}
          locale={{
            emptyText: roles.isPending
              ? t('common.loading')
              : needle
                ? t('roles.noMatch')
                : t('roles.empty'),
          }}
          data-testid="roles-table"
        />
      </Card>
      <CreateRoleDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(role) => {
          setCreating(false);
          void navigate(`/admin/roles/${role.key}`);
        }}
      />
    </Page>
  );
}

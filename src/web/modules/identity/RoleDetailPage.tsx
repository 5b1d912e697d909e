import { SafetyCertificateOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Role } from '../../../shared/identity.contract.ts';
import {
  roleName,
  usePermissionCatalogue,
  useRole,
  useSetRolePermissions,
} from '../../api/roles.ts';
import { useCan, useSession } from '../../auth/session.ts';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { SignatureDialog } from '../../components/SignatureDialog.tsx';
import { SignaturesCard } from '../../components/SignaturesCard.tsx';
import { formatDateTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { permissionLabel } from '../../permissions.ts';
import { PermissionChecklist } from './PermissionChecklist.tsx';

export function RoleDetailPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const role = useRole(key);
  const back = { to: '/admin/roles', label: t('roles.title') };

  if (role.isPending) {
    return (
      <Page title={t('roles.detailTitle')} back={back}>
        <Card size="small">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </Page>
    );
  }
  if (role.isError) {
    return (
      <Page title={t('roles.detailTitle')} back={back}>
        <ProblemAlert error={role.error} onRetry={() => void role.refetch()} />
      </Page>
    );
  }
  return <RoleDetail role={role.data} back={back} />;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

function RoleDetail({ role, back }: { role: Role; back: { to: string; label: string } }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const me = useSession();
  const mayManage = useCan('role.manage');
  const catalogue = usePermissionCatalogue();
  const save = useSetRolePermissions(role.key);
  const [draft, setDraft] = useState<string[] | null>(null);
  const [signing, setSigning] = useState(false);
  // Separation of duties: the server refuses a change to a role one holds.
  const holdsRole = me.user.roles.includes(role.key);
  const editable = mayManage && !holdsRole;
  const permissions = draft ?? role.permissions;
  const dirty = draft !== null && !sameSet(draft, role.permissions);
  const added = permissions.filter((p) => !role.permissions.includes(p));
  const removed = role.permissions.filter((p) => !permissions.includes(p));

  const items: DescriptionsProps['items'] = [
    {
      key: 'key',
      label: t('roles.fields.key'),
      children: (
        <span className="mono" data-testid="role-key">
          {role.key}
        </span>
      ),
    },
    {
      key: 'kind',
      label: t('roles.fields.kind'),
      children: role.builtIn ? t('roles.builtIn') : t('roles.custom'),
    },
    { key: 'nameZh', label: t('roles.fields.nameZh'), children: role.nameZh },
    { key: 'nameEn', label: t('roles.fields.nameEn'), children: role.nameEn },
    {
      key: 'description',
      label: t('roles.fields.description'),
      span: 2,
      children: role.description ?? '—',
    },
    { key: 'userCount', label: t('roles.fields.userCount'), children: role.userCount },
    {
      key: 'updatedAt',
      label: t('roles.fields.updatedAt'),
      children: <time dateTime={role.updatedAt}>{formatDateTime(role.updatedAt, language)}</time>,
    },
  ];

  const changeList = (
    <Flex vertical gap={4} className="signature-summary" data-testid="signature-summary">
      {added.map((p) => (
        <Typography.Text key={p} type="success">
          + {permissionLabel(p, language)} <span className="mono">({p})</span>
        </Typography.Text>
      ))}
      {removed.map((p) => (
        <Typography.Text key={p} type="danger">
          − {permissionLabel(p, language)} <span className="mono">({p})</span>
        </Typography.Text>
      ))}
    </Flex>
  );

  return (
    <Page
      title={roleName(role, language)}
      back={back}
      tags={
        role.builtIn ? (
          <Tag color="geekblue">{t('roles.builtIn')}</Tag>
        ) : (
          <Tag>{t('roles.custom')}</Tag>
        )
      }
    >
      <Card size="small" className="section-card">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={items}
          styles={{ label: { width: 160 } }}
        />
      </Card>
      <Card
        size="small"
        className="section-card"
        title={t('roles.permissionsTitle', { count: permissions.length })}
        data-testid="role-permissions"
        extra={
          editable && (
            <Flex gap={8}>
              <Button
                icon={<UndoOutlined />}
                disabled={!dirty}
                onClick={() => setDraft(null)}
                data-testid="role-permissions-reset"
              >
                {t('roles.discard')}
              </Button>
              <Button
                type="primary"
                icon={<SafetyCertificateOutlined />}
                disabled={!dirty}
                onClick={() => setSigning(true)}
                data-testid="role-permissions-save"
              >
                {t('roles.saveAndSign')}
              </Button>
            </Flex>
          )
        }
      >
        {mayManage && holdsRole && (
          <Alert
            type="info"
            showIcon
            title={t('roles.ownRoleNote')}
            style={{ marginBottom: 12 }}
            data-testid="role-own-note"
          />
        )}
        {catalogue.isError && (
          <ProblemAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />
        )}
        {catalogue.isPending && <Skeleton active title={false} paragraph={{ rows: 5 }} />}
        {catalogue.data && (
          <PermissionChecklist
            catalogue={catalogue.data.items}
            value={permissions}
            onChange={setDraft}
            disabled={!editable}
            compareWith={role.permissions}
          />
        )}
      </Card>
      <SignaturesCard signatures={role.signatures} testId="role-signatures" />
      <HistoryPanel entityType="role" entityId={role.key} />
      <SignatureDialog
        open={signing}
        title={t('roles.signTitle', { name: roleName(role, language), key: role.key })}
        summary={changeList}
        allowedMeanings={['approved']}
        requireReason
        onSign={async (signature, reason) => {
          await save.mutateAsync({ permissions, reason: reason ?? '', signature });
          setDraft(null);
          void message.success(t('roles.saved'));
        }}
        onClose={() => setSigning(false)}
      />
    </Page>
  );
}

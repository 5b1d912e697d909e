import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalStatus } from '../../api/engineering.ts';
import { roleName, useRoles } from '../../api/roles.ts';
import { useCan } from '../../auth/session.ts';
import { formatDateTimeShort } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';

const BUILT_IN_ROLES = [
  'admin',
  'qa_manager',
  'qa_inspector',
  'production_supervisor',
  'operator',
  'warehouse',
  'purchasing',
  'engineer',
  'viewer',
] as const;
type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

function isBuiltIn(key: string): key is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(key);
}

/** A role's name in the UI language: from the roles list when readable, else the built-in names. */
export function useRoleName(): (key: string) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  const roles = useRoles({ enabled: useCan('role.read') });
  return (key) => {
    const role = roles.data?.items.find((r) => r.key === key);
    if (role) return roleName(role, language);
    return isBuiltIn(key) ? t(`engineering.roles.${key}`) : key;
  };
}

/** Which required roles have signed this review round, and which are still missing. */
export function ApprovalCard({
  approval,
  pending,
  testId = 'approval',
}: {
  approval: ApprovalStatus;
  /** Whether approvals are being collected now (in review); otherwise the card reports the last round. */
  pending: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const roleLabel = useRoleName();

  return (
    <Card
      size="small"
      className="section-card"
      title={t('engineering.approval.title')}
      extra={
        <Typography.Text type="secondary">
          {t('engineering.approval.round', { round: approval.round })}
        </Typography.Text>
      }
      data-testid={testId}
    >
      <Flex vertical gap={8}>
        {approval.requiredRoles.map((role) => {
          const covered = approval.covered.find((c) => c.role === role);
          return (
            <Flex
              key={role}
              align="center"
              gap={12}
              wrap
              className="approval-role"
              data-testid="approval-role"
              data-role={role}
              data-signed={covered ? 'true' : 'false'}
            >
              <span className="approval-role-name">{roleLabel(role)}</span>
              {covered ? (
                <>
                  <Tag color="green" icon={<CheckCircleFilled />}>
                    {t('engineering.approval.signed')}
                  </Tag>
                  <span data-testid="approval-signer">{covered.signerName}</span>
                  <Typography.Text type="secondary">
                    <time dateTime={covered.signedAt}>
                      {formatDateTimeShort(covered.signedAt, language)}
                    </time>
                  </Typography.Text>
                </>
              ) : (
                <Tag color={pending ? 'gold' : 'default'} icon={<ClockCircleOutlined />}>
                  {pending
                    ? t('engineering.approval.missing')
                    : t('engineering.approval.notSigned')}
                </Tag>
              )}
            </Flex>
          );
        })}
        <Typography.Text type="secondary" data-testid="approval-summary">
          {approval.complete
            ? t('engineering.approval.complete')
            : t('engineering.approval.incomplete', {
                roles: approval.missing.map(roleLabel).join(t('engineering.approval.separator')),
              })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

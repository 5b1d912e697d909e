import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Skeleton,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  CANCELLABLE_STATUSES,
  useChange,
  useChangeAction,
  type ChangeRequest,
  type ChangeTarget,
} from '../../api/changes.ts';
import {
  ENGINEERING_STATUSES,
  approvalChances,
  type EngineeringStatus,
} from '../../api/engineering.ts';
import { useCan, useSession } from '../../auth/session.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { EffectiveDateModal } from '../../components/EffectiveDateModal.tsx';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { SignatureDialog } from '../../components/SignatureDialog.tsx';
import { SignaturesCard } from '../../components/SignaturesCard.tsx';
import { formatDateTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { ApprovalCard, useRoleName } from '../engineering/ApprovalCard.tsx';
import { VersionStatusTag } from '../engineering/engineering-tags.tsx';
import { ChangeFormDrawer } from './ChangeFormDrawer.tsx';
import { ChangeStatusTag, RiskTag } from './change-tags.tsx';
import { ImpactCard } from './ImpactCard.tsx';
import { TargetLink, TargetTypeTag } from './targets.tsx';

export function ChangeDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const change = useChange(id);
  const back = { to: '/changes', label: t('changes.title') };

  if (change.isPending) {
    return (
      <Page title={t('changes.detailTitle')} back={back}>
        <Card size="small">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </Page>
    );
  }
  if (change.isError) {
    return (
      <Page title={t('changes.detailTitle')} back={back}>
        <ProblemAlert error={change.error} onRetry={() => void change.refetch()} />
      </Page>
    );
  }
  return <ChangeDetail change={change.data} back={back} />;
}

type Dialog = 'edit' | 'submit' | 'return' | 'approve' | 'reject' | 'implement' | 'cancel';

/** A proposed version's status (BOM, routing and document revisions share the same statuses). */
function versionStatus(value: string | null): EngineeringStatus | null {
  return value !== null && (ENGINEERING_STATUSES as readonly string[]).includes(value)
    ? (value as EngineeringStatus)
    : null;
}

function ChangeDetail({
  change,
  back,
}: {
  change: ChangeRequest;
  back: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const me = useSession();
  const roleLabel = useRoleName();
  const mayManage = useCan('change.manage');
  const mayApprove = useCan('change.approve');
  const mayImplement = useCan('change.implement');
  const act = useChangeAction(change.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const { status } = change;
  const name = `${change.code} · ${change.title}`;
  const close = () => setDialog(null);
  const done = (action: string) => void message.success(t('changes.actions.done', { action }));

  const chances = approvalChances(change.approval, { id: me.user.id, roles: me.user.roles });
  const approveBlocked = chances.alreadySigned
    ? t('engineering.actions.alreadySigned')
    : chances.roles.length === 0
      ? t('engineering.actions.noRole', {
          roles: change.approval.missing.map(roleLabel).join(t('engineering.approval.separator')),
        })
      : null;
  const signAs = chances.roles[0];

  // What implementing does, version by version (labels from the impact analysis).
  const impact = change.impactSnapshot;
  const versions = change.targets.filter(
    (target) => target.targetType !== 'item' && target.targetType !== 'supplier',
  );
  const notApproved = versions.filter((target) => target.status !== 'approved');
  const supersedesLabel = (target: ChangeTarget) =>
    impact?.versionChanges.find((v) => v.proposedId === target.targetId)?.supersedesLabel ?? null;

  const actions = [
    status === 'draft' && mayManage && (
      <Button
        key="edit"
        icon={<EditOutlined />}
        onClick={() => setDialog('edit')}
        data-testid="change-action-edit"
      >
        {t('changes.actions.edit')}
      </Button>
    ),
    status === 'draft' && mayManage && (
      <Tooltip
        key="submit"
        title={change.targets.length === 0 ? t('changes.actions.targetsFirst') : undefined}
      >
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={change.targets.length === 0}
          onClick={() => setDialog('submit')}
          data-testid="change-action-submit"
        >
          {t('changes.actions.submit')}
        </Button>
      </Tooltip>
    ),
    status === 'in_review' && mayApprove && (
      <Tooltip key="approve" title={approveBlocked}>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          disabled={approveBlocked !== null}
          onClick={() => setDialog('approve')}
          data-testid="change-action-approve"
        >
          {t('changes.actions.approve')}
        </Button>
      </Tooltip>
    ),
    status === 'in_review' && mayApprove && (
      <Button
        key="reject"
        danger
        icon={<CloseCircleOutlined />}
        onClick={() => setDialog('reject')}
        data-testid="change-action-reject"
      >
        {t('changes.actions.reject')}
      </Button>
    ),
    status === 'in_review' && mayApprove && (
      <Button
        key="return"
        icon={<RollbackOutlined />}
        onClick={() => setDialog('return')}
        data-testid="change-action-return"
      >
        {t('changes.actions.return')}
      </Button>
    ),
    status === 'approved' && mayImplement && (
      <Button
        key="implement"
        type="primary"
        icon={<CheckCircleOutlined />}
        onClick={() => setDialog('implement')}
        data-testid="change-action-implement"
      >
        {t('changes.actions.implement')}
      </Button>
    ),
    CANCELLABLE_STATUSES.includes(status) && mayManage && (
      <Button
        key="cancel"
        danger
        icon={<StopOutlined />}
        onClick={() => setDialog('cancel')}
        data-testid="change-action-cancel"
      >
        {t('changes.actions.cancel')}
      </Button>
    ),
  ].filter(Boolean);

  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const when = (value: string | null) =>
    value ? <time dateTime={value}>{formatDateTime(value, language)}</time> : dash;
  const fields: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('changes.fields.code'),
      children: (
        <span className="mono" data-testid="change-code">
          {change.code}
        </span>
      ),
    },
    {
      key: 'risk',
      label: t('changes.fields.riskClass'),
      children: <RiskTag risk={change.riskClass} />,
    },
    {
      key: 'createdBy',
      label: t('changes.fields.createdBy'),
      children: (
        <span>
          {change.createdBy.name} · {when(change.createdAt)}
        </span>
      ),
    },
    {
      key: 'submittedAt',
      label: t('changes.fields.submittedAt'),
      children: when(change.submittedAt),
    },
    { key: 'approvedAt', label: t('changes.fields.approvedAt'), children: when(change.approvedAt) },
    {
      key: 'closedAt',
      label:
        status === 'implemented' || status === 'rejected' || status === 'cancelled'
          ? t(`changes.closedAt.${status}`)
          : t('changes.closedAt.pending'),
      children: when(change.implementedAt ?? change.rejectedAt ?? change.cancelledAt),
    },
    {
      key: 'description',
      label: t('changes.fields.description'),
      span: 'filled',
      children: (
        <div className="preserve-lines" data-testid="change-description-text">
          {change.description}
        </div>
      ),
    },
    {
      key: 'reason',
      label: t('changes.fields.reason'),
      span: 'filled',
      children: (
        <div className="preserve-lines" data-testid="change-reason-text">
          {change.reason}
        </div>
      ),
    },
  ];

  const targetColumns: TableProps<ChangeTarget>['columns'] = [
    {
      key: 'type',
      title: t('changes.targets.type'),
      width: 150,
      render: (_, target) => <TargetTypeTag type={target.targetType} />,
    },
    {
      key: 'record',
      title: t('changes.targets.record'),
      render: (_, target) => (
        <TargetLink type={target.targetType} id={target.targetId} label={target.label} />
      ),
    },
    {
      key: 'status',
      title: t('changes.targets.statusNow'),
      width: 130,
      render: (_, target) => {
        const proposed = versionStatus(target.status);
        return proposed ? <VersionStatusTag status={proposed} testId="target-status" /> : dash;
      },
    },
    {
      key: 'supersedes',
      title: t('changes.targets.replaces'),
      width: 200,
      render: (_, target) => {
        if (!target.supersedesId) {
          return target.targetType === 'item' || target.targetType === 'supplier' ? (
            dash
          ) : (
            <Typography.Text type="secondary">{t('changes.impact.firstRelease')}</Typography.Text>
          );
        }
        return (
          <TargetLink
            type={target.targetType}
            id={target.supersedesId}
            label={supersedesLabel(target) ?? t('changes.targets.replacedVersion')}
          />
        );
      },
    },
    {
      key: 'note',
      title: t('changes.targets.note'),
      render: (_, target) => target.note ?? dash,
    },
  ];

  return (
    <Page
      title={name}
      back={back}
      tags={
        <>
          <ChangeStatusTag status={status} />
          <RiskTag risk={change.riskClass} />
        </>
      }
      extra={
        actions.length > 0 && (
          <Flex gap={8} wrap data-testid="change-actions">
            {actions}
          </Flex>
        )
      }
    >
      <Alert
        type={
          status === 'rejected' || status === 'cancelled'
            ? 'warning'
            : status === 'implemented'
              ? 'success'
              : 'info'
        }
        showIcon
        title={t(`changes.statusNote.${status}`)}
        style={{ marginBottom: 12 }}
        data-testid="change-status-note"
      />
      <Card size="small" className="section-card">
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={fields}
          styles={{ label: { width: 170 } }}
          data-testid="change-details"
        />
      </Card>
      <Card
        size="small"
        className="section-card"
        title={t('changes.targets.titleCount', { count: change.targets.length })}
        extra={
          status === 'draft' &&
          mayManage && (
            <Button size="small" icon={<EditOutlined />} onClick={() => setDialog('edit')}>
              {t('changes.targets.edit')}
            </Button>
          )
        }
        data-testid="change-targets"
      >
        <Table<ChangeTarget>
          size="small"
          rowKey="seq"
          columns={targetColumns}
          dataSource={change.targets}
          pagination={false}
          locale={{ emptyText: t('changes.targets.none') }}
          data-testid="change-targets-table"
        />
      </Card>
      <ApprovalCard
        approval={change.approval}
        pending={status === 'in_review'}
        testId="change-approval"
      />
      <ImpactCard key={`${change.id}-${change.updatedAt}`} change={change} />
      <SignaturesCard
        signatures={change.signatures}
        testId="change-signatures"
        extraColumn={{
          title: t('engineering.approval.role'),
          render: (signature) => {
            const covered = change.approval.covered.find((c) => c.signatureId === signature.id);
            return covered ? roleLabel(covered.role) : '—';
          },
        }}
      />
      <HistoryPanel entityType="change_request" entityId={change.id} />

      {dialog === 'edit' && <ChangeFormDrawer change={change} onClose={close} onSaved={close} />}
      {dialog === 'submit' && (
        <ConfirmModal
          title={`${t('changes.actions.submit')} · ${change.code}`}
          okText={t('changes.actions.submit')}
          description={t('changes.actions.submitDescription')}
          testId="change-submit"
          onConfirm={async () => {
            await act.mutateAsync({ kind: 'submit' });
            done(t('changes.actions.submit'));
          }}
          onClose={close}
        />
      )}
      {dialog === 'return' && (
        <ReasonModal
          open
          title={`${t('changes.actions.return')} · ${change.code}`}
          okText={t('changes.actions.return')}
          testId="change-return"
          description={<Alert type="info" title={t('changes.actions.returnDescription')} />}
          onSubmit={async ({ reason }) => {
            await act.mutateAsync({ kind: 'return', reason });
            done(t('changes.actions.return'));
          }}
          onClose={close}
        />
      )}
      {dialog === 'cancel' && (
        <ReasonModal
          open
          danger
          title={`${t('changes.actions.cancel')} · ${change.code}`}
          okText={t('changes.actions.cancel')}
          testId="change-cancel"
          description={
            <Alert type="warning" showIcon title={t('changes.actions.cancelDescription')} />
          }
          onSubmit={async ({ reason }) => {
            await act.mutateAsync({ kind: 'cancel', reason });
            done(t('changes.actions.cancel'));
          }}
          onClose={close}
        />
      )}
      {dialog === 'implement' && (
        <EffectiveDateModal
          title={`${t('changes.actions.implement')} · ${change.code}`}
          okText={t('changes.actions.implement')}
          testId="change-implement"
          description={
            <Flex vertical gap={8}>
              <Typography.Text>{t('changes.actions.implementDescription')}</Typography.Text>
              <ul className="implement-list" data-testid="change-implement-list">
                {versions.map((target) => {
                  const old = supersedesLabel(target);
                  return (
                    <li key={target.seq}>
                      <span className="mono">{target.label}</span>{' '}
                      {old
                        ? t('changes.actions.implementReplaces', { old })
                        : t('changes.actions.implementFirst')}
                    </li>
                  );
                })}
              </ul>
              {notApproved.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('changes.actions.implementNotApproved', {
                    labels: notApproved.map((target) => target.label).join(', '),
                  })}
                  data-testid="change-implement-not-approved"
                />
              )}
            </Flex>
          }
          dateLabel={t('engineering.fields.effectiveFrom')}
          dateHelp={t('changes.actions.effectiveFromHelp')}
          onConfirm={async (effectiveFrom) => {
            await act.mutateAsync({ kind: 'implement', effectiveFrom });
            done(t('changes.actions.implement'));
          }}
          onClose={close}
        />
      )}
      <SignatureDialog
        open={dialog === 'approve'}
        title={t('changes.actions.approveTitle', { name })}
        summary={
          <Descriptions
            size="small"
            column={1}
            className="signature-summary"
            items={[
              {
                key: 'targets',
                label: t('changes.fields.targets'),
                children: change.targets.map((target) => target.label).join(', '),
              },
              {
                key: 'risk',
                label: t('changes.fields.riskClass'),
                children: t(`changes.risk.${change.riskClass}`),
              },
              {
                key: 'role',
                label: t('engineering.actions.signAs'),
                children: <span data-testid="sign-as">{signAs ? roleLabel(signAs) : '—'}</span>,
              },
            ]}
          />
        }
        allowedMeanings={['approved']}
        onSign={async (signature) => {
          await act.mutateAsync({ kind: 'approve', signature, role: signAs });
          done(t('changes.actions.approve'));
        }}
        onClose={close}
      />
      <SignatureDialog
        open={dialog === 'reject'}
        title={t('changes.actions.rejectTitle', { name })}
        summary={<Alert type="warning" showIcon title={t('changes.actions.rejectDescription')} />}
        allowedMeanings={['rejected']}
        requireReason
        onSign={async (signature, reason) => {
          await act.mutateAsync({ kind: 'reject', signature, reason: reason ?? '' });
          done(t('changes.actions.reject'));
        }}
        onClose={close}
      />
    </Page>
  );
}

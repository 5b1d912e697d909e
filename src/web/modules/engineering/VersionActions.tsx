import {
  CheckCircleOutlined,
  CopyOutlined,
  DeleteOutlined,
  FileSyncOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasCode } from '../../api/client.ts';
import {
  KIND_PATHS,
  OBSOLETABLE_STATUSES,
  approvalChances,
  useEngineeringVersions,
  useVersionAction,
  type EngineeringVersion,
} from '../../api/engineering.ts';
import { useCan, useSession } from '../../auth/session.ts';
import { ConfirmModal } from '../../components/ConfirmModal.tsx';
import { EffectiveDateModal } from '../../components/EffectiveDateModal.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { SignatureDialog } from '../../components/SignatureDialog.tsx';
import type { NewChangeState } from '../changes/new-change-state.ts';
import { useRoleName } from './ApprovalCard.tsx';
import { useVersionTitle } from './version-title.ts';

type Dialog = 'submit' | 'return' | 'approve' | 'make-effective' | 'obsolete' | 'copy';

const TARGET_TYPES = { bom: 'bom_version', routing: 'routing_version' } as const;

/**
 * For an approved version: the item's effective version of the same kind, if
 * any. Replacing it takes a change request; without one, the version can be
 * made effective directly.
 */
export function useEffectiveVersion(version: EngineeringVersion) {
  const approved = version.status === 'approved';
  const effective = useEngineeringVersions(
    version.kind,
    { itemId: version.itemId, status: 'effective', limit: 1, offset: 0 },
    { enabled: approved },
  );
  return {
    checking: approved && effective.isPending,
    current: approved ? effective.data?.items[0] : undefined,
  };
}

/** Opens the new change request form with this version as the proposed one. */
export function RaiseChangeButton({
  version,
  type,
}: {
  version: EngineeringVersion;
  type?: 'primary' | 'default';
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const versionTitle = useVersionTitle();
  function raise() {
    const state: NewChangeState = {
      newChange: {
        targets: [
          {
            targetType: TARGET_TYPES[version.kind],
            targetId: version.id,
            label: versionTitle(version),
          },
        ],
      },
    };
    void navigate('/changes', { state });
  }
  return (
    <Button
      type={type}
      icon={<FileSyncOutlined />}
      onClick={raise}
      data-testid="version-action-raise-change"
    >
      {t('engineering.actions.raiseChange')}
    </Button>
  );
}

/** The lifecycle steps the version's status and the person's permissions allow. */
export function VersionActions({
  version,
  dirty,
}: {
  version: EngineeringVersion;
  dirty: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useSession();
  const roleLabel = useRoleName();
  const versionTitle = useVersionTitle();
  const mayManage = useCan('engineering.manage');
  const mayApprove = useCan('engineering.approve');
  const mayRaiseChange = useCan('change.manage');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const act = useVersionAction(version.kind, version.id);
  const name = versionTitle(version);
  const { status } = version;

  const effective = useEffectiveVersion(version);
  const needsChange = effective.current !== undefined;

  const chances = approvalChances(version.approval, { id: me.user.id, roles: me.user.roles });
  const approveBlocked = chances.alreadySigned
    ? t('engineering.actions.alreadySigned')
    : chances.roles.length === 0
      ? t('engineering.actions.noRole', {
          roles: version.approval.missing.map(roleLabel).join(t('engineering.approval.separator')),
        })
      : null;
  const signAs = chances.roles[0];

  function done(action: string) {
    void message.success(t('engineering.actions.done', { action }));
  }

  const raiseChangeButton = mayRaiseChange ? <RaiseChangeButton version={version} /> : null;

  const buttons = [
    status === 'draft' && mayManage && (
      <Tooltip key="submit" title={dirty ? t('engineering.actions.saveFirst') : undefined}>
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={dirty}
          onClick={() => setDialog('submit')}
          data-testid="version-action-submit"
        >
          {t('engineering.actions.submit')}
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
          data-testid="version-action-approve"
        >
          {t('engineering.actions.approve')}
        </Button>
      </Tooltip>
    ),
    status === 'in_review' && mayApprove && (
      <Button
        key="return"
        icon={<RollbackOutlined />}
        onClick={() => setDialog('return')}
        data-testid="version-action-return"
      >
        {t('engineering.actions.return')}
      </Button>
    ),
    status === 'approved' && mayApprove && !needsChange && (
      <Button
        key="effective"
        type="primary"
        icon={<CheckCircleOutlined />}
        disabled={effective.checking}
        onClick={() => setDialog('make-effective')}
        data-testid="version-action-make-effective"
      >
        {t('engineering.actions.makeEffective')}
      </Button>
    ),
    needsChange && mayRaiseChange && (
      <RaiseChangeButton key="raise" version={version} type="primary" />
    ),
    mayManage && (
      <Button
        key="copy"
        icon={<CopyOutlined />}
        onClick={() => setDialog('copy')}
        data-testid="version-action-copy"
      >
        {t('engineering.actions.copy')}
      </Button>
    ),
    OBSOLETABLE_STATUSES.includes(status) && mayManage && (
      <Button
        key="obsolete"
        danger
        icon={<DeleteOutlined />}
        onClick={() => setDialog('obsolete')}
        data-testid="version-action-obsolete"
      >
        {t('engineering.actions.obsolete')}
      </Button>
    ),
  ].filter(Boolean);

  const close = () => setDialog(null);
  const changeRequired = (error: unknown) =>
    hasCode(error, 'CHANGE_REQUEST_REQUIRED') ? raiseChangeButton : null;

  return (
    <>
      {buttons.length > 0 && (
        <Flex gap={8} wrap data-testid="version-actions">
          {buttons}
        </Flex>
      )}
      {dialog === 'submit' && (
        <ConfirmModal
          title={`${t('engineering.actions.submit')} · ${name}`}
          okText={t('engineering.actions.submit')}
          description={t('engineering.actions.submitDescription')}
          testId="version-submit"
          onConfirm={async () => {
            await act.mutateAsync({ kind: 'submit' });
            done(t('engineering.actions.submit'));
          }}
          onClose={close}
        />
      )}
      {dialog === 'return' && (
        <ReasonModal
          open
          title={`${t('engineering.actions.return')} · ${name}`}
          okText={t('engineering.actions.return')}
          testId="version-return"
          description={<Alert type="info" title={t('engineering.actions.returnDescription')} />}
          onSubmit={async ({ reason }) => {
            await act.mutateAsync({ kind: 'return', reason });
            done(t('engineering.actions.return'));
          }}
          onClose={close}
        />
      )}
      {dialog === 'obsolete' && (
        <ReasonModal
          open
          danger
          title={`${t('engineering.actions.obsolete')} · ${name}`}
          okText={t('engineering.actions.obsolete')}
          testId="version-obsolete"
          description={
            <Alert type="warning" showIcon title={t('engineering.actions.obsoleteDescription')} />
          }
          onSubmit={async ({ reason }) => {
            await act.mutateAsync({ kind: 'obsolete', reason });
            done(t('engineering.actions.obsolete'));
          }}
          onClose={close}
        />
      )}
      {dialog === 'copy' && (
        <ConfirmModal
          title={`${t('engineering.actions.copy')} · ${name}`}
          okText={t('engineering.actions.copy')}
          description={t('engineering.actions.copyDescription')}
          testId="version-copy"
          onConfirm={async () => {
            const copy = await act.mutateAsync({ kind: 'copy' });
            void message.success(t('engineering.actions.copied', { version: copy.versionNo }));
            void navigate(`/${KIND_PATHS[copy.kind]}/${copy.id}`);
          }}
          onClose={close}
        />
      )}
      {dialog === 'make-effective' && (
        <EffectiveDateModal
          title={`${t('engineering.actions.makeEffective')} · ${name}`}
          okText={t('engineering.actions.makeEffective')}
          description={
            <Alert type="info" showIcon title={t('engineering.actions.makeEffectiveDescription')} />
          }
          dateLabel={t('engineering.fields.effectiveFrom')}
          dateHelp={t('engineering.actions.effectiveFromHelp')}
          testId="version-make-effective"
          problemExtra={changeRequired}
          onConfirm={async (effectiveFrom) => {
            await act.mutateAsync({ kind: 'make-effective', effectiveFrom });
            done(t('engineering.actions.makeEffective'));
          }}
          onClose={close}
        />
      )}
      <SignatureDialog
        open={dialog === 'approve'}
        title={t('engineering.actions.approveTitle', { name })}
        summary={
          <Descriptions
            size="small"
            column={1}
            className="signature-summary"
            items={[
              {
                key: 'content',
                label: t(`engineering.${version.kind}.contentLabel`),
                children: t(`engineering.${version.kind}.contentSize`, {
                  count: version.kind === 'bom' ? version.lines.length : version.operations.length,
                }),
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
          done(t('engineering.actions.approve'));
        }}
        onClose={close}
      />
    </>
  );
}

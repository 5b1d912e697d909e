import { LockOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Skeleton, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  KIND_PATHS,
  useSaveBom,
  useSaveRouting,
  type EngineeringKind,
  type EngineeringVersion,
} from '../../api/engineering.ts';
import { useChanges } from '../../api/changes.ts';
import { useCan } from '../../auth/session.ts';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { SignaturesCard } from '../../components/SignaturesCard.tsx';
import { formatDateTime, formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { itemNames } from '../items/item-format.ts';
import { ChangeStatusTag } from '../changes/change-tags.tsx';
import { ApprovalCard, useRoleName } from './ApprovalCard.tsx';
import { VersionStatusTag } from './engineering-tags.tsx';
import { bomContentOf, bomFormValues, routingContentOf } from './version-content.ts';
import { VersionActions, useEffectiveVersion } from './VersionActions.tsx';
import { useVersionTitle } from './version-title.ts';

export const RECORD_TYPES: Record<EngineeringKind, 'bom_version' | 'routing_version'> = {
  bom: 'bom_version',
  routing: 'routing_version',
};

/** The version screen while it loads or when it cannot be read. */
export function VersionQueryPage<V extends EngineeringVersion>({
  kind,
  query,
  children,
}: {
  kind: EngineeringKind;
  query: UseQueryResult<V>;
  children: (version: V) => ReactNode;
}) {
  const { t } = useTranslation();
  const back = { to: `/${KIND_PATHS[kind]}`, label: t(`engineering.${kind}.title`) };
  if (query.isPending) {
    return (
      <Page title={t(`engineering.${kind}.detailTitle`)} back={back}>
        <Card size="small">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </Page>
    );
  }
  if (query.isError) {
    return (
      <Page title={t(`engineering.${kind}.detailTitle`)} back={back}>
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </Page>
    );
  }
  return <>{children(query.data)}</>;
}

/**
 * A BOM or routing version: what it is, whether it can still change, its
 * approval, its content (the editor while it is a draft), its signatures and
 * history. `dirty` says the editor holds unsaved changes.
 */
export function VersionLayout({
  version,
  dirty,
  children,
}: {
  version: EngineeringVersion;
  dirty: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const title = useVersionTitle();
  const roleLabel = useRoleName();
  const base = `/${KIND_PATHS[version.kind]}`;
  const editable = version.status === 'draft';

  return (
    <Page
      title={title(version)}
      back={{ to: base, label: t(`engineering.${version.kind}.title`) }}
      tags={<VersionStatusTag status={version.status} />}
      extra={<VersionActions version={version} dirty={dirty} />}
    >
      {!editable && <LockNote version={version} />}
      <ChangeNeededNote version={version} />
      <VersionDetails version={version} />
      <ApprovalCard approval={version.approval} pending={version.status === 'in_review'} />
      {children}
      <SignaturesCard
        signatures={version.signatures}
        extraColumn={{
          title: t('engineering.approval.role'),
          render: (signature) => {
            const covered = version.approval.covered.find((c) => c.signatureId === signature.id);
            return covered ? roleLabel(covered.role) : '—';
          },
        }}
      />
      <HistoryPanel entityType={RECORD_TYPES[version.kind]} entityId={version.id} />
    </Page>
  );
}

/** An approved version while another is effective: it becomes effective through a change request. */
function ChangeNeededNote({ version }: { version: EngineeringVersion }) {
  const { t } = useTranslation();
  const { current } = useEffectiveVersion(version);
  if (!current) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('engineering.actions.changeNeeded', { version: current.versionNo })}
      description={t('engineering.actions.changeNeededHelp')}
      style={{ marginBottom: 12 }}
      data-testid="version-change-needed"
    />
  );
}

/** Why a version that is no longer a draft cannot change, and what to do instead. */
function LockNote({ version }: { version: EngineeringVersion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const date = (value: string | null) =>
    value ? formatDateTime(value, language) : t('engineering.notRecorded');
  const why: Record<Exclude<EngineeringVersion['status'], 'draft'>, string> = {
    in_review: t('engineering.locked.in_review'),
    approved: t('engineering.locked.approved'),
    effective: t('engineering.locked.effective', {
      date: version.effectiveFrom ? formatIsoDate(version.effectiveFrom, language) : '—',
    }),
    superseded: t('engineering.locked.superseded', { date: date(version.supersededAt) }),
    obsolete: t('engineering.locked.obsolete', { date: date(version.obsoletedAt) }),
  };
  if (version.status === 'draft') return null;
  return (
    <Alert
      type={version.status === 'effective' ? 'success' : 'info'}
      showIcon
      icon={<LockOutlined />}
      title={t('engineering.locked.title')}
      description={why[version.status]}
      style={{ marginBottom: 12 }}
      data-testid="version-locked"
      data-status={version.status}
    />
  );
}

function VersionDetails({ version }: { version: EngineeringVersion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const base = `/${KIND_PATHS[version.kind]}`;
  const names = itemNames(version.item, language);
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const when = (value: string | null) =>
    value ? <time dateTime={value}>{formatDateTime(value, language)}</time> : dash;

  const fields: DescriptionsProps['items'] = [
    {
      key: 'item',
      label: t('engineering.fields.item'),
      children: (
        <span>
          <Link to={`/items/${version.item.id}`} className="mono" data-testid="version-item">
            {version.item.code}
          </Link>{' '}
          {names.primary}
        </span>
      ),
    },
    {
      key: 'version',
      label: t('engineering.fields.version'),
      children: <span data-testid="version-no">{version.versionNo}</span>,
    },
    {
      key: 'effectiveFrom',
      label: t('engineering.fields.effectiveFrom'),
      children: version.effectiveFrom ? (
        <span data-testid="version-effective-from">
          {formatIsoDate(version.effectiveFrom, language)}
        </span>
      ) : (
        dash
      ),
    },
    {
      key: 'changeRequest',
      label: t('engineering.fields.changeRequest'),
      children: <VersionChangeRequests version={version} dash={dash} />,
    },
    {
      key: 'createdBy',
      label: t('engineering.fields.createdBy'),
      children: (
        <span>
          {version.createdBy.name} · {when(version.createdAt)}
        </span>
      ),
    },
    {
      key: 'copiedFrom',
      label: t('engineering.fields.copiedFrom'),
      children: version.copiedFromId ? (
        <Link to={`${base}/${version.copiedFromId}`} data-testid="version-copied-from">
          {t('engineering.fields.openVersion')}
        </Link>
      ) : (
        dash
      ),
    },
    {
      key: 'submittedAt',
      label: t('engineering.fields.submittedAt'),
      children: when(version.submittedAt),
    },
    {
      key: 'approvedAt',
      label: t('engineering.fields.approvedAt'),
      children: when(version.approvedAt),
    },
    ...(version.supersededById
      ? [
          {
            key: 'supersededBy',
            label: t('engineering.fields.supersededBy'),
            children: (
              <span>
                <Link to={`${base}/${version.supersededById}`} data-testid="version-superseded-by">
                  {t('engineering.fields.openVersion')}
                </Link>{' '}
                · {when(version.supersededAt)}
              </span>
            ),
          },
        ]
      : []),
    ...(version.obsoletedAt
      ? [
          {
            key: 'obsoletedAt',
            label: t('engineering.fields.obsoletedAt'),
            children: when(version.obsoletedAt),
          },
        ]
      : []),
    {
      key: 'note',
      label: t('engineering.fields.note'),
      span: 'filled' as const,
      children: <VersionNote version={version} />,
    },
  ];

  return (
    <Card size="small" className="section-card">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={fields}
        styles={{ label: { width: 170 } }}
        data-testid="version-details"
      />
    </Card>
  );
}

/** The version's note; a draft's can be edited in place (saved with the content as it is stored). */
function VersionNote({ version }: { version: EngineeringVersion }) {
  const { t } = useTranslation();
  const mayManage = useCan('engineering.manage');
  const saveBom = useSaveBom(version.id);
  const saveRouting = useSaveRouting(version.id);
  const editable = mayManage && version.status === 'draft';
  const failed = saveBom.error ?? saveRouting.error;

  function save(note: string) {
    const trimmed = note.trim();
    if (trimmed === (version.note ?? '')) return;
    if (version.kind === 'bom') {
      saveBom.mutate(bomContentOf(bomFormValues(version), trimmed));
    } else {
      saveRouting.mutate({ ...routingContentOf(version), note: trimmed || undefined });
    }
  }

  return (
    <>
      <Typography.Paragraph
        className="version-note"
        editable={
          editable
            ? {
                text: version.note ?? '',
                onChange: save,
                maxLength: 2000,
                autoSize: { minRows: 1, maxRows: 6 },
                tooltip: t('engineering.fields.editNote'),
                triggerType: ['icon', 'text'],
              }
            : false
        }
        type={version.note ? undefined : 'secondary'}
        data-testid="version-note"
      >
        {version.note ?? (editable ? t('engineering.fields.noNoteEditable') : '—')}
      </Typography.Paragraph>
      {failed && <ProblemAlert error={failed} />}
    </>
  );
}

/** The change requests that name this version: the one that made it effective, and any open ones. */
function VersionChangeRequests({
  version,
  dash,
}: {
  version: EngineeringVersion;
  dash: ReactNode;
}) {
  const { t } = useTranslation();
  const mayRead = useCan('change.read');
  const changes = useChanges({ targetId: version.id, limit: 10, offset: 0 }, { enabled: mayRead });
  const named = changes.data?.items ?? [];
  if (named.length === 0 && !version.changeRequestId) return dash;
  if (named.length === 0 && version.changeRequestId) {
    return (
      <Link to={`/changes/${version.changeRequestId}`} data-testid="version-change-request">
        {t('engineering.fields.openChangeRequest')}
      </Link>
    );
  }
  return (
    <span className="inline-list">
      {named.map((change) => (
        <Link
          key={change.id}
          to={`/changes/${change.id}`}
          data-testid="version-change-request"
          data-status={change.status}
        >
          {change.code} <ChangeStatusTag status={change.status} testId="version-change-status" />
        </Link>
      ))}
    </span>
  );
}

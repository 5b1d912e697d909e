import { ArrowRightOutlined, ExperimentOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Card, Empty, Flex, Segmented, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useChangeImpact,
  type ChangeImpact,
  type ChangeRequest,
  type ImpactSection,
} from '../../api/changes.ts';
import { ENGINEERING_STATUSES, type EngineeringStatus } from '../../api/engineering.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { plainDecimal } from '../items/item-format.ts';
import { VersionStatusTag } from '../engineering/engineering-tags.tsx';
import { TargetLink } from './targets.tsx';

type AffectedItem = ChangeImpact['affectedItems'][number];
type VersionChange = ChangeImpact['versionChanges'][number];
type LineChange = NonNullable<VersionChange['bomLineChanges']>[number];
type LineState = NonNullable<LineChange['before']>;

const KNOWN_SECTIONS = ['where_used', 'open_work_orders', 'stock'] as const;
type KnownSection = (typeof KNOWN_SECTIONS)[number];

function isKnownSection(key: string): key is KnownSection {
  return (KNOWN_SECTIONS as readonly string[]).includes(key);
}

function sectionTitle(key: string, t: TFunction): string {
  return isKnownSection(key) ? t(`changes.impact.sections.${key}`) : key;
}

/**
 * Lotline's impact analysis of a change request: the items it touches, what
 * each proposed version changes, and section by section what depends on it.
 * A section Lotline cannot compute yet says so; it is never shown as zero.
 */
export function ImpactCard({ change }: { change: ChangeRequest }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const snapshot = change.impactSnapshot;
  const [mode, setMode] = useState<'snapshot' | 'now'>(snapshot ? 'snapshot' : 'now');
  const live = useChangeImpact(change.id, { enabled: mode === 'now' });
  const impact = mode === 'snapshot' ? snapshot : live.data;

  return (
    <Card
      size="small"
      className="section-card"
      title={
        <span>
          <ExperimentOutlined aria-hidden /> {t('changes.impact.title')}
        </span>
      }
      extra={
        snapshot && (
          <Segmented<'snapshot' | 'now'>
            size="small"
            value={mode}
            onChange={setMode}
            options={[
              { value: 'snapshot', label: t('changes.impact.asSubmitted') },
              { value: 'now', label: t('changes.impact.asOfNow') },
            ]}
            data-testid="impact-mode"
          />
        )
      }
      data-testid="impact"
      data-mode={mode}
    >
      {mode === 'now' && live.isError && (
        <ProblemAlert error={live.error} onRetry={() => void live.refetch()} />
      )}
      {!impact ? (
        mode === 'now' && live.isPending ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : null
      ) : (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary" data-testid="impact-computed">
            {mode === 'snapshot'
              ? t('changes.impact.snapshotNote', {
                  date: formatDateTime(change.impactSnapshotAt ?? impact.computedAt, language),
                })
              : t('changes.impact.liveNote', {
                  date: formatDateTime(impact.computedAt, language),
                })}
          </Typography.Text>
          <VersionChanges changes={impact.versionChanges} />
          <AffectedItems items={impact.affectedItems} />
          {impact.sections.map((section) => (
            <Section key={section.key} section={section} />
          ))}
        </Flex>
      )}
    </Card>
  );
}

function SubTitle({ children, extra }: { children: string; extra?: ReactNode }) {
  return (
    <Flex align="center" gap={8} className="impact-subtitle">
      <Typography.Text strong>{children}</Typography.Text>
      {extra}
    </Flex>
  );
}

function AffectedItems({ items }: { items: AffectedItem[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns: TableProps<AffectedItem>['columns'] = [
    {
      key: 'code',
      title: t('changes.impact.columns.item'),
      width: 160,
      render: (_, item) => (
        <Link to={`/items/${item.itemId}`} className="mono">
          {item.code}
        </Link>
      ),
    },
    {
      key: 'name',
      title: t('changes.impact.columns.name'),
      render: (_, item) => (language === 'zh-CN' ? item.nameZh : item.nameEn),
    },
    {
      key: 'why',
      title: t('changes.impact.columns.why'),
      width: 320,
      render: (_, item) => (
        <Flex gap={4} wrap>
          {item.why.map((why) => (
            <Tag key={why} data-testid="impact-why" data-why={why}>
              {t(`changes.impact.why.${why}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
  ];
  return (
    <div data-testid="impact-items">
      <SubTitle extra={<Tag>{items.length}</Tag>}>{t('changes.impact.affectedItems')}</SubTitle>
      <Table<AffectedItem>
        size="small"
        rowKey="itemId"
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t('changes.impact.noItems') }}
      />
    </div>
  );
}

function lineState(state: LineState | null, t: TFunction): string {
  if (!state) return '—';
  const parts = [`${plainDecimal(state.quantityPer)} ${state.uom}`];
  if (state.scrapPct !== '0') {
    parts.push(t('changes.impact.scrap', { pct: plainDecimal(state.scrapPct) }));
  }
  parts.push(state.recordTracking ? t('changes.impact.recorded') : t('changes.impact.notRecorded'));
  return parts.join(' · ');
}

const CHANGE_COLORS: Record<LineChange['change'], string> = {
  added: 'green',
  removed: 'red',
  changed: 'gold',
};

function VersionChanges({ changes }: { changes: VersionChange[] }) {
  const { t } = useTranslation();
  const columns: TableProps<LineChange>['columns'] = [
    {
      key: 'change',
      title: t('changes.impact.columns.change'),
      width: 100,
      render: (_, line) => (
        <Tag color={CHANGE_COLORS[line.change]} data-testid="line-change" data-change={line.change}>
          {t(`changes.impact.lineChanges.${line.change}`)}
        </Tag>
      ),
    },
    {
      key: 'component',
      title: t('changes.impact.columns.component'),
      width: 170,
      render: (_, line) => (
        <Link to={`/items/${line.componentItemId}`} className="mono">
          {line.componentCode}
        </Link>
      ),
    },
    {
      key: 'before',
      title: t('changes.impact.columns.before'),
      render: (_, line) => <span className="mono-soft">{lineState(line.before, t)}</span>,
    },
    {
      key: 'after',
      title: t('changes.impact.columns.after'),
      render: (_, line) => <span className="mono-soft">{lineState(line.after, t)}</span>,
    },
  ];
  if (changes.length === 0) return null;
  return (
    <div data-testid="impact-versions">
      <SubTitle>{t('changes.impact.versionChanges')}</SubTitle>
      <Flex vertical gap={12}>
        {changes.map((change) => (
          <div key={change.proposedId} className="impact-version" data-testid="impact-version">
            <Flex align="center" gap={8} wrap className="impact-version-head">
              <TargetLink
                type={change.targetType}
                id={change.proposedId}
                label={change.proposedLabel}
              />
              <ArrowRightOutlined aria-hidden className="impact-arrow" />
              {change.supersedesId && change.supersedesLabel ? (
                <span>
                  {t('changes.impact.replaces')}{' '}
                  <TargetLink
                    type={change.targetType}
                    id={change.supersedesId}
                    label={change.supersedesLabel}
                  />
                </span>
              ) : (
                <Typography.Text type="secondary">
                  {t('changes.impact.firstRelease')}
                </Typography.Text>
              )}
            </Flex>
            {change.bomLineChanges !== null && (
              <Table<LineChange>
                size="small"
                rowKey="componentItemId"
                columns={columns}
                dataSource={change.bomLineChanges}
                pagination={false}
                locale={{ emptyText: t('changes.impact.noLineChanges') }}
                data-testid="impact-line-changes"
              />
            )}
          </div>
        ))}
      </Flex>
    </div>
  );
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function engineeringStatus(value: unknown): EngineeringStatus | null {
  return typeof value === 'string' && (ENGINEERING_STATUSES as readonly string[]).includes(value)
    ? (value as EngineeringStatus)
    : null;
}

function Section({ section }: { section: ImpactSection }) {
  const { t } = useTranslation();
  const title = sectionTitle(section.key, t);
  if (section.status === 'not_available') {
    return (
      <div data-testid="impact-section" data-key={section.key} data-status="not_available">
        <SubTitle
          extra={
            <Tag icon={<QuestionCircleOutlined />} data-testid="impact-not-available">
              {t('changes.impact.notAvailable')}
            </Tag>
          }
        >
          {title}
        </SubTitle>
        <Alert
          type="warning"
          showIcon
          title={
            isKnownSection(section.key) && section.key !== 'where_used'
              ? t(`changes.impact.notAvailableReason.${section.key}`)
              : section.reason
          }
          description={t('changes.impact.notAvailableHelp')}
        />
      </div>
    );
  }
  return (
    <div data-testid="impact-section" data-key={section.key} data-status="available">
      <SubTitle extra={<Tag data-testid="impact-count">{section.count}</Tag>}>{title}</SubTitle>
      {section.key === 'where_used' ? (
        <WhereUsedTable entries={section.entries} />
      ) : (
        <GenericEntries entries={section.entries} />
      )}
    </div>
  );
}

type Entry = Record<string, unknown>;

function WhereUsedTable({ entries }: { entries: Entry[] }) {
  const { t } = useTranslation();
  const columns: TableProps<Entry>['columns'] = [
    {
      key: 'item',
      title: t('changes.impact.columns.affectedItem'),
      width: 170,
      render: (_, e) => (
        <Link to={`/items/${text(e.itemId)}`} className="mono">
          {text(e.itemCode)}
        </Link>
      ),
    },
    {
      key: 'parent',
      title: t('changes.impact.columns.usedIn'),
      render: (_, e) => (
        <Link to={`/boms/${text(e.bomVersionId)}`} className="mono" data-testid="impact-used-in">
          {t('engineering.versionTitle', {
            code: text(e.parentItemCode),
            kind: t('engineering.kinds.bom'),
            version: text(e.versionNo),
          })}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('engineering.fields.status'),
      width: 120,
      render: (_, e) => {
        const status = engineeringStatus(e.status);
        return status ? (
          <VersionStatusTag status={status} testId="impact-used-status" />
        ) : (
          text(e.status)
        );
      },
    },
    {
      key: 'quantity',
      title: t('engineering.bom.columns.quantityPer'),
      width: 140,
      align: 'right',
      render: (_, e) => (
        <span className="mono">
          {plainDecimal(text(e.quantityPer))} {text(e.uom)}
        </span>
      ),
    },
  ];
  return (
    <Table<Entry>
      size="small"
      rowKey={(e) => `${text(e.bomVersionId)}-${text(e.itemId)}`}
      columns={columns}
      dataSource={entries}
      pagination={false}
      locale={{ emptyText: t('changes.impact.notUsed') }}
      data-testid="impact-where-used"
    />
  );
}

/** A section another module provides, shown as its entries are. */
function GenericEntries({ entries }: { entries: Entry[] }) {
  const { t } = useTranslation();
  const keys = [...new Set(entries.flatMap((e) => Object.keys(e)))];
  if (entries.length === 0) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('changes.impact.noEntries')} />
    );
  }
  return (
    <Table<Entry>
      size="small"
      rowKey={(e) => JSON.stringify(e)}
      columns={keys.map((key) => ({ key, title: key, render: (_, e) => text(e[key]) }))}
      dataSource={entries}
      pagination={false}
    />
  );
}

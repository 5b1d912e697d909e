import { BookOutlined, IdcardOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TRAINING_STATUSES,
  useSkills,
  useTrainingRecords,
  useUserQualifications,
  type TrainingFilters,
  type TrainingRecord,
  type TrainingStatus,
} from '../../api/plant.ts';
import { useCan } from '../../auth/session.ts';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTimeShort, formatIsoDate } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZES, oneOf, pageOf } from '../../list-params.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { usePeople, type Person } from './people.ts';
import { daysFromToday, plantNames, relativeDays } from './plant-format.ts';
import { TrainingStatusTag } from './plant-tags.tsx';
import { RecordTrainingDrawer } from './RecordTrainingDrawer.tsx';
import { SkillsView } from './SkillsView.tsx';

type TabKey = 'records' | 'skills';
const TABS: readonly TabKey[] = ['records', 'skills'];

export function QualificationsPage() {
  const { t } = useTranslation();
  const [params, update] = useSearchFilters();
  const tab = oneOf(TABS, params.get('tab')) ?? 'records';

  return (
    <Page title={t('plant.qualifications.title')}>
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('plant.qualifications.lead')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        // Each tab has its own filters: switching starts from none.
        onChange={(key) => {
          const changes: Record<string, undefined | string> = {};
          for (const name of params.keys()) changes[name] = undefined;
          update({ ...changes, tab: key === 'records' ? undefined : key });
        }}
        items={[
          {
            key: 'records',
            label: (
              <span data-testid="tab-records">
                <IdcardOutlined aria-hidden /> {t('plant.qualifications.tabs.records')}
              </span>
            ),
            children: <TrainingRecordsView />,
          },
          {
            key: 'skills',
            label: (
              <span data-testid="tab-skills">
                <BookOutlined aria-hidden /> {t('plant.qualifications.tabs.skills')}
              </span>
            ),
            children: <SkillsView />,
          },
        ]}
        className="page-tabs"
      />
    </Page>
  );
}

function TrainingRecordsView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayManage = useCan('qualification.manage');
  const [params, update] = useSearchFilters();
  const [recording, setRecording] = useState(false);
  const [personSearch, setPersonSearch] = useState('');
  const validity = oneOf(TRAINING_STATUSES, params.get('validity'));
  const filters: TrainingFilters = {
    q: params.get('q') || undefined,
    userId: params.get('user') || undefined,
    skillId: params.get('skill') || undefined,
    valid: validity === undefined ? undefined : validity === 'valid',
  };
  const { page, pageSize, limit, offset } = pageOf(params);
  const records = useTrainingRecords({ ...filters, limit, offset });
  const skills = useSkills({ limit: 200, offset: 0 });
  const people = usePeople(personSearch);
  const filtered = Object.values(filters).some((value) => value !== undefined);

  // The chosen person stays in the list while another name is searched for.
  const first = records.data?.items[0];
  const chosen: Person | undefined =
    filters.userId && first?.userId === filters.userId
      ? { id: first.userId, username: first.username, fullName: first.userFullName }
      : undefined;
  const personOptions = [
    ...(chosen && !people.people.some((p) => p.id === chosen.id) ? [chosen] : []),
    ...people.people,
  ];

  const columns: TableProps<TrainingRecord>['columns'] = [
    {
      key: 'person',
      title: t('plant.qualifications.columns.person'),
      width: 180,
      render: (_, r) => (
        <Flex vertical>
          <span data-testid="training-person">{r.userFullName}</span>
          <Typography.Text type="secondary" className="mono item-name-other">
            {r.username}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'skill',
      title: t('plant.qualifications.columns.skill'),
      render: (_, r) => (
        <Flex vertical>
          <span>
            {plantNames({ nameZh: r.skillNameZh, nameEn: r.skillNameEn }, language).primary}
          </span>
          <Typography.Text type="secondary" className="mono item-name-other">
            {r.skillCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'trainedOn',
      title: t('plant.qualifications.columns.trainedOn'),
      width: 125,
      render: (_, r) => <span className="nowrap">{formatIsoDate(r.trainedOn, language)}</span>,
    },
    {
      key: 'trainer',
      title: t('plant.qualifications.columns.trainer'),
      width: 140,
      render: (_, r) => r.trainer,
    },
    {
      key: 'expiresOn',
      title: t('plant.qualifications.columns.expiresOn'),
      width: 140,
      render: (_, r) =>
        r.expiresOn ? (
          <Flex vertical>
            <span className="nowrap">{formatIsoDate(r.expiresOn, language)}</span>
            <Typography.Text
              type={r.status === 'expired' ? 'danger' : 'secondary'}
              className="item-name-other nowrap"
            >
              {r.status === 'expired'
                ? t('plant.qualifications.expiredWhen', {
                    when: relativeDays(daysFromToday(r.expiresOn), t),
                  })
                : t('plant.qualifications.lapsesWhen', {
                    when: relativeDays(daysFromToday(r.expiresOn), t),
                  })}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('plant.qualifications.noExpiry')}</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('plant.qualifications.columns.status'),
      width: 90,
      render: (_, r) => <TrainingStatusTag status={r.status} />,
    },
    {
      key: 'documentRef',
      title: t('plant.qualifications.columns.documentRef'),
      width: 140,
      render: (_, r) =>
        r.documentRef ? (
          <span className="mono">{r.documentRef}</span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'recorded',
      title: t('plant.qualifications.columns.recorded'),
      width: 160,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.recordedBy}</span>
          <Typography.Text type="secondary" className="item-name-other nowrap">
            {formatDateTimeShort(r.recordedAt, language)}
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <Card size="small" className="section-card">
        <Flex gap={8} wrap justify="space-between" className="table-toolbar">
          <Flex gap={8} wrap data-testid="training-filters">
            <Select<string>
              allowClear
              showSearch={{ filterOption: false, onSearch: setPersonSearch }}
              placeholder={t('plant.qualifications.allPeople')}
              value={filters.userId}
              onChange={(value) => update({ user: value })}
              onClear={() => setPersonSearch('')}
              loading={people.loading}
              options={personOptions.map((p) => ({
                value: p.id,
                label: `${p.fullName} (${p.username})`,
              }))}
              style={{ width: 240 }}
              data-testid="training-filter-person"
            />
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'search' }}
              placeholder={t('plant.qualifications.allSkills')}
              value={filters.skillId}
              onChange={(value) => update({ skill: value })}
              loading={skills.isFetching}
              options={(skills.data?.items ?? []).map((s) => ({
                value: s.id,
                search: `${s.code} ${s.nameZh} ${s.nameEn}`,
                label: `${s.code} · ${plantNames(s, language).primary}`,
              }))}
              style={{ width: 260 }}
              data-testid="training-filter-skill"
            />
            <Select<TrainingStatus>
              allowClear
              placeholder={t('plant.qualifications.allValidity')}
              value={validity}
              onChange={(value) => update({ validity: value })}
              options={TRAINING_STATUSES.map((value) => ({
                value,
                label: t(`plant.trainingStatus.${value}`),
              }))}
              style={{ width: 140 }}
              data-testid="training-filter-validity"
            />
            <Input.Search
              key={filters.q ?? ''}
              defaultValue={filters.q}
              allowClear
              placeholder={t('plant.qualifications.searchPlaceholder')}
              onSearch={(value) => update({ q: value.trim() })}
              style={{ width: 240 }}
              data-testid="training-search"
            />
          </Flex>
          <Flex gap={8} wrap>
            <ExportCsvButton
              entity="qualifications/records"
              filters={{ ...filters }}
              fileName={`lotline-training-records-${new Date().toISOString().slice(0, 10)}.csv`}
              testId="training-export"
            />
            {mayManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setRecording(true)}
                data-testid="record-training"
              >
                {t('plant.qualifications.recordTraining')}
              </Button>
            )}
          </Flex>
        </Flex>
        {filters.userId && <PersonStanding userId={filters.userId} />}
        {records.isError && (
          <ProblemAlert
            error={records.error}
            onRetry={() => void records.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<TrainingRecord>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={records.data?.items ?? []}
          loading={records.isFetching}
          scroll={{ x: 1100 }}
          rowClassName={(r) => (r.status === 'expired' ? 'row-inactive' : '')}
          locale={{
            emptyText: records.isPending
              ? t('common.loading')
              : filtered
                ? t('plant.qualifications.noMatch')
                : t('plant.qualifications.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: records.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="training-table"
        />
      </Card>
      {recording && (
        <RecordTrainingDrawer
          defaultUserId={filters.userId}
          defaultSkillId={filters.skillId}
          onClose={() => setRecording(false)}
        />
      )}
    </>
  );
}

/** Where the chosen person stands on each skill today: the record that lasts longest decides. */
function PersonStanding({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const standing = useUserQualifications(userId);
  if (standing.isError) return <ProblemAlert error={standing.error} style={{ marginBottom: 12 }} />;
  const items = standing.data?.items ?? [];
  if (standing.isPending) return null;
  return (
    <Flex gap={6} wrap align="center" className="person-standing" data-testid="person-standing">
      <Typography.Text type="secondary">{t('plant.qualifications.standing')}</Typography.Text>
      {items.length === 0 && (
        <Typography.Text type="secondary">{t('plant.qualifications.noStanding')}</Typography.Text>
      )}
      {items.map((q) => (
        <Tooltip
          key={q.skillId}
          title={
            q.expiresOn
              ? t('plant.qualifications.standingUntil', {
                  date: formatIsoDate(q.expiresOn, language),
                })
              : t('plant.qualifications.noExpiry')
          }
        >
          <Tag
            color={q.status === 'valid' ? 'green' : 'red'}
            data-testid="person-skill"
            data-status={q.status}
          >
            <span className="mono">{q.skillCode}</span>{' '}
            {plantNames({ nameZh: q.skillNameZh, nameEn: q.skillNameEn }, language).primary}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
}

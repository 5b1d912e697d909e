import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  CHANGE_STATUSES,
  RISK_CLASSES,
  useChanges,
  type ChangeFilters,
  type ChangeRequestSummary,
  type ChangeStatus,
  type RiskClass,
} from '../../api/changes.ts';
import { useCan } from '../../auth/session.ts';
import { ExportCsvButton } from '../../components/ExportCsvButton.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTimeShort } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { ChangeFormDrawer } from './ChangeFormDrawer.tsx';
import { ChangeStatusTag, RiskTag } from './change-tags.tsx';
import { isNewChangeState, type ProposedTarget } from './new-change-state.ts';

const PAGE_SIZES = [20, 50, 100];

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function ChangesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const mayManage = useCan('change.manage');
  const [params, update] = useSearchFilters();
  // Opened from a version's "Raise change request": the form starts with it.
  const [creating, setCreating] = useState<readonly ProposedTarget[] | null>(() =>
    isNewChangeState(location.state) ? location.state.newChange.targets : null,
  );

  const filters: ChangeFilters = {
    q: params.get('q') || undefined,
    status: oneOf(CHANGE_STATUSES, params.get('status')),
    riskClass: oneOf(RISK_CLASSES, params.get('riskClass')),
  };
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('size'), PAGE_SIZES[0] ?? 20);
  const changes = useChanges({ ...filters, limit: pageSize, offset: (page - 1) * pageSize });
  const filtered = Object.values(filters).some((value) => value !== undefined);

  function closeForm() {
    setCreating(null);
    // Forget the hand-over, so going back does not open the form again.
    if (location.state) void navigate(`${location.pathname}${location.search}`, { replace: true });
  }

  const columns: TableProps<ChangeRequestSummary>['columns'] = [
    {
      key: 'code',
      title: t('changes.fields.code'),
      width: 110,
      render: (_, change) => (
        <Link
          to={`/changes/${change.id}`}
          className="mono nowrap"
          data-testid={`change-link-${change.code}`}
        >
          {change.code}
        </Link>
      ),
    },
    {
      key: 'title',
      title: t('changes.fields.title'),
      render: (_, change) => <span data-testid="change-title-cell">{change.title}</span>,
    },
    {
      key: 'risk',
      title: t('changes.fields.riskClass'),
      width: 100,
      render: (_, change) => <RiskTag risk={change.riskClass} />,
    },
    {
      key: 'status',
      title: t('changes.fields.status'),
      width: 120,
      render: (_, change) => <ChangeStatusTag status={change.status} />,
    },
    {
      key: 'targets',
      title: t('changes.fields.targets'),
      width: 260,
      render: (_, change) =>
        change.targets.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical gap={0}>
            {change.targets.slice(0, 3).map((target) => (
              <span key={target.seq} className="mono nowrap">
                {target.label}
              </span>
            ))}
            {change.targets.length > 3 && (
              <Typography.Text type="secondary">
                {t('changes.moreTargets', { count: change.targets.length - 3 })}
              </Typography.Text>
            )}
          </Flex>
        ),
    },
    {
      key: 'createdBy',
      title: t('changes.fields.createdBy'),
      width: 170,
      render: (_, change) => <span className="nowrap">{change.createdBy.name}</span>,
    },
    {
      key: 'updatedAt',
      title: t('changes.fields.updatedAt'),
      width: 170,
      render: (_, change) => (
        <time dateTime={change.updatedAt} className="nowrap">
          {formatDateTimeShort(change.updatedAt, language)}
        </time>
      ),
    },
  ];

  return (
    <Page
      title={t('changes.title')}
      extra={
        <Flex gap={8} wrap>
          <ExportCsvButton entity="changes" filters={{ ...filters }} testId="changes-export" />
          {mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating([])}
              data-testid="new-change"
            >
              {t('changes.new')}
            </Button>
          )}
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('changes.lead')}
      </Typography.Paragraph>
      <Card size="small">
        <Flex gap={8} wrap className="table-toolbar" data-testid="changes-filters">
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('changes.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 280 }}
            data-testid="changes-search"
          />
          <Select<ChangeStatus>
            allowClear
            placeholder={t('changes.allStatuses')}
            value={filters.status}
            onChange={(value) => update({ status: value })}
            options={CHANGE_STATUSES.map((value) => ({
              value,
              label: t(`changes.status.${value}`),
            }))}
            style={{ width: 150 }}
            data-testid="changes-filter-status"
          />
          <Select<RiskClass>
            allowClear
            placeholder={t('changes.allRisks')}
            value={filters.riskClass}
            onChange={(value) => update({ riskClass: value })}
            options={RISK_CLASSES.map((value) => ({ value, label: t(`changes.risk.${value}`) }))}
            style={{ width: 150 }}
            data-testid="changes-filter-risk"
          />
        </Flex>
        {changes.isError && (
          <ProblemAlert
            error={changes.error}
            onRetry={() => void changes.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<ChangeRequestSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={changes.data?.items ?? []}
          loading={changes.isFetching}
          scroll={{ x: 1080 }}
          locale={{
            emptyText: changes.isPending
              ? t('common.loading')
              : filtered
                ? t('changes.noMatch')
                : t('changes.empty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: changes.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="changes-table"
        />
      </Card>
      {creating !== null && (
        <ChangeFormDrawer
          proposed={creating}
          onClose={closeForm}
          onSaved={(change) => {
            setCreating(null);
            void navigate(`/changes/${change.id}`, { replace: false });
          }}
        />
      )}
    </Page>
  );
}

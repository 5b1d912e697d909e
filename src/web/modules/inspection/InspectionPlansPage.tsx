import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  INSPECTION_PLAN_STATUSES,
  useInspectionPlans,
  type InspectionPlan,
  type InspectionPlanFilters,
  type InspectionPlanStatus,
} from '../../api/inspection.ts';
import { useCan } from '../../auth/session.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { formatDateTimeShort } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { PAGE_SIZES, oneOf, pageOf } from '../../list-params.ts';
import { useSearchFilters } from '../../use-search-filters.ts';
import { ItemPicker } from '../engineering/pickers.tsx';
import { ItemName } from '../items/item-tags.tsx';
import { PlanStatusTag } from './inspection-tags.tsx';
import { PlanDrawer } from './PlanDrawer.tsx';
import { PlanEditorDrawer } from './PlanEditorDrawer.tsx';
import { SamplingCalculator } from './SamplingCalculator.tsx';

export function InspectionPlansPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const mayPlan = useCan('inspection.plan');
  const [params, update] = useSearchFilters();
  // Opened from an item's page ("Create a plan"): the new plan starts with the item.
  const [creating, setCreating] = useState<{ itemId?: string } | null>(() =>
    params.get('new') === '1' ? { itemId: params.get('itemId') ?? undefined } : null,
  );
  const filters: InspectionPlanFilters = {
    q: params.get('q') || undefined,
    status: oneOf(INSPECTION_PLAN_STATUSES, params.get('status')),
    itemId: params.get('new') === '1' ? undefined : params.get('itemId') || undefined,
  };
  const openPlan = params.get('plan') || undefined;
  const { page, pageSize, limit, offset } = pageOf(params);
  const plans = useInspectionPlans({ ...filters, limit, offset });
  const filtered = Object.values(filters).some((value) => value !== undefined);

  const columns: TableProps<InspectionPlan>['columns'] = [
    {
      key: 'code',
      title: t('inspection.fields.code'),
      width: 100,
      render: (_, plan) => (
        <Link
          to={`?plan=${plan.id}`}
          onClick={(event) => {
            event.preventDefault();
            update({ plan: plan.id, page: params.get('page') ?? undefined });
          }}
          className="mono nowrap"
          data-testid={`plan-link-${plan.code}`}
        >
          {plan.code}
        </Link>
      ),
    },
    { key: 'name', title: t('inspection.fields.name'), render: (_, plan) => plan.name },
    {
      key: 'item',
      title: t('inspection.fields.item'),
      render: (_, plan) => (
        <Flex gap={8} align="start">
          <span className="mono nowrap">{plan.item.code}</span>
          <ItemName item={plan.item} language={language} />
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('inspection.fields.status'),
      width: 150,
      render: (_, plan) => (
        <Flex gap={4}>
          <PlanStatusTag status={plan.status} />
          {plan.isDefault && <Tag color="blue">{t('inspection.plans.defaultYes')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'characteristics',
      title: t('inspection.fields.characteristics'),
      width: 120,
      align: 'right',
      render: (_, plan) => <span className="mono">{plan.characteristics.length}</span>,
    },
    {
      key: 'updatedAt',
      title: t('inspection.fields.updatedAt'),
      width: 170,
      render: (_, plan) => (
        <time dateTime={plan.updatedAt} className="nowrap">
          {formatDateTimeShort(plan.updatedAt, language)}
        </time>
      ),
    },
  ];

  return (
    <Page
      title={t('inspection.plansTitle')}
      extra={
        mayPlan && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating({})}
            data-testid="new-plan"
          >
            {t('inspection.plans.new')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('inspection.plansLead')}
      </Typography.Paragraph>
      <Card size="small" className="section-card">
        <Flex gap={8} wrap className="table-toolbar" data-testid="plans-filters">
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            allowClear
            placeholder={t('inspection.planSearchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() })}
            style={{ width: 260 }}
            data-testid="plans-search"
          />
          <Select<InspectionPlanStatus>
            allowClear
            placeholder={t('inspection.allStatuses')}
            value={filters.status}
            onChange={(value) => update({ status: value })}
            options={INSPECTION_PLAN_STATUSES.map((value) => ({
              value,
              label: t(`inspection.planStatus.${value}`),
            }))}
            style={{ width: 150 }}
            data-testid="plans-filter-status"
          />
          <div style={{ width: 240 }}>
            <ItemPicker
              value={filters.itemId}
              onChange={(id) => update({ itemId: id })}
              placeholder={t('inspection.allItems')}
              testId="plans-filter-item"
            />
          </div>
        </Flex>
        {plans.isError && (
          <ProblemAlert
            error={plans.error}
            onRetry={() => void plans.refetch()}
            style={{ marginBottom: 12 }}
          />
        )}
        <Table<InspectionPlan>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={plans.data?.items ?? []}
          loading={plans.isFetching}
          scroll={{ x: 960 }}
          locale={{
            emptyText: plans.isPending
              ? t('common.loading')
              : filtered
                ? t('inspection.plansNoMatch')
                : t('inspection.plansEmpty'),
          }}
          pagination={{
            current: page,
            pageSize,
            total: plans.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (nextPage, nextSize) =>
              update({ page: nextSize === pageSize ? nextPage : 1, size: nextSize }),
          }}
          data-testid="plans-table"
        />
      </Card>
      <SamplingCalculator />
      {openPlan && (
        <PlanDrawer
          id={openPlan}
          onClose={() => update({ plan: undefined, page: params.get('page') ?? undefined })}
        />
      )}
      {creating && (
        <PlanEditorDrawer
          itemId={creating.itemId}
          onClose={() => {
            setCreating(null);
            if (params.get('new')) update({ new: undefined, itemId: undefined });
          }}
          onSaved={(plan) => {
            setCreating(null);
            update({ new: undefined, itemId: undefined, plan: plan.id });
          }}
        />
      )}
    </Page>
  );
}

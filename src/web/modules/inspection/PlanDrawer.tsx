import { CheckCircleOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Skeleton,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useChangeInspectionPlan,
  useInspectionPlan,
  type Characteristic,
  type InspectionPlan,
} from '../../api/inspection.ts';
import { useCan } from '../../auth/session.ts';
import { HistoryPanel } from '../../components/HistoryPanel.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { formatDateTime } from '../../format.ts';
import { useLanguage } from '../../i18n/use-language.ts';
import { ItemName } from '../items/item-tags.tsx';
import { limitsText } from './inspection-format.ts';
import { PlanStatusTag } from './inspection-tags.tsx';
import { PlanEditorDrawer } from './PlanEditorDrawer.tsx';

/** One inspection plan: its characteristics, history and the actions on it. */
export function PlanDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const plan = useInspectionPlan(id);
  return (
    <Drawer
      open
      size={960}
      onClose={onClose}
      destroyOnHidden
      title={
        plan.data
          ? t('inspection.plans.detailTitle', { code: plan.data.code, name: plan.data.name })
          : t('inspection.plansTitle')
      }
      data-testid="plan-drawer"
    >
      {plan.isPending ? (
        <Skeleton active />
      ) : plan.isError ? (
        <ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <PlanView plan={plan.data} />
      )}
    </Drawer>
  );
}

type Dialog = 'edit' | 'activate' | 'retire';

function PlanView({ plan }: { plan: InspectionPlan }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const mayPlan = useCan('inspection.plan');
  const change = useChangeInspectionPlan();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const when = (value: string | null) =>
    value ? <time dateTime={value}>{formatDateTime(value, language)}</time> : dash;
  const itemName = `${plan.item.code} ${language === 'zh-CN' ? plan.item.nameZh : plan.item.nameEn}`;

  const fields: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('inspection.fields.code'),
      children: (
        <span className="mono" data-testid="plan-code">
          {plan.code}
        </span>
      ),
    },
    {
      key: 'status',
      label: t('inspection.fields.status'),
      children: (
        <Flex gap={4}>
          <PlanStatusTag status={plan.status} />
          {plan.isDefault && <Tag color="blue">{t('inspection.plans.defaultYes')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'item',
      label: t('inspection.fields.item'),
      span: 'filled',
      children: (
        <Flex gap={8} align="start">
          <Link to={`/items/${plan.item.id}`} className="mono nowrap">
            {plan.item.code}
          </Link>
          <ItemName item={plan.item} language={language} />
        </Flex>
      ),
    },
    {
      key: 'createdBy',
      label: t('inspection.fields.createdBy'),
      children: (
        <span>
          {plan.createdBy.name} · {when(plan.createdAt)}
        </span>
      ),
    },
    { key: 'updatedAt', label: t('inspection.fields.updatedAt'), children: when(plan.updatedAt) },
    {
      key: 'activatedAt',
      label: t('inspection.fields.activatedAt'),
      children: when(plan.activatedAt),
    },
    { key: 'retiredAt', label: t('inspection.fields.retiredAt'), children: when(plan.retiredAt) },
    {
      key: 'notes',
      label: t('inspection.fields.notes'),
      span: 'filled',
      children: plan.notes ? <div className="preserve-lines">{plan.notes}</div> : dash,
    },
  ];

  const columns: TableProps<Characteristic>['columns'] = [
    { key: 'seq', title: '#', width: 40, align: 'right', dataIndex: 'seq' },
    {
      key: 'name',
      title: t('inspection.char.name'),
      render: (_, c) => (
        <Flex vertical gap={0}>
          <span>{c.name}</span>
          {c.method && <Typography.Text type="secondary">{c.method}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: t('inspection.char.kind'),
      width: 150,
      render: (_, c) => t(`inspection.kind.${c.kind}`),
    },
    {
      key: 'limits',
      title: t('inspection.char.limits'),
      width: 170,
      render: (_, c) =>
        c.kind === 'measured' ? <span className="mono">{limitsText(c, t)}</span> : dash,
    },
    {
      key: 'level',
      title: t('inspection.char.level'),
      width: 90,
      render: (_, c) => <span className="mono">{c.inspectionLevel}</span>,
    },
    {
      key: 'aql',
      title: t('inspection.char.aql'),
      width: 70,
      render: (_, c) => <span className="mono">{c.aql}</span>,
    },
    {
      key: 'class',
      title: t('inspection.char.defectClass'),
      width: 80,
      render: (_, c) => t(`inspection.defectClass.${c.defectClass}`),
    },
  ];

  const actions = mayPlan && plan.status !== 'retired' && (
    <Flex gap={8} wrap data-testid="plan-actions">
      {plan.status === 'draft' && (
        <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="plan-edit">
          {t('inspection.plans.edit')}
        </Button>
      )}
      {plan.status === 'draft' && (
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          onClick={() => setDialog('activate')}
          data-testid="plan-activate"
        >
          {t('inspection.plans.activate')}
        </Button>
      )}
      {plan.status === 'active' && (
        <Button
          danger
          icon={<StopOutlined />}
          onClick={() => setDialog('retire')}
          data-testid="plan-retire"
        >
          {t('inspection.plans.retire')}
        </Button>
      )}
    </Flex>
  );

  return (
    <Flex vertical gap={12} data-testid="plan-view" data-status={plan.status}>
      {actions}
      {plan.status !== 'active' && (
        <Alert
          type={plan.status === 'draft' ? 'info' : 'warning'}
          showIcon
          title={t(`inspection.plans.${plan.status === 'draft' ? 'draftNote' : 'retiredNote'}`)}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={fields}
        styles={{ label: { width: 150 } }}
      />
      <Table<Characteristic>
        size="small"
        rowKey="seq"
        columns={columns}
        dataSource={plan.characteristics}
        pagination={false}
        locale={{ emptyText: t('inspection.char.none') }}
        data-testid="plan-characteristics"
      />
      <HistoryPanel entityType="inspection_plan" entityId={plan.id} />
      {dialog === 'edit' && (
        <PlanEditorDrawer
          plan={plan}
          onClose={close}
          onSaved={() => {
            close();
            void message.success(
              t('inspection.plans.done', { action: t('inspection.plans.edit') }),
            );
          }}
        />
      )}
      {(dialog === 'activate' || dialog === 'retire') && (
        <ReasonModal
          open
          danger={dialog === 'retire'}
          title={`${t(`inspection.plans.${dialog}`)} · ${plan.code}`}
          okText={t(`inspection.plans.${dialog}`)}
          testId={`plan-${dialog}-modal`}
          description={
            <Alert
              type={dialog === 'retire' ? 'warning' : 'info'}
              showIcon
              title={t(`inspection.plans.${dialog}Description`, { item: itemName })}
            />
          }
          onSubmit={async ({ reason }) => {
            await change.mutateAsync({ kind: dialog, id: plan.id, reason });
            void message.success(
              t('inspection.plans.done', { action: t(`inspection.plans.${dialog}`) }),
            );
          }}
          onClose={close}
        />
      )}
    </Flex>
  );
}

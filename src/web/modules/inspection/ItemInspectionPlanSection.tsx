import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInspectionPlans } from '../../api/inspection.ts';
import { useCan } from '../../auth/session.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { PlanStatusTag } from './inspection-tags.tsx';

/** On an item's page: the active default inspection plan that receiving uses, or that there is none. */
export function ItemInspectionPlanSection({ itemId }: { itemId: string }) {
  const mayRead = useCan('inspection.read');
  return mayRead ? <Section itemId={itemId} /> : null;
}

function Section({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const mayPlan = useCan('inspection.plan');
  const plans = useInspectionPlans({ itemId, limit: 50, offset: 0 });
  const all = plans.data?.items ?? [];
  const active = all.find((plan) => plan.status === 'active' && plan.isDefault);
  const others = all.filter((plan) => plan !== active && plan.status !== 'retired');

  return (
    <Card
      size="small"
      className="section-card"
      title={
        <span>
          <FileSearchOutlined aria-hidden /> {t('inspection.itemSection.title')}
        </span>
      }
      extra={
        mayPlan &&
        !plans.isPending &&
        !active && (
          <Link to={`/inspection-plans?new=1&itemId=${itemId}`} data-testid="item-plan-create">
            <Button size="small" icon={<PlusOutlined />}>
              {t('inspection.itemSection.create')}
            </Button>
          </Link>
        )
      }
      data-testid="item-inspection-plan"
    >
      {plans.isError ? (
        <ProblemAlert error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.isPending ? (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      ) : active ? (
        <Flex gap={8} align="center" wrap data-testid="item-plan-active">
          <Typography.Text type="secondary">
            {t('inspection.itemSection.activePlan')}:
          </Typography.Text>
          <Link
            to={`/inspection-plans?plan=${active.id}`}
            className="mono"
            data-testid="item-plan-link"
          >
            {active.code}
          </Link>
          <span>{active.name}</span>
          <PlanStatusTag status={active.status} />
          <Tag>
            {t('inspection.plans.countCharacteristics', { count: active.characteristics.length })}
          </Tag>
          {others.length > 0 && (
            <Link to={`/inspection-plans?itemId=${itemId}`}>
              {t('inspection.itemSection.otherPlans', { count: others.length })}
            </Link>
          )}
        </Flex>
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('inspection.itemSection.none')}
          data-testid="item-plan-none"
        >
          {others.length > 0 && (
            <Link to={`/inspection-plans?itemId=${itemId}`}>
              {t('inspection.itemSection.otherPlans', { count: others.length })}
            </Link>
          )}
        </Empty>
      )}
    </Card>
  );
}

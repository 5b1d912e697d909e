import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Descriptions, Flex, Skeleton, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Health } from '../../shared/system.contract.ts';
import { useHealth } from '../api/system.ts';
import { Page } from '../components/Page.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { formatNumber, formatTime } from '../format.ts';
import { useLanguage } from '../i18n/use-language.ts';

export function OverviewPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('overview.title')} width="narrow">
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('overview.welcome')}
      </Typography.Paragraph>
      <SystemStatusCard />
    </Page>
  );
}

function SystemStatusCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const health = useHealth();

  return (
    <Card
      size="small"
      className="status-card"
      title={t('overview.status.title')}
      extra={
        <Flex align="center" gap={12}>
          {health.dataUpdatedAt > 0 && (
            <Typography.Text type="secondary" className="status-checked-at">
              {t('overview.status.checkedAt', {
                time: formatTime(health.dataUpdatedAt, language),
              })}
            </Typography.Text>
          )}
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={health.isFetching}
            onClick={() => void health.refetch()}
          >
            {t('common.refresh')}
          </Button>
        </Flex>
      }
    >
      {health.isPending && <Skeleton active title={false} paragraph={{ rows: 4 }} />}
      {health.isError && (
        <ProblemAlert
          error={health.error}
          onRetry={() => void health.refetch()}
          style={health.data ? { marginBottom: 12 } : undefined}
        />
      )}
      {health.data && <HealthDetails health={health.data} />}
    </Card>
  );
}

function HealthDetails({ health }: { health: Health }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ok = health.status === 'ok';
  const items: DescriptionsProps['items'] = [
    {
      key: 'status',
      label: t('overview.status.status'),
      children: (
        <span data-testid="health-status" data-status={health.status}>
          <Badge
            status={ok ? 'success' : 'error'}
            text={ok ? t('overview.status.ok') : t('overview.status.unavailable')}
          />
        </span>
      ),
    },
    {
      key: 'database',
      label: t('overview.status.database'),
      children: t(`database.kind.${health.database.kind}`),
    },
    {
      key: 'latency',
      label: t('overview.status.latency'),
      children: t('overview.status.latencyValue', {
        value: formatNumber(health.database.latencyMs, language),
      }),
    },
    { key: 'version', label: t('overview.status.version'), children: health.version },
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={items}
      styles={{ label: { width: 200 } }}
    />
  );
}

import { Alert, Card, Descriptions, Skeleton, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { About } from '../../shared/system.contract.ts';
import { useAbout } from '../api/system.ts';
import { Page } from '../components/Page.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { formatDateTime } from '../format.ts';
import { useLanguage } from '../i18n/use-language.ts';

export function AboutPage() {
  const { t } = useTranslation();
  const about = useAbout();
  return (
    <Page title={t('about.title')} width="narrow">
      {about.isPending && (
        <Card size="small">
          <Skeleton active title={false} paragraph={{ rows: 7 }} />
        </Card>
      )}
      {about.isError && (
        <ProblemAlert
          error={about.error}
          onRetry={() => void about.refetch()}
          style={{ marginBottom: 16 }}
        />
      )}
      {about.data && <AboutDetails about={about.data} />}
    </Page>
  );
}

function AboutDetails({ about }: { about: About }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const items: DescriptionsProps['items'] = [
    { key: 'product', label: t('about.product'), children: about.name },
    {
      key: 'version',
      label: t('about.version'),
      children: <span data-testid="about-version">{about.version}</span>,
    },
    {
      key: 'databaseKind',
      label: t('about.databaseKind'),
      children: (
        <span data-testid="about-database-kind" data-kind={about.database.kind}>
          {t(`database.kind.${about.database.kind}`)}
        </span>
      ),
    },
    {
      key: 'databaseServerVersion',
      label: t('about.databaseServerVersion'),
      children: about.database.serverVersion,
    },
    {
      key: 'embedded',
      label: t('about.embedded'),
      children: about.database.embedded ? t('common.yes') : t('common.no'),
    },
    { key: 'nodeVersion', label: t('about.nodeVersion'), children: about.nodeVersion },
    {
      key: 'instanceId',
      label: t('about.instanceId'),
      children: (
        <Typography.Text copyable className="mono">
          {about.instanceId}
        </Typography.Text>
      ),
    },
    {
      key: 'startedAt',
      label: t('about.startedAt'),
      children: <time dateTime={about.startedAt}>{formatDateTime(about.startedAt, language)}</time>,
    },
  ];
  return (
    <>
      {about.database.embedded && (
        <Alert
          type="warning"
          showIcon
          data-testid="embedded-database-warning"
          title={t('about.embeddedWarning.title')}
          description={t('about.embeddedWarning.description')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Card size="small">
        <Descriptions
          bordered
          size="small"
          column={1}
          items={items}
          styles={{ label: { width: 220 } }}
        />
      </Card>
    </>
  );
}

import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';

// Placeholder until the screen is built (issue 6).
export function LotsPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('lots.title')}>
      <Empty />
    </Page>
  );
}

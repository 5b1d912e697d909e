import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.tsx';
import { useSearchFilters } from '../../use-search-filters.ts';
import { ReceivePanel } from './ReceivePanel.tsx';
import { ReturnPanel } from './ReturnPanel.tsx';

type Tab = 'receive' | 'return';

/**
 * Goods in against purchase order lines, driven by a handheld scanner (keyboard
 * wedge: the data, then Enter), and goods back to the supplier.
 */
export function ReceivingPage() {
  const { t } = useTranslation();
  const [params, update] = useSearchFilters();
  const tab: Tab = params.get('tab') === 'return' ? 'return' : 'receive';
  return (
    <Page title={t('purchasing.receivingTitle')}>
      <Typography.Paragraph type="secondary" className="page-lead">
        {t('purchasing.receiving.lead')}
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) =>
          update({ tab: key === 'return' ? 'return' : undefined, line: undefined })
        }
        destroyOnHidden
        items={[
          {
            key: 'receive',
            label: (
              <span data-testid="receiving-tab-receive">
                {t('purchasing.receiving.receiveTab')}
              </span>
            ),
            children: <ReceivePanel />,
          },
          {
            key: 'return',
            label: (
              <span data-testid="receiving-tab-return">{t('purchasing.receiving.returnTab')}</span>
            ),
            children: <ReturnPanel />,
          },
        ]}
      />
    </Page>
  );
}

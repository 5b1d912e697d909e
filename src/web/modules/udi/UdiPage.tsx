import { PrinterOutlined, ScanOutlined } from '@ant-design/icons';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../../components/Page.tsx';
import { MakeLabelPanel } from './MakeLabelPanel.tsx';
import { ReadCodePanel } from './ReadCodePanel.tsx';

type UdiTab = 'read' | 'label';

/** Reading UDI and supplier barcodes, and making UDI labels: a tool for anyone signed in. */
export function UdiPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: UdiTab = params.get('tab') === 'label' ? 'label' : 'read';

  return (
    <Page title={t('udi.title')}>
      <Tabs
        activeKey={tab}
        className="udi-tabs"
        onChange={(key) => setParams(key === 'label' ? { tab: key } : {}, { replace: true })}
        items={[
          {
            key: 'read',
            label: <span data-testid="udi-tab-read">{t('udi.tabs.read')}</span>,
            icon: <ScanOutlined />,
            children: <ReadCodePanel />,
          },
          {
            key: 'label',
            label: <span data-testid="udi-tab-label">{t('udi.tabs.label')}</span>,
            icon: <PrinterOutlined />,
            children: <MakeLabelPanel />,
          },
        ]}
      />
    </Page>
  );
}

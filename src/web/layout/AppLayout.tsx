import { NodeIndexOutlined } from '@ant-design/icons';
import { Flex, Layout, Menu, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { NAVIGATION, activeNavEntry } from '../navigation.tsx';

const COLLAPSED_STORAGE_KEY = 'lotline.siderCollapsed';

function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(COLLAPSED_STORAGE_KEY) === 'true';
  } catch {
    return false;
  }
}

function storeCollapsed(collapsed: boolean): void {
  try {
    window.localStorage.setItem(COLLAPSED_STORAGE_KEY, String(collapsed));
  } catch {
    // Storage blocked: the menu state lasts for this page view only.
  }
}

/** Header, left menu from NAVIGATION, and the current screen. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const active = activeNavEntry(location.pathname);

  const items: MenuProps['items'] = NAVIGATION.map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: (
      <Link to={entry.path} data-testid={`nav-${entry.key}`}>
        {t(entry.labelKey)}
      </Link>
    ),
  }));

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
          <Link to="/" className="app-brand" aria-label={t('app.name')}>
            <NodeIndexOutlined className="app-brand-mark" aria-hidden />
            <span className="app-brand-name">{t('app.name')}</span>
            <Typography.Text type="secondary" className="app-brand-tagline">
              {t('app.tagline')}
            </Typography.Text>
          </Link>
          <LanguageSwitch />
        </Flex>
      </Layout.Header>
      <Layout className="app-body">
        <Layout.Sider
          className="app-sider"
          theme="light"
          width={208}
          collapsedWidth={56}
          collapsible
          collapsed={collapsed}
          onCollapse={(value) => {
            setCollapsed(value);
            storeCollapsed(value);
          }}
        >
          <nav aria-label={t('shell.navigation')}>
            <Menu
              mode="inline"
              selectedKeys={active ? [active.key] : []}
              items={items}
              className="app-menu"
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

import { NodeIndexOutlined } from '@ant-design/icons';
import { Flex, Layout, Menu, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { activeNavEntry, visibleNavEntries, type NavEntry, type NavGroup } from '../navigation.tsx';
import { UserMenu } from './UserMenu.tsx';

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

type MenuItems = NonNullable<MenuProps['items']>;

/** Menu items in registry order; grouped entries gather under their group's title. */
function menuItems(
  entries: NavEntry[],
  label: (entry: NavEntry) => ReactNode,
  groupLabel: (group: NavGroup) => string,
): MenuItems {
  const items: MenuItems = [];
  const groups = new Map<NavGroup, MenuItems>();
  for (const entry of entries) {
    const item = { key: entry.key, icon: entry.icon, label: label(entry) };
    if (!entry.group) {
      items.push(item);
      continue;
    }
    let children = groups.get(entry.group);
    if (!children) {
      children = [];
      groups.set(entry.group, children);
      items.push({
        key: `group-${entry.group}`,
        type: 'group',
        label: groupLabel(entry.group),
        children,
      });
    }
    children.push(item);
  }
  return items;
}

/** Header, left menu from NAVIGATION, and the current screen. */
export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useSession();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  // While the password must change, nothing but that screen (and sign-out) is open.
  const restricted = me.passwordChangeRequired;
  const entries = restricted ? [] : visibleNavEntries(me.permissions);
  const active = activeNavEntry(location.pathname, entries);

  const items = menuItems(
    entries,
    (entry) => (
      <Link to={entry.path} data-testid={`nav-${entry.key}`}>
        {t(entry.labelKey)}
      </Link>
    ),
    (group) => t(`navGroup.${group}`),
  );

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
          <Flex align="center" gap={16}>
            <LanguageSwitch />
            <UserMenu restricted={restricted} />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout className="app-body">
        {!restricted && (
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
        )}
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

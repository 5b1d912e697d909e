import { DashboardOutlined, InfoCircleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type en from './i18n/en.ts';
import { AboutPage } from './pages/AboutPage.tsx';
import { OverviewPage } from './pages/OverviewPage.tsx';

export interface NavEntry {
  /** Stable id: the menu key and the `nav-<key>` test id. */
  key: string;
  /** Route path; entries below it (e.g. /lots/:id) belong to it in the menu. */
  path: string;
  icon: ReactNode;
  /** Menu label: a key under `nav` in the i18n resources. */
  labelKey: `nav.${keyof typeof en.nav}`;
  element: ReactNode;
}

// The left menu and the app's top-level routes, in menu order. A module adds
// its screens by appending an entry here (and its label to nav.* in i18n).
export const NAVIGATION: NavEntry[] = [
  {
    key: 'overview',
    path: '/',
    icon: <DashboardOutlined />,
    labelKey: 'nav.overview',
    element: <OverviewPage />,
  },
  {
    key: 'about',
    path: '/about',
    icon: <InfoCircleOutlined />,
    labelKey: 'nav.about',
    element: <AboutPage />,
  },
];

/** The entry a location belongs to: the longest path that is it or a parent of it. */
export function activeNavEntry(pathname: string, entries: readonly NavEntry[] = NAVIGATION) {
  let best: NavEntry | undefined;
  for (const entry of entries) {
    const matches =
      entry.path === '/'
        ? pathname === '/'
        : pathname === entry.path || pathname.startsWith(`${entry.path}/`);
    if (matches && (!best || entry.path.length > best.path.length)) best = entry;
  }
  return best;
}

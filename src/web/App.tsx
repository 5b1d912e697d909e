import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ApiError } from './api/client.ts';
import type { Language } from './i18n/language.ts';
import { useLanguage } from './i18n/use-language.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { NAVIGATION } from './navigation.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { RouteErrorPage } from './pages/RouteErrorPage.tsx';
import { lotlineTheme } from './theme.ts';

type AntdLocale = NonNullable<ConfigProviderProps['locale']>;

// antd's locale files are ES modules without "type": "module", so TypeScript
// (nodenext) types their default export as a { default } wrapper while the
// bundler hands over the locale itself.
function antdLocale(module: AntdLocale | { default: AntdLocale }): AntdLocale {
  return 'default' in module ? module.default : module;
}

const ANTD_LOCALES: Record<Language, AntdLocale> = {
  'zh-CN': antdLocale(zhCNModule),
  en: antdLocale(enUSModule),
};

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // A 4xx answer will not change on retry; a lost connection or a 5xx may.
      retry: (failureCount, error) =>
        failureCount < 2 &&
        !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      ...NAVIGATION.map((entry) => ({
        path: entry.path,
        element: entry.element,
        errorElement: <RouteErrorPage />,
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

const router = createBrowserRouter(routes);

export function App() {
  const language = useLanguage();
  return (
    <ConfigProvider
      locale={ANTD_LOCALES[language]}
      theme={lotlineTheme}
      // "重试", not antd's spaced "重 试", as in the rest of the UI.
      button={{ autoInsertSpace: false }}
    >
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider, type ConfigProviderProps } from 'antd';
import enUSModule from 'antd/es/locale/en_US.js';
import zhCNModule from 'antd/es/locale/zh_CN.js';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { authKeys } from './api/auth.ts';
import { ApiError, setCsrfToken } from './api/client.ts';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { RequirePermission } from './auth/RequirePermission.tsx';
import type { Language } from './i18n/language.ts';
import { useLanguage } from './i18n/use-language.ts';
import { AppLayout } from './layout/AppLayout.tsx';
import { ChangePasswordPage } from './modules/identity/ChangePasswordPage.tsx';
import { LoginPage, type LoginLocationState } from './modules/identity/LoginPage.tsx';
import { TokensPage } from './modules/identity/TokensPage.tsx';
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

let redirectingToSignIn = false;

/**
 * Any request that answers 401 UNAUTHENTICATED means the session is gone
 * (idle timeout, sign-out elsewhere, account locked): go to /login, remembering
 * the screen. The sign-in page forgets everything cached for the session.
 */
function onUnauthenticated(): void {
  const { pathname, search } = router.state.location;
  if (redirectingToSignIn || pathname === '/login') return;
  redirectingToSignIn = true;
  const hadSession = queryClient.getQueryData(authKeys.me) !== undefined;
  setCsrfToken(null);
  const state: LoginLocationState = {
    from: `${pathname}${search}`,
    reason: hadSession ? 'sessionEnded' : undefined,
  };
  void Promise.resolve(router.navigate('/login', { replace: true, state })).finally(() => {
    redirectingToSignIn = false;
  });
}

function onApiError(error: unknown, meta: Record<string, unknown> | undefined): void {
  if (!(error instanceof ApiError)) return;
  if (error.code === 'UNAUTHENTICATED' && meta?.ignoreUnauthenticated !== true) onUnauthenticated();
  // The server says the password must change first: `me` tells RequireAuth to go there.
  if (error.code === 'PASSWORD_CHANGE_REQUIRED')
    void queryClient.invalidateQueries({ queryKey: authKeys.me });
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onApiError(error, query.meta) }),
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => onApiError(error, mutation.meta),
  }),
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

const routeError = <RouteErrorPage />;

const appRoutes: RouteObject[] = [
  ...NAVIGATION.flatMap((entry) =>
    [{ path: entry.path, element: entry.element }, ...(entry.routes ?? [])].map((route) => ({
      path: route.path,
      element: <RequirePermission permission={entry.permission}>{route.element}</RequirePermission>,
      errorElement: routeError,
    })),
  ),
  { path: '/account/password', element: <ChangePasswordPage />, errorElement: routeError },
  { path: '/account/tokens', element: <TokensPage />, errorElement: routeError },
  { path: '*', element: <NotFoundPage /> },
];

const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: routeError },
  {
    element: <RequireAuth />,
    errorElement: routeError,
    children: [{ element: <AppLayout />, children: appRoutes }],
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

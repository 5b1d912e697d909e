import { describe, expect, it } from 'vitest';
import { signIn, snap, switchLanguage, waitForTitle } from './support/app.ts';
import { useE2eBrowser } from './support/session.ts';

const open = useE2eBrowser();

describe('app shell', () => {
  it('shows Overview and About in English and in Chinese, and keeps the chosen language', async () => {
    // No stored language: the sign-in page follows the browser (English), and
    // after sign-in the profile language of admin (zh-CN) applies.
    const page = await open();
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByText('Sign in', { exact: true }).first().waitFor();
    await signIn(page, 'admin');
    await waitForTitle(page, '概览');
    expect(await page.evaluate(() => localStorage.getItem('lotline.lang'))).toBeNull();

    await switchLanguage(page, 'English');
    await waitForTitle(page, 'Overview');
    await page.locator('[data-testid="health-status"][data-status="ok"]').waitFor();
    expect(await page.getByTestId('health-status').textContent()).toContain('Operational');
    expect(await page.getByTestId('nav-audit').textContent()).toBe('Audit trail');
    expect(await page.getByTestId('user-menu-name').textContent()).toBe('王磊 Wang Lei');
    await snap(page, 'shell-en');

    const about = (await (await page.request.get('/api/about')).json()) as {
      version: string;
      database: { kind: string };
    };
    await page.getByTestId('nav-about').click();
    await waitForTitle(page, 'About');
    await page.getByTestId('about-version').waitFor();
    expect(await page.getByTestId('about-version').textContent()).toBe(about.version);
    expect(about.database.kind).toBe('pglite');
    expect(await page.getByTestId('about-database-kind').textContent()).toBe('Embedded (PGlite)');
    await snap(page, 'about-en');

    await switchLanguage(page, '中文');
    await waitForTitle(page, '关于');
    expect(await page.getByTestId('about-database-kind').textContent()).toBe(
      '内嵌数据库（PGlite）',
    );
    expect(await page.getByTestId('about-version').textContent()).toBe(about.version);
    expect(await page.getByTestId('nav-about').textContent()).toBe('关于');
    await snap(page, 'about-zh-CN');

    await page.reload();
    await waitForTitle(page, '关于');
    expect(await page.evaluate(() => localStorage.getItem('lotline.lang'))).toBe('zh-CN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');

    await page.getByTestId('nav-overview').click();
    await waitForTitle(page, '概览');
    await page.locator('[data-testid="health-status"][data-status="ok"]').waitFor();
    expect(await page.getByTestId('health-status').textContent()).toContain('正常');
    expect(await page.getByTestId('nav-users').textContent()).toBe('用户');
    await snap(page, 'shell-zh-CN');
    await page.context().close();
  });

  it('sends people who are not signed in to the sign-in page, and back after signing in', async () => {
    const page = await open('en');
    await page.goto('/about');
    await page.waitForURL('**/login');
    await signIn(page, 'viewer');
    await page.waitForURL('**/about');
    await waitForTitle(page, 'About');
    // A viewer sees no administration screens, and a direct link answers 403.
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await page.goto('/admin/users');
    await page.getByTestId('forbidden').waitFor();
    await waitForTitle(page, 'No access');
    await page.context().close();
  });

  it('sends a person whose session ended to sign in again, and back to where they were', async () => {
    const page = await open('en');
    await signIn(page, 'qa_manager');
    await waitForTitle(page, 'Overview');
    // The server forgets the session (idle timeout, sign-out elsewhere): the next request answers 401.
    await page.context().clearCookies();
    await page.getByTestId('nav-users').click();
    await page.waitForURL('**/login');
    await page.getByTestId('session-ended-notice').waitFor();
    await signIn(page, 'qa_manager');
    await page.waitForURL('**/admin/users');
    await waitForTitle(page, 'Users');
    // qa_manager may read users but not change them.
    await page.getByTestId('users-table').waitFor();
    expect(await page.getByTestId('new-user').count()).toBe(0);
    await page.context().close();
  });
});

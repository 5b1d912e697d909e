// Helpers for driving Lotline's screens in browser tests.
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './browser.ts';

/** The demo users' password (README, "Demo users"). */
export const DEMO_PASSWORD = 'Lotline-Demo-2026';

/** Fills in the sign-in form and submits it; resolves with the sign-in answer's status. */
export async function submitSignIn(
  page: Page,
  username: string,
  password: string,
): Promise<number> {
  if (!new URL(page.url()).pathname.startsWith('/login')) await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login')),
    page.getByTestId('login-submit').click(),
  ]);
  return response.status();
}

/** Signs in and waits until the app shell shows the person in the header. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  const status = await submitSignIn(page, username, password);
  if (status !== 200) throw new Error(`Sign-in of ${username} answered ${status}`);
  await page.getByTestId('user-menu').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-logout').click();
  await page.waitForURL('**/login');
  await page.getByTestId('login-username').waitFor();
}

/** The page's title text once it shows `expected`. */
export async function waitForTitle(page: Page, expected: string): Promise<void> {
  await page.getByTestId('page-title').filter({ hasText: expected }).first().waitFor();
}

/** Opens an antd Select (by its test id), types to search, and picks the option with this text. */
export async function chooseOption(
  page: Page,
  select: Locator,
  optionText: string,
  search?: string,
): Promise<void> {
  await select.click();
  if (search !== undefined) await page.keyboard.type(search);
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: optionText })
    .first();
  await option.click();
}

/** The table row (tbody tr) that contains this text. */
export function rowWith(table: Locator, text: string): Locator {
  return table.locator('tbody tr.ant-table-row').filter({ hasText: text });
}

/** Clicks one option of the language switch ("中文" or "English"). */
export async function switchLanguage(page: Page, label: '中文' | 'English'): Promise<void> {
  await page.getByTestId('language-switch').getByText(label, { exact: true }).click();
}

/** Waits until no finite CSS animation or transition runs (dialogs opening, rows expanding). */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== 'running' ||
          animation.effect?.getTiming().iterations === Infinity,
      ),
  );
}

/** A screenshot once the screen has come to rest. */
export async function snap(page: Page, name: string): Promise<string> {
  await settle(page);
  return screenshot(page, name);
}

import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, newPage } from './browser.ts';
import { startE2eServer, type E2eServer } from './server.ts';

/**
 * One real server and one Chromium for the test file, and `open(lang?)` for a
 * fresh page. Any uncaught script error in a page fails the test that opened it.
 */
export function useE2eBrowser(): (lang?: 'en' | 'zh-CN') => Promise<Page> {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  let scriptErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startE2eServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(() => {
    const seen = scriptErrors;
    scriptErrors = [];
    expect(seen).toEqual([]);
  });

  return async (lang) => {
    if (!server || !browser)
      throw new Error('useE2eBrowser(): open() is available only inside tests');
    const page = await newPage(browser, server.url, lang);
    page.on('pageerror', (error) => scriptErrors.push(`${page.url()}: ${error.message}`));
    return page;
  };
}

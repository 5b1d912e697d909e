import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  DeviceLabelInput,
  Udi,
  udiBuildRequestSchema,
  udiBuildResponseSchema,
} from '../../src/server/modules/udi/index.ts';
import type {
  DeviceLabelRequest,
  UdiBuildRequest,
  UdiBuildResponse,
  Udi as WebUdi,
} from '../../src/web/api/udi.ts';
import { signIn, snap, switchLanguage, waitForTitle } from './support/app.ts';
import { useE2eBrowser } from './support/session.ts';

// The web app repeats the UDI contract's types (it may not import server code);
// this does not compile when the two drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type WebMirrorsUdiContract = [
  Holds<Same<WebUdi, Udi>>,
  Holds<Same<UdiBuildRequest, z.infer<typeof udiBuildRequestSchema>>>,
  Holds<Same<UdiBuildResponse, z.infer<typeof udiBuildResponseSchema>>>,
  Holds<Same<DeviceLabelRequest, DeviceLabelInput>>,
];

const open = useE2eBrowser();

const isParse = (url: string) => new URL(url).pathname === '/api/udi/parse';
const isRender = (url: string) => new URL(url).pathname === '/api/udi/render';

/** Waits until the symbol preview shows a decoded image. */
async function symbolShown(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const img = document.querySelector('[data-testid="udi-symbol"]');
    return img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0;
  });
}

/**
 * For the screenshot only: waits until Chromium's PDF viewer has drawn the label.
 * Its load state is a private field of the viewer, so when a Chromium release
 * renames it this gives up after a few seconds rather than failing the test.
 */
async function pdfViewerLoaded(page: Page): Promise<void> {
  const isViewer = (frame: Frame) => frame.url().startsWith('chrome-extension://');
  const viewer =
    page.frames().find(isViewer) ??
    (await page.waitForEvent('framenavigated', { predicate: isViewer, timeout: 10_000 }));
  await viewer
    .waitForFunction(
      () =>
        (document.querySelector('pdf-viewer') as { loadState_?: string } | null)?.loadState_ ===
        'success',
      null,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
}

/** The app's content scrolls inside its pane; back to the top before a screenshot. */
async function scrollToTop(page: Page): Promise<void> {
  await page.locator('.app-content').evaluate((pane) => pane.scrollTo(0, 0));
}

describe('reading a code', () => {
  it('reads what a handheld scanner types, with its symbol, in English and in Chinese', async () => {
    const page = await open('en');
    await signIn(page, 'operator');
    await page.getByTestId('nav-udi').click();
    await waitForTitle(page, 'UDI and barcodes');
    await page.getByTestId('udi-empty').waitFor();

    // The input has the focus, as a scanner needs: it types the data (^ for FNC1) and Enter.
    const input = page.getByTestId('udi-input');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    const [parsed, rendered] = await Promise.all([
      page.waitForResponse((r) => isParse(r.url())),
      page.waitForResponse((r) => isRender(r.url())),
      page.keyboard
        .type(']C1010950600013435217271231' + '10LOT42^21SN0001')
        .then(() => page.keyboard.press('Enter')),
    ]);
    expect(parsed.status()).toBe(200);
    expect(rendered.status()).toBe(200);
    expect(rendered.headers()['content-type']).toContain('image/svg+xml');

    const result = page.getByTestId('udi-result');
    await result.waitFor();
    expect(await result.getAttribute('data-agency')).toBe('GS1');
    expect(await page.getByTestId('udi-field-di').textContent()).toBe('09506000134352');
    expect(await page.getByTestId('udi-field-lot').textContent()).toBe('LOT42');
    expect(await page.getByTestId('udi-field-serial').textContent()).toBe('SN0001');
    expect(await page.getByTestId('udi-field-expiry').getAttribute('data-iso')).toBe('2027-12-31');
    expect(await page.getByTestId('udi-field-expiry').textContent()).toContain('Dec 31, 2027');
    const elements = page.getByTestId('udi-elements');
    expect(await elements.locator('tbody tr').count()).toBe(4);
    expect(await elements.textContent()).toContain('BATCH/LOT');
    expect(await page.getByTestId('udi-bracketed').textContent()).toBe(
      '(01)09506000134352(17)271231(10)LOT42(21)SN0001',
    );
    expect(await page.getByTestId('udi-digital-link').textContent()).toBe(
      'https://id.gs1.org/01/09506000134352/10/LOT42/21/SN0001?17=271231',
    );
    await symbolShown(page);
    expect(await page.getByTestId('udi-symbol').getAttribute('src')).toMatch(/^blob:/);
    expect(await page.getByTestId('udi-recent-item').count()).toBe(1);
    await snap(page, 'udi-read-en');

    await switchLanguage(page, '中文');
    await waitForTitle(page, 'UDI 与条码');
    expect(await page.getByTestId('udi-field-expiry').textContent()).toContain('2027年12月31日');
    expect(await page.getByTestId('nav-udi').textContent()).toBe('UDI 与条码');
    await symbolShown(page);
    await snap(page, 'udi-read-zh-CN');
    await page.context().close();
  });

  it('explains a wrong GTIN check digit in Chinese and marks the character', async () => {
    const page = await open('zh-CN');
    await signIn(page, 'operator');
    await page.goto('/udi');
    await waitForTitle(page, 'UDI 与条码');

    const input = page.getByTestId('udi-input');
    await input.fill('(01)09506000134353(17)271231(10)LOT42');
    const [parsed] = await Promise.all([
      page.waitForResponse((r) => isParse(r.url())),
      input.press('Enter'),
    ]);
    expect(parsed.status()).toBe(422);

    const error = page.getByTestId('udi-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('GS1_CHECK_DIGIT');
    expect(await error.textContent()).toContain('GS1 校验位错误：号码可能输入或识读有误。');
    expect(await page.getByTestId('udi-error-ai').textContent()).toContain('(01)');
    const mark = page.getByTestId('udi-error-position');
    expect(await mark.getAttribute('data-position')).toBe('17');
    expect(await mark.textContent()).toBe('3');
    expect(await page.getByTestId('udi-error-input').textContent()).toBe(
      '(01)09506000134353(17)271231(10)LOT42',
    );
    expect(await page.getByTestId('udi-error-position-text').textContent()).toContain('位置 17');
    // No symbol is drawn for a code that is not valid.
    expect(await page.getByTestId('udi-symbol').count()).toBe(0);
    expect(await page.getByTestId('udi-recent-item').getAttribute('data-ok')).toBe('false');
    await snap(page, 'udi-error-zh-CN');
    await page.context().close();
  });
});

describe('making a label', () => {
  it('builds a UDI, puts a wrong check digit on its field, and previews the device label PDF', async () => {
    // No stored language (newPage's script that stores it would also run, and
    // fail, in the PDF viewer's frame): English is chosen with the switch.
    const page = await open();
    await signIn(page, 'operator');
    await page.goto('/udi');
    await switchLanguage(page, 'English');
    await waitForTitle(page, 'UDI and barcodes');
    await page.getByTestId('udi-tab-label').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'label');
    const form = page.getByTestId('label-form');
    await form.waitFor();

    await page.getByTestId('label-gtin').fill('09506000134353');
    await page.getByTestId('label-lot').fill('LOT42');
    await page.getByTestId('label-serial').fill('SN0001');
    await page.getByTestId('label-expiry').fill('2027-12-31');
    await page.getByTestId('label-production-date').fill('2026-01-15');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/udi/build')),
      page.getByTestId('label-build').click(),
    ]);
    expect(refused.status()).toBe(422);
    const gtinError = form
      .locator('.ant-form-item')
      .filter({ has: page.getByTestId('label-gtin') })
      .locator('.ant-form-item-explain-error');
    await gtinError.filter({ hasText: 'The GS1 check digit is wrong' }).waitFor();

    await page.getByTestId('label-gtin').fill('09506000134352');
    const [built] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/udi/build')),
      page.getByTestId('label-build').click(),
    ]);
    expect(built.status()).toBe(200);
    const bracketed = page.getByTestId('label-bracketed');
    await bracketed.waitFor();
    // Canonical order: the GTIN, the fixed-length dates by AI, then lot and serial.
    expect(await bracketed.textContent()).toBe(
      '(01)09506000134352(11)260115(17)271231(10)LOT42(21)SN0001',
    );
    expect(await page.getByTestId('label-element-string').textContent()).toContain('^01');
    expect(await page.getByTestId('label-hri').locator('div').count()).toBe(5);
    expect(await page.getByTestId('label-digital-link').textContent()).toContain(
      'https://id.gs1.org/01/09506000134352/10/LOT42/21/SN0001',
    );

    await page.getByTestId('label-name-zh').fill('一次性使用无菌注射器');
    await page.getByTestId('label-name-en').fill('Sterile single-use syringe, 5 ml');
    await page.getByTestId('label-model').fill('SY-5ML-LL');
    await page.getByTestId('label-manufacturer-name').fill('苏州示例医疗器械有限公司');
    await page
      .getByTestId('label-manufacturer-address')
      .fill('江苏省苏州市工业园区星湖街 218 号\nSuzhou, Jiangsu, China');
    const [pdf] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/udi/labels/device')),
      page.getByTestId('label-submit').click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    const preview = page.getByTestId('label-preview');
    await preview.waitFor();
    const src = await preview.getAttribute('src');
    expect(src).toMatch(/^blob:/);
    // What the frame shows is the PDF the server made.
    const shown = await page.evaluate(async (url) => {
      const blob = await (await fetch(url)).blob();
      return { type: blob.type, head: await blob.slice(0, 5).text() };
    }, src ?? '');
    expect(shown).toEqual({ type: 'application/pdf', head: '%PDF-' });
    expect(await page.getByTestId('label-download').getAttribute('download')).toBe(
      'udi-label-09506000134352-LOT42-SN0001.pdf',
    );
    await pdfViewerLoaded(page);
    await scrollToTop(page);
    await snap(page, 'udi-label-en');
    await page.context().close();
  });
});

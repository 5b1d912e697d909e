import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  chooseOption,
  rowWith,
  signIn,
  snap,
  switchLanguage,
  waitForTitle,
} from './support/app.ts';
import { useE2eBrowser } from './support/session.ts';

const open = useE2eBrowser();

/** GS1's group separator: what a scanner sends after a variable-length value (FNC1). */
const GS = '\u001d';
/** A supplier label as a handheld scanner types it: the GS1-128 symbology identifier, then the data. */
const LABEL = `]C1010950600013435217271231` + `10KH-E2E-0001${GS}30200`;
/** The same product, a second lot, more than the line may still receive. */
const LABEL_TOO_MUCH = `]C1010950600013435217271231` + `10KH-E2E-0002${GS}30400`;

/** The app's content scrolls inside its pane; back to the top before a screenshot. */
async function scrollToTop(page: Page): Promise<void> {
  await page.locator('.app-content').evaluate((pane) => pane.scrollTo(0, 0));
}

/** Types a date into an antd DatePicker (found by its test id) and confirms it. */
async function pickDate(page: Page, picker: Locator, date: string): Promise<void> {
  const input = picker
    .locator('input')
    .or(picker.and(page.locator('input')))
    .first();
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Scans a label into the receiving scan box (focused), as a keyboard-wedge scanner does. */
async function scanLabel(page: Page, label: string): Promise<void> {
  const scan = page.getByTestId('receiving-scan');
  expect(await scan.evaluate((el) => el === document.activeElement)).toBe(true);
  const [parsed] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/receipts/parse')),
    page.keyboard.type(label).then(() => page.keyboard.press('Enter')),
  ]);
  expect(parsed.status()).toBe(200);
  await page.getByTestId('receiving-preview').waitFor();
}

describe('purchasing and receiving', () => {
  it('orders an approved item, receives a scanned supplier lot into quarantine with its inspection, refuses an over-receipt', async () => {
    const page = await open('en');
    await signIn(page, 'purchasing');
    await page.getByTestId('nav-purchaseOrders').click();
    await waitForTitle(page, 'Purchase orders');
    await page.getByTestId('purchase-orders-table').waitFor();

    // A new order: an item the supplier is not approved for is refused with the translated problem.
    await page.getByTestId('new-purchase-order').click();
    const form = page.getByTestId('po-form');
    await form.waitFor();
    await chooseOption(page, form.getByTestId('po-supplier'), 'SUP-001', 'SUP-001');
    await form.getByTestId('po-approved-items').getByText('CP-TUBE-01').waitFor();
    const line = form.getByTestId('po-line-0');
    await chooseOption(page, line.getByTestId('po-line-item'), 'CP-NEEDLE-01', 'CP-NEEDLE-01');
    expect(await line.getByTestId('po-line-unit').inputValue()).toBe('pcs');
    await line.getByTestId('po-line-quantity').fill('500');
    await pickDate(page, line.getByTestId('po-line-due'), isoDay(7));
    await page.getByTestId('po-form-submit').click();
    const refused = page.locator(
      '[data-testid="problem-alert"][data-code="SUPPLIER_NOT_APPROVED_FOR_ITEM"]',
    );
    await refused
      .getByText('The supplier is not on the approved-supplier list for this item.')
      .waitFor();
    await snap(page, 'purchase-order-refused-en');

    await chooseOption(page, line.getByTestId('po-line-item'), 'CP-TUBE-01', 'CP-TUBE-01');
    expect(await line.getByTestId('po-line-unit').inputValue()).toBe('m');
    await form.getByTestId('po-supplierReference').fill('KH-SO-2026-118');
    await page.getByTestId('po-form-submit').click();
    await page.waitForURL(/\/purchase-orders\/[0-9a-f-]{36}$/);
    await waitForTitle(page, '· Jiangsu Kanghong Medical Materials');
    const header = page.locator('.page-header');
    await header.locator('[data-testid="po-status"][data-status="draft"]').waitFor();
    const title = (await page.getByTestId('page-title').textContent()) ?? '';
    const code = /PO-\d+/.exec(title)?.[0] ?? '';
    expect(code).toMatch(/^PO-\d+$/);

    // Placed, it opens for receiving; the history shows both steps.
    await page.getByTestId('po-action-place').click();
    await page.getByTestId('po-place-submit').click();
    await header.locator('[data-testid="po-status"][data-status="open"]').waitFor();
    await page
      .getByTestId('history-panel')
      .locator('[data-testid="history-action"][data-action="purchase_order.placed"]')
      .getByText('Purchase order placed')
      .waitFor();

    // "Receive" on the line opens receiving for that line, the scan box ready for the scanner.
    await page.getByTestId('receive-line-1').click();
    await page.waitForURL(/\/receiving\?/);
    await waitForTitle(page, 'Receiving');
    await page.getByTestId('receiving-po-chosen').getByText(code).waitFor();
    await page.getByTestId('receiving-scan').waitFor();
    await scanLabel(page, LABEL);
    const preview = page.getByTestId('receiving-preview');
    expect(await preview.getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('preview-lot').textContent()).toBe('KH-E2E-0001');
    expect(await page.getByTestId('preview-expiry').getAttribute('data-iso')).toBe('2027-12-31');
    expect(await page.getByTestId('preview-quantity').textContent()).toBe('200 m');
    expect(
      await page
        .locator(
          'input[data-testid="receiving-quantity"], [data-testid="receiving-quantity"] input',
        )
        .first()
        .inputValue(),
    ).toBe('200');
    await page.getByTestId('preview-ready').waitFor();
    await scrollToTop(page);
    await snap(page, 'receiving-preview-en');

    // The scanner's next Enter (on the focused button) receives; a new Lotline lot waits in quarantine.
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'receiving-submit',
    );
    const [received] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/api/receipts') && r.request().method() === 'POST',
      ),
      page.keyboard.press('Enter'),
    ]);
    expect(received.status()).toBe(201);
    const result = page.getByTestId('receiving-result');
    await result.waitFor();
    const lot = result.getByTestId('receiving-result-lot');
    expect(await lot.textContent()).toMatch(/^LOT-\d{6}-\d{4}$/);
    expect(await lot.getAttribute('href')).toMatch(/^\/lots\/[0-9a-f-]{36}$/);
    await result
      .locator('[data-testid="receiving-result-status"][data-status="quarantined"]')
      .waitFor();
    const inspection = result.getByTestId('receiving-result-inspection');
    expect(await inspection.getAttribute('href')).toMatch(/^\/inspections\/[0-9a-f-]{36}$/);
    expect(await inspection.textContent()).toMatch(/^Inspection \S+ opened, sample size \d+$/);
    const lotCode = (await lot.textContent()) ?? '';
    // Ready for the next label.
    expect(
      await page.getByTestId('receiving-scan').evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await scrollToTop(page);
    await snap(page, 'receiving-received-en');

    // 200 of 500 in, 300 open: 400 more is beyond the 10 % tolerance.
    await scanLabel(page, LABEL_TOO_MUCH);
    expect(await preview.getAttribute('data-ok')).toBe('false');
    await page
      .locator('[data-testid="preview-problem"][data-code="RECEIPT_OVER_TOLERANCE"]')
      .getByText(
        'This quantity would exceed the ordered quantity beyond the allowed over-delivery tolerance.',
      )
      .waitFor();
    await page.getByTestId('receiving-submit').click();
    await page
      .locator('[data-testid="problem-alert"][data-code="RECEIPT_OVER_TOLERANCE"]')
      .waitFor();
    await switchLanguage(page, '中文');
    await waitForTitle(page, '收货');
    await page
      .locator('[data-testid="problem-alert"][data-code="RECEIPT_OVER_TOLERANCE"]')
      .getByText('该数量将超出订购数量及允许的超收容差。')
      .waitFor();
    await scrollToTop(page);
    await snap(page, 'receiving-over-tolerance-zh-CN');
    await switchLanguage(page, 'English');

    // The order shows the line's progress, the receipt with its lot and inspection.
    await page.goto(`/purchase-orders?q=${code}`);
    await page.getByTestId(`po-link-${code}`).click();
    await page
      .locator('.page-header [data-testid="po-status"][data-status="partially_received"]')
      .waitFor();
    expect(await page.getByTestId('line-received').first().textContent()).toBe('200 m');
    expect(await page.getByTestId('line-open').first().textContent()).toBe('300 m');
    await rowWith(page.getByTestId('po-receipts-table'), lotCode)
      .getByText('KH-E2E-0001')
      .waitFor();
    await snap(page, 'purchase-order-detail-en');

    // The supplier scorecard counts the delivery.
    await page.getByTestId('nav-scorecard').click();
    await waitForTitle(page, 'Supplier scorecard');
    const row = rowWith(page.getByTestId('scorecard-table'), 'SUP-001');
    await row.waitFor();
    expect(await row.getByTestId('scorecard-supplier-SUP-001').getAttribute('href')).toMatch(
      /^\/suppliers\/[0-9a-f-]{36}$/,
    );
    await snap(page, 'supplier-scorecard-en');
    await page.context().close();
  });

  it('shows the purchasing screens in Chinese', async () => {
    const page = await open('zh-CN');
    await signIn(page, 'purchasing');
    await page.goto('/purchase-orders');
    await waitForTitle(page, '采购订单');
    await page
      .getByTestId('purchase-orders-table')
      .locator('tbody tr.ant-table-row')
      .first()
      .waitFor();
    await snap(page, 'purchase-orders-zh-CN');

    await page.goto('/supplier-scorecard');
    await waitForTitle(page, '供应商绩效');
    await rowWith(page.getByTestId('scorecard-table'), 'SUP-001').waitFor();
    await snap(page, 'supplier-scorecard-zh-CN');

    await page.goto('/receiving');
    await waitForTitle(page, '收货');
    await page.getByTestId('receiving-po-list').waitFor();
    await snap(page, 'receiving-start-zh-CN');
    await page.context().close();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Inspection, InspectionCharacteristic } from '../../src/shared/inspection.contract.ts';
import type { ListResult } from '../../src/shared/list.ts';
import type { PurchaseOrder } from '../../src/shared/purchasing.contract.ts';
import { signIn, signOut, snap, switchLanguage, waitForTitle } from './support/app.ts';
import { useE2eBrowser } from './support/session.ts';

const open = useE2eBrowser();

/** GS1 check digit of a GTIN body (mod 10, weights 3 and 1 from the right). */
function gs1CheckDigit(body: string): string {
  let sum = 0;
  [...body].reverse().forEach((digit, index) => {
    sum += Number(digit) * (index % 2 === 0 ? 3 : 1);
  });
  return String((10 - (sum % 10)) % 10);
}

/** YYMMDD of the day `days` from today (UTC). */
function yymmdd(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(2, 10).replaceAll('-', '');
}

/**
 * The supplier's GS1-128 label as a handheld scanner types it: symbology
 * identifier, GTIN (01), production date (11), expiry (17), lot (10), then the
 * group separator (sent as ^ by keyboard-wedge scanners) and the quantity (30).
 */
function supplierLabel(lot: string, quantity: number): string {
  const body = '0697123450001';
  return `]C101${body}${gs1CheckDigit(body)}11${yymmdd(-20)}17${yymmdd(900)}10${lot}^30${quantity}`;
}

/** An open purchase order with a line for the item, through the API with the page's session. */
async function receivableOrder(page: Page, itemCode: string): Promise<PurchaseOrder> {
  const response = await page.request.get('/api/purchase-orders?receivable=true&limit=50');
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as ListResult<PurchaseOrder>;
  const order = items.find((o) => o.lines.some((line) => line.item.code === itemCode));
  if (!order) throw new Error(`The demo data has no open purchase order for ${itemCode}`);
  return order;
}

/** Writes through the API with the page's session (the CSRF token comes from /api/auth/me). */
async function apiPost<T>(page: Page, path: string, data: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const response = await page.request.post(path, {
    data,
    headers: { 'x-csrf-token': me.csrfToken },
  });
  const body = (await response.json()) as T;
  if (!response.ok()) throw new Error(`POST ${path}: ${response.status()} ${JSON.stringify(body)}`);
  return body;
}

const NEEDLE = 'CP-NEEDLE-01';

/**
 * The demo data gives the needle an active default plan; should it not, QA
 * makes one, so a received lot always opens an inspection.
 */
async function ensureNeedlePlan(page: Page): Promise<void> {
  const items = (await (await page.request.get(`/api/items?q=${NEEDLE}`)).json()) as ListResult<{
    id: string;
    code: string;
  }>;
  const item = items.items.find((i) => i.code === NEEDLE);
  if (!item) throw new Error(`The demo data has no item ${NEEDLE}`);
  const plans = (await (
    await page.request.get(`/api/inspection-plans?itemId=${item.id}&status=active`)
  ).json()) as ListResult<{ isDefault: boolean }>;
  if (plans.items.some((plan) => plan.isDefault)) return;
  const plan = await apiPost<{ id: string }>(page, '/api/inspection-plans', {
    itemId: item.id,
    name: 'IV needle incoming inspection',
    isDefault: true,
    characteristics: [
      {
        name: 'Outer diameter',
        kind: 'measured',
        lowerLimit: '0.70',
        nominal: '0.72',
        upperLimit: '0.74',
        unit: 'mm',
        inspectionLevel: 'S-3',
        aql: '1.0',
      },
      { name: 'Tip and bevel, visual', kind: 'attribute', inspectionLevel: 'S-2', aql: '2.5' },
    ],
  });
  await apiPost(page, `/api/inspection-plans/${plan.id}/activate`, { reason: 'Browser test' });
}

async function inspectionOf(page: Page, id: string): Promise<Inspection> {
  const response = await page.request.get(`/api/inspections/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Inspection;
}

/** A value inside the characteristic's limits (its nominal when it has one). */
function goodValue(c: InspectionCharacteristic): string {
  if (c.nominal !== null) return c.nominal;
  return c.lowerLimit ?? c.upperLimit ?? '1';
}

/** A value outside the limits. */
function badValue(c: InspectionCharacteristic): string {
  if (c.upperLimit !== null) return String(Number(c.upperLimit) + 1);
  return String(Number(c.lowerLimit ?? '0') - 1);
}

/** Enters every sample unit's result: all conforming, except `failing` units of the first characteristic. */
async function enterResults(page: Page, inspection: Inspection, failing = 0): Promise<void> {
  for (const [index, c] of inspection.characteristics.entries()) {
    const card = page.getByTestId(`characteristic-${c.seq}`);
    await card.waitFor();
    const bad = index === 0 ? failing : 0;
    if (c.kind === 'measured') {
      for (let unit = 1; unit <= c.sampleSize; unit++) {
        await page
          .getByTestId(`value-${c.seq}-${unit}`)
          .fill(unit <= bad ? badValue(c) : goodValue(c));
      }
    } else {
      for (let unit = 1; unit <= bad; unit++) {
        // Not recorded → pass → fail.
        await page.getByTestId(`attr-${c.seq}-${unit}`).click();
        await page.getByTestId(`attr-${c.seq}-${unit}`).click();
      }
      await page.getByTestId(`all-pass-${c.seq}`).click();
    }
  }
}

/**
 * A lab system's results file: every sample unit, conforming except `failing`
 * units of the first characteristic; `withBadRow` adds a unit beyond the sample.
 */
function resultsCsv(inspection: Inspection, failing: number, withBadRow = false): string {
  const rows = ['characteristic,unit,value,passed,note'];
  for (const [index, c] of inspection.characteristics.entries()) {
    for (let unit = 1; unit <= c.sampleSize; unit++) {
      const bad = index === 0 && unit <= failing;
      rows.push(
        c.kind === 'measured'
          ? `${c.seq},${unit},${bad ? badValue(c) : goodValue(c)},,`
          : `${c.seq},${unit},,${bad ? 'fail' : 'pass'},`,
      );
    }
  }
  const first = inspection.characteristics[0];
  if (withBadRow && first) {
    rows.push(
      `${first.seq},${first.sampleSize + 1},${first.kind === 'measured' ? goodValue(first) : ''},${first.kind === 'measured' ? '' : 'pass'},`,
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** Chooses a CSV file in the import dialog. */
async function chooseCsv(page: Page, name: string, text: string): Promise<void> {
  await page
    .getByTestId('results-csv-dialog')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByTestId('results-csv-file-name').filter({ hasText: name }).waitFor();
}

describe('incoming inspection', () => {
  it('receives a supplier lot by scanning its label, inspects it and releases it with a QA signature', async () => {
    const page = await open('en');
    await signIn(page, 'qa_manager');
    await ensureNeedlePlan(page);
    await signOut(page);
    await signIn(page, 'warehouse');
    const order = await receivableOrder(page, NEEDLE);

    // Receiving is scan-driven: the PO number, then the supplier's label, each ended by Enter.
    await page.goto('/receiving');
    await page.getByTestId('receiving-po-code').click();
    await page.keyboard.type(order.code);
    await page.keyboard.press('Enter');
    await page.getByTestId('receiving-form').waitFor();
    await page.getByTestId('receiving-scan').click();
    await page.keyboard.type(supplierLabel('JN2611-E2E1', 500));
    await page.keyboard.press('Enter');
    await page.getByTestId('preview-ready').waitFor();
    await expect.poll(() => page.getByTestId('preview-lot').textContent()).toBe('JN2611-E2E1');
    await page.getByTestId('receiving-submit').click();
    const result = page.getByTestId('receiving-result');
    await result.waitFor();
    const inspectionLink = result.getByTestId('receiving-result-inspection');
    const href = await inspectionLink.getAttribute('href');
    expect(href).toMatch(/^\/inspections\/[0-9a-f-]{36}$/);
    const lotCode = (await result.getByTestId('receiving-result-lot').first().textContent()) ?? '';
    await snap(page, 'inspection-receiving-en');
    await signOut(page);

    // QA opens the inspection the receipt created: the lot waits in quarantine.
    await signIn(page, 'qa_manager');
    await page.getByTestId('nav-inspections').click();
    await waitForTitle(page, 'Inspections');
    await page
      .getByTestId('inspections-table')
      .getByText(lotCode, { exact: true })
      .first()
      .waitFor();
    await page.goto(href ?? '');
    await waitForTitle(page, lotCode);
    const inspection = await inspectionOf(page, href?.split('/').pop() ?? '');
    expect(inspection.status).toBe('open');
    await page
      .getByTestId('inspection-lot-status')
      .and(page.locator('[data-status="quarantined"]'))
      .waitFor();
    expect(await page.getByTestId('inspection-lot-size').textContent()).toContain('500');
    expect(await page.getByTestId('inspection-sample-size').textContent()).toBe(
      String(inspection.sampleSize),
    );
    // Accepting needs every result first.
    expect(await page.getByTestId('decision-accept').isDisabled()).toBe(true);

    // A measured value outside the limits shows at once; corrected, it passes.
    const measured = inspection.characteristics.find((c) => c.kind === 'measured');
    if (measured) {
      const field = page.getByTestId(`value-${measured.seq}-1`);
      await field.fill(badValue(measured));
      await expect.poll(() => field.getAttribute('data-check')).toBe('outside');
      await field.fill(goodValue(measured));
      await expect.poll(() => field.getAttribute('data-check')).toBe('within');
    }
    await enterResults(page, inspection);
    for (const c of inspection.characteristics) {
      await page
        .getByTestId(`characteristic-${c.seq}`)
        .and(page.locator('[data-verdict="accept"]'))
        .waitFor();
    }
    await snap(page, 'inspection-results-en');
    await page.getByTestId('results-save').click();
    await page.getByTestId('results-unsaved').waitFor({ state: 'detached' });
    await page.locator('[data-testid="inspection-verdict"][data-verdict="accept"]').waitFor();

    // Changing a saved result is a correction: it needs a reason (the earlier entry is kept).
    if (measured && measured.lowerLimit !== null && measured.lowerLimit !== goodValue(measured)) {
      await page.getByTestId(`value-${measured.seq}-1`).fill(measured.lowerLimit);
      await page.getByTestId('results-save').click();
      const correction = page.getByTestId('results-correction-modal');
      await correction.waitFor();
      await snap(page, 'inspection-correction-en');
      await correction.getByTestId('reason').fill('Re-measured with a zeroed gauge');
      await page.getByTestId('results-correction-modal-submit').click();
      await page.getByTestId('results-unsaved').waitFor({ state: 'detached' });
      await page.locator('[data-testid="inspection-verdict"][data-verdict="accept"]').waitFor();
    }

    // Accept: the QA manager signs with the meaning "released".
    await page.getByTestId('decision-accept').click();
    const dialog = page.getByTestId('signature-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('signature-title').textContent()).toContain(lotCode);
    await page.getByTestId('signature-password').fill('Lotline-Demo-2026');
    await snap(page, 'inspection-accept-signature-en');
    await page.getByTestId('signature-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('decision-card').waitFor();
    await page
      .locator('[data-testid="inspection-decision"][data-decision="accept"]')
      .first()
      .waitFor();
    await page
      .getByTestId('decision-lot-status')
      .and(page.locator('[data-status="released"]'))
      .waitFor();
    await page
      .getByTestId('inspection-signatures')
      .getByTestId('signature-signer')
      .first()
      .waitFor();
    await page
      .locator('[data-testid="history-action"][data-action="inspection.accepted"]')
      .first()
      .waitFor();
    await snap(page, 'inspection-accepted-en');

    // The lot's own page says released.
    await page.getByTestId('inspection-lot-link').click();
    await page.waitForURL(/\/lots\/[0-9a-f-]{36}$/);
    await page
      .getByTestId('page-title')
      .locator('..')
      .locator('[data-testid="lot-status"][data-status="released"]')
      .waitFor();
    await snap(page, 'inspection-lot-released-en');
  });

  it('rejects a lot on its results: the lot is rejected and a nonconformance record opens (zh-CN)', async () => {
    const page = await open('zh-CN');
    await signIn(page, 'qa_manager');
    await ensureNeedlePlan(page);
    await signOut(page);
    // A lot received by the warehouse (through the API: the scan is the first test's).
    await signIn(page, 'warehouse');
    const order = await receivableOrder(page, NEEDLE);
    const line = order.lines.find((l) => l.item.code === NEEDLE);
    const receipt = await apiPost<{ inspections: { id: string; code: string }[] }>(
      page,
      '/api/receipts',
      {
        purchaseOrderLineId: line?.id,
        scan: supplierLabel('JN2611-E2E2', 300).replace('^', '\u001d'),
      },
    );
    const opened = receipt.inspections[0];
    if (!opened) throw new Error('Receiving the needle lot opened no inspection');
    await signOut(page);

    await signIn(page, 'qa_manager');
    await page.getByTestId('nav-inspections').click();
    await waitForTitle(page, '检验');
    // Open inspections come first.
    const link = page.getByTestId(`inspection-link-${opened.code}`);
    await link.waitFor();
    await snap(page, 'inspections-zh-CN');
    await link.click();
    await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
    const inspection = await inspectionOf(page, opened.id);
    expect(inspection.status).toBe('open');
    const firstChar = inspection.characteristics[0];
    if (!firstChar) throw new Error('The inspection has no characteristic');

    // The lab's results arrive as CSV: enough nonconforming units of the first
    // characteristic to reach its reject number. The check reports a bad row first.
    const badCsv = resultsCsv(inspection, firstChar.rejectionNumber, true);
    await page.getByTestId('results-import').click();
    const importDialog = page.getByTestId('results-csv-dialog');
    await importDialog.waitFor();
    await chooseCsv(page, 'lims-results.csv', badCsv);
    await page.getByTestId('results-csv-check').click();
    const report = page.getByTestId('results-csv-report');
    await report.and(page.locator('[data-outcome="checked"]')).waitFor();
    await page
      .getByTestId('results-csv-errors')
      .locator('tbody tr.ant-table-row')
      .first()
      .waitFor();
    await snap(page, 'inspection-csv-check-zh-CN');
    await chooseCsv(page, 'lims-results.csv', resultsCsv(inspection, firstChar.rejectionNumber));
    await page.getByTestId('results-csv-check').click();
    await page.getByTestId('results-csv-errors').waitFor({ state: 'detached' });
    await page.getByTestId('results-csv-run').click();
    await report.and(page.locator('[data-outcome="imported"]')).waitFor();
    await page.getByTestId('results-csv-close').click();
    await importDialog.waitFor({ state: 'detached' });
    await page
      .getByTestId(`characteristic-${firstChar.seq}`)
      .and(page.locator('[data-verdict="reject"]'))
      .waitFor();
    await page.locator('[data-testid="inspection-verdict"][data-verdict="reject"]').waitFor();
    expect(await page.getByTestId('decision-accept').isDisabled()).toBe(true);
    await snap(page, 'inspection-results-reject-zh-CN');

    await page.getByTestId('decision-reject').click();
    const dialog = page.getByTestId('signature-dialog');
    await dialog.waitFor();
    await page.getByTestId('signature-reason').fill('外径超出规格上限，样本中不合格数达到拒收数');
    await page.getByTestId('signature-password').fill('Lotline-Demo-2026');
    await snap(page, 'inspection-reject-signature-zh-CN');
    await page.getByTestId('signature-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByTestId('decision-lot-status')
      .and(page.locator('[data-status="rejected"]'))
      .waitFor();
    const ncrLink = page.getByTestId('decision-ncr-link');
    await ncrLink.waitFor();
    const ncrCode = (await ncrLink.textContent()) ?? '';
    expect(ncrCode).toMatch(/^NCR-\d{4}$/);
    await snap(page, 'inspection-rejected-zh-CN');

    // The nonconformance record names the rejected lot and the inspection.
    await ncrLink.click();
    await waitForTitle(page, '不合格记录');
    const drawer = page.getByTestId('ncr-drawer');
    await drawer.getByTestId('ncr-code').filter({ hasText: ncrCode }).waitFor();
    await drawer.getByTestId('ncr-lot-link').filter({ hasText: inspection.lot.code }).waitFor();
    await drawer
      .getByTestId('ncr-lot-status')
      .and(page.locator('[data-status="rejected"]'))
      .waitFor();
    expect(await drawer.getByTestId('ncr-description').textContent()).toContain('外径超出规格上限');
    await snap(page, 'nonconformance-zh-CN');
  });

  it('shows inspection plans with the sampling calculator, and the item’s default plan', async () => {
    const page = await open('en');
    await signIn(page, 'qa_manager');
    await page.getByTestId('nav-inspectionPlans').click();
    await waitForTitle(page, 'Inspection plans');
    await page.locator('[data-testid^="plan-link-"]').first().waitFor();
    // ISO 2859-1: 500 units at level II is code letter H, n = 50; AQL 1.0 normal gives Ac 1, Re 2.
    await page
      .locator('[data-testid="sampling-lot-size"] input, input[data-testid="sampling-lot-size"]')
      .fill('500');
    await expect.poll(() => page.getByTestId('sampling-code-letter').textContent()).toBe('H');
    expect(await page.getByTestId('sampling-sample-size').textContent()).toBe('50');
    expect(await page.getByTestId('sampling-ac').textContent()).toBe('1');
    expect(await page.getByTestId('sampling-re').textContent()).toBe('2');
    await snap(page, 'inspection-plans-en');
    await switchLanguage(page, '中文');
    await waitForTitle(page, '检验方案');
    await snap(page, 'inspection-plans-zh-CN');
    await switchLanguage(page, 'English');

    // The plan's drawer, and from the item's page back to it.
    await page.locator('[data-testid^="plan-link-"]').first().click();
    const drawer = page.getByTestId('plan-drawer');
    await drawer.getByTestId('plan-characteristics').waitFor();
    await snap(page, 'inspection-plan-drawer-en');
    const planCode = (await drawer.getByTestId('plan-code').textContent()) ?? '';
    const planStatus = await drawer.getByTestId('plan-status').first().getAttribute('data-status');
    const itemLink = drawer.locator('a[href^="/items/"]').first();
    await itemLink.click();
    await page.waitForURL(/\/items\/[0-9a-f-]{36}$/);
    const section = page.getByTestId('item-inspection-plan');
    await section.waitFor();
    if (planStatus === 'active') {
      await section.getByTestId('item-plan-link').filter({ hasText: planCode }).waitFor();
    }
    await snap(page, 'inspection-item-plan-en');
  });
});

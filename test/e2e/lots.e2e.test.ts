import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LotDetail, LotListItem } from '../../src/shared/lots.contract.ts';
import { DEMO_PASSWORD, chooseOption, rowWith, signIn, snap, waitForTitle } from './support/app.ts';
import { useE2eBrowser } from './support/session.ts';

const open = useE2eBrowser();

/** Lots of the demo data in stock, found through the API with the signed-in session. */
async function findLots(page: Page, query: string): Promise<LotListItem[]> {
  const response = await page.request.get(`/api/lots?${query}&inStock=true&limit=50`);
  expect(response.status()).toBe(200);
  const list = (await response.json()) as { items: LotListItem[] };
  return list.items.filter((candidate) => candidate.kind === 'lot');
}

async function lotDetail(page: Page, id: string): Promise<LotDetail> {
  const response = await page.request.get(`/api/lots/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as LotDetail;
}

async function signWith(page: Page, reason?: string): Promise<void> {
  const dialog = page.getByTestId('signature-dialog');
  await dialog.waitFor();
  if (reason !== undefined) await dialog.getByTestId('signature-reason').fill(reason);
  await dialog.getByTestId('signature-password').fill(DEMO_PASSWORD);
}

async function openLotByScan(page: Page, code: string): Promise<void> {
  await page.goto('/lots');
  await page.getByTestId('lots-table').locator('tbody tr.ant-table-row').first().waitFor();
  const scan = page.getByTestId('lot-scan');
  await scan.click();
  // A handheld scanner types the code, then presses Enter.
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/lots\/[0-9a-f-]{36}$/);
  await page.getByTestId('lot-code').filter({ hasText: code }).waitFor();
}

async function status(page: Page, expected: string): Promise<void> {
  await page
    .getByTestId('page-title')
    .locator('..')
    .locator(`[data-testid="lot-status"][data-status="${expected}"]`)
    .waitFor();
}

describe('lots and stock', () => {
  it('lets QA hold a lot, lift the hold with a signature, transfer stock and see it by location', async () => {
    const page = await open('en');
    await signIn(page, 'qa_manager');
    await page.getByTestId('nav-lots').click();
    await waitForTitle(page, 'Lots and serials');
    const table = page.getByTestId('lots-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    // The demo data has lots in every quality status, each with its tag.
    for (const value of ['quarantined', 'released', 'on_hold', 'rejected', 'recalled', 'expired']) {
      await table.locator(`[data-testid="lot-status"][data-status="${value}"]`).first().waitFor();
    }
    await snap(page, 'lots-list-en');

    // Filters live in the address bar.
    await chooseOption(page, page.getByTestId('lots-filter-status'), 'Quarantined');
    await page.waitForURL((url) => url.searchParams.get('status') === 'quarantined');
    await expect
      .poll(() =>
        table.locator('[data-testid="lot-status"]:not([data-status="quarantined"])').count(),
      )
      .toBe(0);
    await table.locator('[data-testid="lot-status"][data-status="quarantined"]').first().waitFor();

    const released = await findLots(page, 'status=released');
    const quarantined = await findLots(page, 'status=quarantined');
    const fromReceipt = (lots: LotListItem[]) => lots.find((l) => l.source?.type === 'receipt');
    const chosen = fromReceipt(released) ?? fromReceipt(quarantined);
    if (!chosen) throw new Error('The demo data has no lot in stock');
    await openLotByScan(page, chosen.code);
    if (chosen.qualityStatus === 'quarantined') {
      // No released lot in the demo data: QA releases one first, signed.
      await page.getByTestId('lot-action-release').click();
      await signWith(page);
      await page.getByTestId('signature-submit').click();
      await page.getByTestId('signature-dialog').waitFor({ state: 'detached' });
    }
    await status(page, 'released');
    // Where it came from: the receipt and its purchase order.
    await page.getByTestId('lot-origin').getByTestId('lot-purchase-order').waitFor();
    const lot = await lotDetail(page, chosen.id);
    const place = lot.quantitiesByLocation.find((p) => Number(p.quantity) >= 1);
    if (!place) throw new Error(`Lot ${lot.code} has no stock`);
    await rowWith(page.getByTestId('lot-quantities'), place.locationCode).first().waitFor();

    // Hold, with a reason.
    await page.getByTestId('lot-action-hold').click();
    const hold = page.getByTestId('lot-hold');
    await hold.waitFor();
    await hold.getByTestId('reason').fill('Customer complaint CC-2026-017 under investigation');
    await page.getByTestId('lot-hold-submit').click();
    await hold.waitFor({ state: 'detached' });
    await status(page, 'on_hold');
    await page.getByTestId('lot-hold-banner').getByText('CC-2026-017').waitFor();

    // Lifting the hold needs QA's signature.
    await page.getByTestId('lot-action-release-hold').click();
    await signWith(page, 'Investigation closed: not lot related');
    const dialog = page.getByTestId('signature-dialog');
    await snap(page, 'lot-lift-hold-signature-en');
    await page.getByTestId('signature-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await status(page, 'released');
    await page.getByTestId('lot-signatures').getByTestId('signature-signer').first().waitFor();
    const history = page.getByTestId('lot-status-history');
    await history.locator('[data-testid="status-signature"]').first().waitFor();

    // Transfer one unit to another storage location.
    await page.getByTestId(`transfer-from-${place.locationCode}`).click();
    const transfer = page.getByTestId('lot-transfer');
    await transfer.waitFor();
    const target = place.locationCode === 'RM-A-02' ? 'RM-A-03' : 'RM-A-02';
    await chooseOption(page, transfer.getByTestId('transfer-to'), target, target);
    await transfer.getByTestId('transfer-quantity').fill('1');
    await transfer.getByTestId('reason').fill('Replenish the picking bin');
    await snap(page, 'lot-transfer-en');
    await page.getByTestId('lot-transfer-submit').click();
    await transfer.waitFor({ state: 'detached' });
    await rowWith(page.getByTestId('lot-quantities'), target).waitFor();
    await rowWith(page.getByTestId('lot-movements'), target)
      .locator('[data-testid="movement-type"][data-type="transfer"]')
      .waitFor();
    await snap(page, 'lot-detail-en');

    // Stock by location shows the lot in both places.
    await page.getByTestId('lot-open-stock').click();
    await waitForTitle(page, 'Stock by location');
    const stock = page.getByTestId('stock-table');
    await rowWith(stock, target).getByText(lot.code).waitFor();
    await rowWith(stock, place.locationCode).first().waitFor();
    await snap(page, 'stock-by-location-en');

    // A wrong transfer is corrected by a reversing movement, with its reason.
    const movements = page.getByTestId('stock-movements');
    await rowWith(movements, 'Replenish the picking bin').getByTestId('movement-reverse').click();
    const reverse = page.getByTestId('movement-reverse-modal');
    await reverse.getByTestId('reason').fill('Wrong bin');
    await page.getByTestId('movement-reverse-modal-submit').click();
    await reverse.waitFor({ state: 'detached' });
    await rowWith(movements, 'Replenish the picking bin')
      .getByTestId('movement-reversed')
      .waitFor();
    await rowWith(movements, 'Wrong bin').getByTestId('movement-reversal').waitFor();

    // FEFO: which released lots to pick for a quantity of the item.
    const fefo = page.getByTestId('fefo-card');
    await chooseOption(page, fefo.getByTestId('fefo-item'), lot.itemCode, lot.itemCode);
    await fefo.getByTestId('fefo-quantity').fill('1');
    await page.getByTestId('fefo-submit').click();
    await fefo.getByTestId('fefo-picks').getByText(lot.code).first().waitFor();
    await snap(page, 'stock-fefo-en');
  });

  it('holds every released lot of a supplier lot in one action', async () => {
    const page = await open('en');
    await signIn(page, 'qa_manager');
    const [lot] = (await findLots(page, 'status=released')).filter(
      (candidate) => candidate.supplierLot && candidate.supplierCode,
    );
    if (!lot?.supplierLot || !lot.supplierCode) throw new Error('No released supplier lot');
    await page.goto('/lots');
    await waitForTitle(page, 'Lots and serials');
    await page.getByTestId('lots-bulk-hold').click();
    const form = page.getByTestId('bulk-hold');
    await form.waitFor();
    await form.getByText('A supplier lot').click();
    await chooseOption(
      page,
      form.getByTestId('bulk-hold-supplier'),
      lot.supplierCode,
      lot.supplierCode,
    );
    await form.getByTestId('bulk-hold-supplier-lot').fill(lot.supplierLot);
    await form.getByTestId('reason').fill('Supplier notice SN-2026-04: possible contamination');
    await snap(page, 'lots-bulk-hold-en');
    await page.getByTestId('bulk-hold-submit').click();
    await form.waitFor({ state: 'detached' });
    const result = page.getByTestId('bulk-hold-result');
    await result.getByTestId('bulk-hold-held').getByText(lot.code, { exact: true }).waitFor();
    await snap(page, 'lots-bulk-hold-result-en');
    const after = await lotDetail(page, lot.id);
    expect(after.qualityStatus).toBe('on_hold');
  });

  it('refuses to move a quarantined lot into production, with the message in Chinese', async () => {
    const page = await open('zh-CN');
    await signIn(page, 'qa_manager');
    const [lot] = await findLots(page, 'status=quarantined');
    if (!lot) throw new Error('The demo data has no quarantined lot in stock');
    await openLotByScan(page, lot.code);
    await status(page, 'quarantined');
    await page.getByTestId('lot-action-transfer').click();
    const transfer = page.getByTestId('lot-transfer');
    await transfer.waitFor();
    const from = transfer.getByTestId('transfer-from');
    await from.click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .first()
      .click();
    await chooseOption(page, transfer.getByTestId('transfer-to'), 'LINE-IS', 'LINE-IS');
    await transfer.getByTestId('transfer-quantity').fill('1');
    await transfer.getByTestId('reason').fill('送生产线');
    await page.getByTestId('lot-transfer-submit').click();
    const problem = transfer.locator('[data-testid="problem-alert"][data-code="LOT_NOT_RELEASED"]');
    await problem.getByText('该批次尚未经质量部门放行，暂不能使用。').waitFor();
    await snap(page, 'lot-transfer-refused-zh');
    await page.getByTestId('lot-transfer-cancel').click();
    await status(page, 'quarantined');
    await snap(page, 'lot-detail-zh');

    await page.goto('/lots');
    await waitForTitle(page, '批次与序列号');
    await page.getByTestId('lots-table').locator('tbody tr.ant-table-row').first().waitFor();
    await snap(page, 'lots-list-zh');
    await page.goto('/stock');
    await waitForTitle(page, '库位库存');
    await page.getByTestId('stock-table').locator('tbody tr.ant-table-row').first().waitFor();
    await snap(page, 'stock-by-location-zh');
  });
});

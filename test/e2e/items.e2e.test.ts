import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  chooseOption,
  rowWith,
  snap,
  signIn,
  switchLanguage,
  waitForTitle,
} from './support/app.ts';
import { useE2eBrowser } from './support/session.ts';

const open = useE2eBrowser();

/** The GS1 check digit (mod 10, weights 3 and 1 from the right) that completes `digits`. */
function gs1CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    sum += Number(digits[i]) * ((digits.length - i) % 2 === 1 ? 3 : 1);
  }
  return String((10 - (sum % 10)) % 10);
}

/** A GTIN-14 of the (Chinese) company prefix 695555: packaging indicator + reference + check digit. */
function gtin(indicator: number, reference: string): string {
  const body = `${indicator}695555${reference}`;
  return body + gs1CheckDigit(body);
}

async function fill(form: Locator, values: Record<string, string>): Promise<void> {
  for (const [testId, value] of Object.entries(values)) {
    await form.getByTestId(testId).fill(value);
  }
}

/** Waits for the item detail screen of a newly created item. */
async function waitForItemPage(page: Page, code: string): Promise<string> {
  await page.waitForURL(/\/items\/[0-9a-f-]{36}$/);
  await page.getByTestId('item-code').filter({ hasText: code }).waitFor();
  return new URL(page.url()).pathname;
}

describe('items', () => {
  it('lets an engineer create a lot-tracked component and block it; the change is in its history', async () => {
    const page = await open('en');
    await signIn(page, 'engineer');
    await page.getByTestId('nav-items').click();
    await waitForTitle(page, 'Items');
    // The demo plant's items are listed.
    await rowWith(page.getByTestId('items-table'), 'FD-IS-20').waitFor();
    await snap(page, 'items-en');

    await page.getByTestId('new-item').click();
    const form = page.getByTestId('item-form');
    await form.waitFor();
    // Nothing is sent until the form is valid.
    await page.getByTestId('item-form-submit').click();
    await form.getByText('Enter the item code.').waitFor();
    await fill(form, { code: 'CP VALVE 07' });
    await form.getByText('Use letters, digits, dot, underscore and hyphen').waitFor();
    await fill(form, {
      code: 'CP-VALVE-07',
      nameZh: '单向阀',
      nameEn: 'Check valve',
      shelfLifeDays: '1825',
      tempMinC: '30',
      tempMaxC: '5',
      humidityMaxPct: '80',
    });
    await chooseOption(page, form.getByTestId('type'), 'Component');
    await form.getByText('The lower temperature must not be above the upper one.').waitFor();
    await fill(form, { tempMinC: '5', tempMaxC: '30' });
    await form.getByTestId('tempMaxC').blur();
    await form.getByText('The lower temperature must not be above the upper one.').waitFor({
      state: 'detached',
    });
    await fill(form, { reason: 'New check valve for the IS-300 line' });
    await snap(page, 'item-create-en');
    await page.getByTestId('item-form-submit').click();
    const itemPath = await waitForItemPage(page, 'CP-VALVE-07');
    await waitForTitle(page, 'CP-VALVE-07 · Check valve');
    expect(await page.getByTestId('item-storage').textContent()).toBe(
      '5 °C to 30 °C; Relative humidity at most 80 %',
    );
    expect(await page.getByTestId('item-shelfLife').textContent()).toBe('1825 days');
    // Tracked by lot unless chosen otherwise.
    expect(await page.getByTestId('item-details').getByTestId('item-tracking').textContent()).toBe(
      'By lot',
    );
    // Only finished devices have UDI-DI data.
    expect(await page.getByTestId('device-model').count()).toBe(0);

    // In the list, found by its code.
    await page.getByTestId('page-back').click();
    await page.getByTestId('items-search').locator('input').fill('VALVE');
    await page.getByTestId('items-search').locator('input').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'VALVE');
    const table = page.getByTestId('items-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
    await rowWith(table, 'CP-VALVE-07').waitFor();
    expect(await rowWith(table, 'CP-VALVE-07').getByTestId('item-tracking').textContent()).toBe(
      'By lot',
    );
    await page.getByTestId('item-link-CP-VALVE-07').click();
    await waitForTitle(page, 'CP-VALVE-07');

    // Edited with a reason: the code, type and tracking stay as they are.
    await page.getByTestId('item-action-edit').click();
    const edit = page.getByTestId('item-edit');
    await edit.getByTestId('humidityMaxPct').fill('60');
    await edit.getByTestId('reason').fill('Specification VS-07 rev. B');
    await snap(page, 'item-edit-en');
    await page.getByTestId('item-edit-submit').click();
    await page.getByTestId('item-storage').filter({ hasText: 'at most 60 %' }).waitFor();

    // Blocking needs a reason.
    await page.getByTestId('item-action-block').click();
    await page.getByTestId('item-status-change').getByText('can no longer be received').waitFor();
    await page.getByTestId('item-status-change-submit').click();
    await page.getByText('Enter the reason for the change.').waitFor();
    await page.getByTestId('reason').fill('Supplier quality alert SQA-2026-031');
    await snap(page, 'item-block-en');
    await page.getByTestId('item-status-change-submit').click();
    await page.getByTestId('item-status-change-submit').waitFor({ state: 'detached' });
    await page
      .getByTestId('item-details')
      .locator('[data-testid="item-status"][data-status="blocked"]')
      .waitFor();
    await page.getByTestId('item-status-note').waitFor();
    expect(await page.getByTestId('item-action-block').count()).toBe(0);
    await page.getByTestId('item-action-activate').waitFor();
    await page.context().close();

    // QA reads the item's history: who blocked it, when and why.
    const qa = await open('zh-CN');
    await signIn(qa, 'qa_manager');
    await qa.goto(itemPath);
    await waitForTitle(qa, 'CP-VALVE-07 · 单向阀');
    const history = qa.getByTestId('history-panel');
    const blocked = history.locator('tr', {
      has: qa.locator('[data-action="item.status_changed"]'),
    });
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain('Supplier quality alert SQA-2026-031');
    expect(await blocked.textContent()).toContain('变更物料状态');
    await history.locator('[data-action="item.created"]').waitFor();
    await history.locator('[data-action="item.updated"]').waitFor();
    // QA may read items but not change them: no actions offered.
    expect(await qa.getByTestId('item-actions').count()).toBe(0);
    await blocked.locator('.ant-table-row-expand-icon').click();
    await history.getByTestId('audit-after').filter({ hasText: 'blocked' }).waitFor();
    await history.scrollIntoViewIfNeeded();
    await snap(qa, 'item-detail-history-zh-CN');
    await qa.context().close();
  });

  it('sets up a finished device with its GTIN and a package level', async () => {
    const unit = gtin(0, '00301');
    const box = gtin(1, '00301');
    const page = await open('zh-CN');
    await signIn(page, 'engineer');
    await page.goto('/items');
    await waitForTitle(page, '物料');
    await snap(page, 'items-zh-CN');

    await page.getByTestId('new-item').click();
    const form = page.getByTestId('item-form');
    await fill(form, {
      code: 'FD-IS-30',
      nameZh: '一次性使用精密输液器',
      nameEn: 'Single-use precision infusion set',
      shelfLifeDays: '1095',
    });
    await chooseOption(page, form.getByTestId('type'), '成品器械');
    await page.getByTestId('item-form-device-note').waitFor();
    await snap(page, 'item-create-device-zh-CN');
    await page.getByTestId('item-form-submit').click();
    await waitForItemPage(page, 'FD-IS-30');
    await page.getByTestId('device-model-empty').waitFor();

    await page.getByTestId('device-model-add').click();
    const device = page.getByTestId('device-form');
    await device.waitFor();
    // A mistyped check digit is caught as it is typed, naming the right one.
    const wrong = unit.slice(0, -1) + String((Number(unit.slice(-1)) + 1) % 10);
    await fill(device, { primaryDi: wrong });
    await device.getByTestId('primaryDi').blur();
    await device.getByText(`校验位错误：最后一位应为 ${unit.slice(-1)}。`).waitFor();
    await fill(device, {
      primaryDi: unit,
      modelVersion: 'IS-300',
      brand: 'Lotline Medical',
      riskClass: 'III',
      gmdnCode: '47017',
      nmpaRegistration: '国械注准20263140301',
    });
    await device.getByTestId('sterile').click();
    await device.getByTestId('singleUse').click();
    // A lot-tracked device's label carries its lot number.
    await device.getByLabel('批号', { exact: true }).uncheck();
    await device.getByText('按批号追溯的器械，标签上必须包含批号。').waitFor();
    await device.getByLabel('批号', { exact: true }).check();

    await page.getByTestId('level-add').click();
    const level = device.getByTestId('package-level-1');
    await fill(level, { 'level-name': '中盒（25 套）', 'level-di': unit, 'level-quantity': '25' });
    await level.getByTestId('level-di').blur();
    await level.getByText('每个包装层级需要各自的器械标识。').waitFor();
    await fill(level, { 'level-di': box });
    await fill(device, { reason: '新产品 IS-300 上市' });
    await snap(page, 'item-device-form-zh-CN');
    await page.getByTestId('device-form-submit').click();
    await device.waitFor({ state: 'detached' });

    await page.getByTestId('device-model-details').waitFor();
    expect(await page.getByTestId('device-primaryDi').textContent()).toContain(unit);
    const levels = page.getByTestId('device-package-levels');
    const boxRow = rowWith(levels, box);
    await boxRow.waitFor();
    expect(await boxRow.textContent()).toContain('中盒（25 套）');
    expect(await boxRow.textContent()).toContain('25 × 最小销售单元');
    expect(
      await page
        .getByTestId('device-label-identifiers')
        .locator('[data-label-id="lot"]')
        .getAttribute('data-on'),
    ).toBe('true');
    await snap(page, 'item-device-zh-CN');
    await levels.scrollIntoViewIfNeeded();
    await snap(page, 'item-device-levels-zh-CN');

    await switchLanguage(page, 'English');
    await waitForTitle(page, 'FD-IS-30 · Single-use precision infusion set');
    await rowWith(levels, '25 × unit of use').waitFor();
    await snap(page, 'item-device-en');

    // The list shows the device's DI.
    await page.getByTestId('page-back').click();
    await chooseOption(page, page.getByTestId('items-filter-type'), 'Finished device');
    await page.waitForURL((url) => url.searchParams.get('type') === 'finished_device');
    await rowWith(page.getByTestId('items-table'), unit).waitFor();
    await page.context().close();
  });

  it('imports items from a CSV file: checked first, every bad row named, then all at once', async () => {
    const page = await open('en');
    await signIn(page, 'engineer');
    await page.goto('/items');
    await page.getByTestId('items-import').click();
    const dialog = page.getByTestId('items-import-dialog');
    await dialog.waitFor();
    const header =
      'code,name_zh,name_en,type,uom,tracking,shelf_life_days,storage_temp_min_c,storage_temp_max_c,storage_humidity_max_pct';
    const good = 'CP-ORING-01,O 形圈,O-ring 6 mm,component,pcs,lot,1825,5,30,80';
    const file = (rows: string[]) => ({
      name: 'items.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, ...rows].join('\n') + '\n'),
    });

    const bad = file([
      good,
      'CP-LUER-01,鲁尔锁接头,Luer lock,component,pcs,lot,,,,',
      'CP-SEAL-01,密封圈,Seal,gadget,pcs,lot,,,,',
    ]);
    await dialog.locator('input[type=file]').setInputFiles(bad);
    await dialog.getByTestId('items-import-file-name').filter({ hasText: 'items.csv' }).waitFor();
    await page.getByTestId('items-import-check').click();
    const report = page.getByTestId('items-import-report');
    await report.waitFor();
    expect(await page.getByTestId('items-import-row-count').textContent()).toBe('Rows read: 3');
    const errors = page.getByTestId('items-import-errors');
    await errors
      .locator('tr[data-row="3"]')
      .filter({ hasText: 'Another item already uses this code.' })
      .waitFor();
    await errors.locator('tr[data-row="4"]').filter({ hasText: 'type' }).waitFor();
    expect(await page.getByTestId('items-import-run').isDisabled()).toBe(true);
    await snap(page, 'items-import-check-en');

    // Closed, the dialog forgets the file; the same check in Chinese.
    await page.getByTestId('items-import-close').click();
    await dialog.waitFor({ state: 'detached' });
    await switchLanguage(page, '中文');
    await page.getByTestId('items-import').click();
    expect(await dialog.getByTestId('items-import-file-name').count()).toBe(0);
    await dialog.locator('input[type=file]').setInputFiles(bad);
    await page.getByTestId('items-import-check').click();
    await errors
      .locator('tr[data-row="3"]')
      .filter({ hasText: '该物料编码已被其他物料使用。' })
      .waitFor();
    await snap(page, 'items-import-check-zh-CN');
    await page.getByTestId('items-import-close').click();
    await dialog.waitFor({ state: 'detached' });
    await switchLanguage(page, 'English');
    await page.getByTestId('items-import').click();

    await dialog.locator('input[type=file]').setInputFiles(file([good]));
    await page.getByTestId('items-import-check').click();
    await report.filter({ hasText: 'Every row is valid' }).waitFor();
    await page.getByTestId('items-import-run').click();
    await page.locator('[data-testid="items-import-report"][data-outcome="imported"]').waitFor();
    expect(await page.getByTestId('items-import-report').textContent()).toContain(
      'Rows imported: 1',
    );
    await snap(page, 'items-import-done-en');
    await page.getByTestId('items-import-close').click();
    await rowWith(page.getByTestId('items-table'), 'CP-ORING-01').waitFor();

    // The export has the list's filters.
    await page.getByTestId('items-search').locator('input').fill('ORING');
    await page.getByTestId('items-search').locator('input').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === 'ORING');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('items-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^lotline-items-\d{4}-\d{2}-\d{2}\.csv$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('CP-ORING-01');
    await page.context().close();
  });
});

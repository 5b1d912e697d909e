import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  chooseOption,
  rowWith,
  signIn,
  snap,
  switchLanguage,
  waitForTitle,
} from './support/app.ts';
import { useE2eBrowser } from './support/session.ts';

const open = useE2eBrowser();

/** Fills fields by test id; for antd widgets that wrap their input (AutoComplete), the input inside. */
async function fill(scope: Locator, values: Record<string, string>): Promise<void> {
  for (const [testId, value] of Object.entries(values)) {
    const field = scope.getByTestId(testId);
    const inner = field.locator('input, textarea');
    await ((await inner.count()) > 0 ? inner.first() : field).fill(value);
  }
}

/** A calendar date `days` from today (UTC, as the server counts), YYYY-MM-DD. */
function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
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

/** A minimal but real PDF: the server checks the bytes against the declared type. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('master data', () => {
  it('lets purchasing set up a supplier and QA approve it with a signature; the status history shows it', async () => {
    const page = await open('en');
    await signIn(page, 'purchasing');
    await page.getByTestId('nav-suppliers').click();
    await waitForTitle(page, 'Suppliers');
    // The demo plant's suppliers, with their approval status.
    const table = page.getByTestId('suppliers-table');
    await rowWith(table, 'SUP-001').waitFor();
    await rowWith(table, 'SUP-007')
      .locator('[data-testid="supplier-status"][data-status="disqualified"]')
      .waitFor();
    // Certificates about to lapse are listed above the suppliers.
    await page.getByTestId('expiring-toggle').click();
    await rowWith(page.getByTestId('expiring-certificates-table'), 'SUP-002')
      .locator('[data-testid="certificate-status"][data-status="expiring"]')
      .waitFor();
    await snap(page, 'suppliers-en');
    // The list exports as CSV with its filters.
    await chooseOption(page, page.getByTestId('suppliers-filter-status'), 'Disqualified');
    await page.waitForURL((url) => url.searchParams.get('status') === 'disqualified');
    // The export takes the filters the list shows: wait until it shows them.
    await rowWith(table, 'SUP-001').waitFor({ state: 'detached' });
    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('suppliers-export').click(),
    ]);
    expect(exported.suggestedFilename()).toMatch(/^lotline-suppliers-\d{4}-\d{2}-\d{2}\.csv$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await exported.createReadStream()) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv).toContain('SUP-007');
    expect(csv).not.toContain('SUP-001');

    await page.getByTestId('new-supplier').click();
    const form = page.getByTestId('supplier-form');
    await form.waitFor();
    await page.getByTestId('supplier-form-submit').click();
    await form.getByText('Enter the code.').waitFor();
    await fill(form, {
      code: 'SUP-E2E-01',
      legalNameZh: '宁波东方医用导管',
      legalNameEn: 'Ningbo Dongfang Medical Tubing',
      country: 'cn',
      address: '浙江省宁波市北仑区 / Beilun, Ningbo, Zhejiang',
      contactName: '王芳 Wang Fang',
      contactPhone: '+86 574 8600 1234',
      contactEmail: 'qa@dongfang-tubing.example.cn',
      reason: 'Second source for PVC tubing (CR-0042)',
    });
    // The code is taken as typed, the country in capitals with its name.
    await form.getByText('China (CN)').waitFor();
    await snap(page, 'supplier-create-en');
    await page.getByTestId('supplier-form-submit').click();
    await page.waitForURL(/\/suppliers\/[0-9a-f-]{36}$/);
    await waitForTitle(page, 'SUP-E2E-01 · Ningbo Dongfang Medical Tubing');
    const supplierPath = new URL(page.url()).pathname;
    // A new supplier is pending: the page says not to order from it.
    await page.getByTestId('supplier-warnings').locator('[data-kind="status_pending"]').waitFor();
    // Purchasing may not approve: no approval actions, a hint instead.
    expect(await page.getByTestId('supplier-approval-actions').count()).toBe(0);

    // An approved item, picked by searching its code.
    await page.getByTestId('approved-item-add').click();
    const itemForm = page.getByTestId('approved-item-form');
    await itemForm.waitFor();
    await chooseOption(page, itemForm.getByTestId('item-picker'), 'CP-TUBE-01', 'CP-TUBE');
    await fill(itemForm, {
      supplierPartNumber: 'DF-PVC-4.1x3.0',
      reason: 'First article FAI-2026-031 passed',
    });
    await page.getByTestId('approved-item-form-submit').click();
    await itemForm.waitFor({ state: 'detached' });
    const items = page.getByTestId('approved-items-table');
    await rowWith(items, 'CP-TUBE-01').getByText('DF-PVC-4.1x3.0').waitFor();

    // Its ISO 13485 certificate, which runs out in 20 days, with the scanned copy.
    await page.getByTestId('certificate-add').click();
    const cert = page.getByTestId('certificate-form');
    await cert.waitFor();
    await fill(cert, {
      'certificate-number': 'CN-13485-2025-7731',
      'certificate-issuer': 'TÜV SÜD',
    });
    await pickDate(page, cert.getByTestId('certificate-validFrom'), isoDay(-345));
    await pickDate(page, cert.getByTestId('certificate-validUntil'), isoDay(20));
    await cert.locator('input[type=file]').setInputFiles({
      name: 'ISO13485-Dongfang.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await cert.getByTestId('certificate-file-chosen').getByText('ISO13485-Dongfang.pdf').waitFor();
    await snap(page, 'supplier-certificate-form-en');
    await page.getByTestId('certificate-form-submit').click();
    await cert.waitFor({ state: 'detached' });
    const certificates = page.getByTestId('certificates-table');
    const certRow = rowWith(certificates, 'CN-13485-2025-7731');
    await certRow.locator('[data-testid="certificate-status"][data-status="expiring"]').waitFor();
    expect(await certRow.getByTestId('certificate-due').textContent()).toBe('Expires in 20 days');
    // The expiring certificate is a warning at the top of the page, naming it.
    const expiring = page
      .getByTestId('supplier-warnings')
      .locator('[data-kind="certificate_expiring"]');
    expect(await expiring.textContent()).toContain('CN-13485-2025-7731 expires in 20 days');
    await page.getByTestId('page-title').scrollIntoViewIfNeeded();
    await snap(page, 'supplier-detail-en');
    // The scanned copy downloads under its own name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      certRow.getByTestId('certificate-download-CN-13485-2025-7731').click(),
    ]);
    expect(download.suggestedFilename()).toBe('ISO13485-Dongfang.pdf');
    await snap(page, 'supplier-sections-en');
    await page.context().close();

    // QA approves it, signing with the password.
    const qa = await open('zh-CN');
    await signIn(qa, 'qa_manager');
    await qa.goto(supplierPath);
    await waitForTitle(qa, 'SUP-E2E-01 · 宁波东方医用导管');
    const approval = qa.getByTestId('supplier-approval');
    await approval.getByTestId('supplier-action-approved').click();
    const dialog = qa.getByTestId('signature-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('signature-title').textContent()).toBe(
      '批准供应商 SUP-E2E-01 宁波东方医用导管',
    );
    await dialog.getByTestId('signature-reason').fill('供应商审核 SA-2026-012 通过，首件检验合格');
    await dialog.getByTestId('signature-password').fill(DEMO_PASSWORD);
    await snap(qa, 'supplier-approve-signature-zh-CN');
    await qa.getByTestId('signature-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await qa
      .getByTestId('page-title')
      .locator('..')
      .locator('[data-testid="supplier-status"][data-status="approved"]')
      .waitFor();
    const history = qa.getByTestId('supplier-status-history');
    const approved = rowWith(history, '供应商审核 SA-2026-012');
    await approved.waitFor();
    expect(await approved.getByTestId('status-change').textContent()).toBe('待审批合格');
    expect(await approved.getByTestId('signature-signer').textContent()).toBe('李娜 Li Na');
    expect(await approved.getByTestId('signature-meaning-tag').getAttribute('data-meaning')).toBe(
      'approved',
    );
    // The signature still covers the change it was given for.
    await approved.getByTestId('verify-signature').click();
    await approved.locator('[data-testid="signature-status"][data-status="valid"]').waitFor();
    // Approved now: only the certificate warning is left.
    expect(
      await qa.getByTestId('supplier-warnings').locator('[data-kind="status_pending"]').count(),
    ).toBe(0);
    await qa
      .getByTestId('history-panel')
      .locator('[data-action="supplier.status_changed"]')
      .waitFor();
    await snap(qa, 'supplier-approved-zh-CN');
    await qa.getByTestId('history-panel').scrollIntoViewIfNeeded();
    await snap(qa, 'supplier-history-zh-CN');
    await qa.context().close();
  }, 120_000);

  it('lets the warehouse add a zone under a warehouse in the location tree', async () => {
    const page = await open('en');
    await signIn(page, 'warehouse');
    await page.getByTestId('nav-locations').click();
    await waitForTitle(page, 'Locations');
    const tree = page.getByTestId('locations-tree');
    await tree.getByTestId('location-node-WH-RM').click();
    const panel = page.getByTestId('location-panel');
    await panel.getByTestId('location-title').filter({ hasText: 'WH-RM' }).waitFor();
    expect(await panel.getByTestId('location-path').textContent()).toBe('SZ1 / WH-RM');
    await snap(page, 'locations-en');

    await panel.getByTestId('location-add-child').click();
    const form = page.getByTestId('location-form');
    await form.waitFor();
    expect(await page.getByTestId('location-form-parent').textContent()).toContain('SZ1 / WH-RM');
    await fill(form, {
      code: 'RM-RETURN',
      nameZh: '原料退货待检区',
      nameEn: 'Raw material returns quarantine',
      reason: 'Returned material is kept apart until QA decides (CAPA-2026-007)',
    });
    await chooseOption(page, form.getByTestId('kind'), 'Quarantine');
    await snap(page, 'location-create-en');
    await page.getByTestId('location-form-submit').click();
    await form.waitFor({ state: 'detached' });

    // The new zone is selected, in its place in the tree, tagged with its kind.
    await panel.getByTestId('location-title').filter({ hasText: 'RM-RETURN' }).waitFor();
    expect(await panel.getByTestId('location-path').textContent()).toBe('SZ1 / WH-RM / RM-RETURN');
    const zone = tree.getByTestId('location-node-RM-RETURN');
    await zone.locator('[data-testid="location-kind"][data-kind="quarantine"]').waitFor();
    await zone.locator('[data-testid="location-level"][data-level="zone"]').waitFor();
    await snap(page, 'location-created-en');

    // The flat list finds it too.
    await page.getByTestId('locations-view').getByText('List').click();
    await page.getByTestId('locations-list-search').locator('input').fill('RETURN');
    await page.getByTestId('locations-list-search').locator('input').press('Enter');
    await rowWith(page.getByTestId('locations-table'), 'SZ1 / WH-RM / RM-RETURN').waitFor();

    await switchLanguage(page, '中文');
    await page.getByTestId('location-link-RM-RETURN').click();
    await page.getByTestId('location-panel').getByText('库区').first().waitFor();
    await snap(page, 'locations-zh-CN');
    await page.context().close();
  });

  it('records a calibration on equipment, and its status follows', async () => {
    const page = await open('zh-CN');
    await signIn(page, 'qa_inspector');
    await page.getByTestId('nav-equipment').click();
    await waitForTitle(page, '设备');
    await snap(page, 'equipment-zh-CN');

    await page.getByTestId('new-equipment').click();
    const form = page.getByTestId('equipment-form');
    await form.waitFor();
    await fill(form, {
      code: 'TQ-E2E-01',
      nameZh: '扭矩测试仪',
      nameEn: 'Torque tester',
      class: 'torque_tester',
      manufacturer: 'Mark-10',
      model: 'M5-20',
      serialNumber: 'M5-778812',
      calibrationIntervalDays: '365',
      reason: '2 号线新增扭矩测试',
    });
    await page.getByTestId('equipment-form-submit').click();
    await page.waitForURL(/\/equipment\/[0-9a-f-]{36}$/);
    await waitForTitle(page, 'TQ-E2E-01 · 扭矩测试仪');
    // Never calibrated: it may not be used.
    await page
      .locator('[data-testid="equipment-status"][data-status="out_of_service"]')
      .first()
      .waitFor();
    await page
      .getByTestId('equipment-status-note')
      .locator('[data-reason="never_calibrated"]')
      .waitFor();

    // A calibration done 358 days ago holds for 7 more days: due soon.
    await page.getByTestId('record-calibrations').click();
    const record = page.getByTestId('record-form');
    await record.waitFor();
    await pickDate(page, record.getByTestId('record-performedOn'), isoDay(-358));
    await fill(record, {
      'record-performedBy': '苏州计量测试院 Suzhou Metrology Institute',
      'record-certificateNo': 'SZJL-2025-11873',
    });
    await record.getByTestId('record-next-due').getByText(isoDay(7).slice(0, 4)).waitFor();
    await snap(page, 'equipment-record-calibration-zh-CN');
    await page.getByTestId('record-form-submit').click();
    await record.waitFor({ state: 'detached' });
    await page
      .locator('[data-testid="equipment-status"][data-status="calibration_due_soon"]')
      .first()
      .waitFor();
    expect(await page.getByTestId('equipment-calibration-due').getAttribute('data-date')).toBe(
      isoDay(7),
    );
    await page.getByTestId('equipment-status-note').waitFor();
    await snap(page, 'equipment-due-soon-zh-CN');

    // Calibrated again today: in service for a year.
    await page.getByTestId('record-calibrations').click();
    await record.waitFor();
    await fill(record, {
      'record-performedBy': '苏州计量测试院 Suzhou Metrology Institute',
      'record-certificateNo': 'SZJL-2026-12240',
    });
    await page.getByTestId('record-form-submit').click();
    await record.waitFor({ state: 'detached' });
    await page
      .locator('[data-testid="equipment-status"][data-status="in_service"]')
      .first()
      .waitFor();
    expect(await page.getByTestId('equipment-calibration-due').getAttribute('data-date')).toBe(
      isoDay(365),
    );
    const calibrations = page.getByTestId('calibrations-table');
    expect(await calibrations.locator('tbody tr.ant-table-row').count()).toBe(2);
    await rowWith(calibrations, 'SZJL-2026-12240').waitFor();
    await snap(page, 'equipment-detail-zh-CN');

    await switchLanguage(page, 'English');
    await waitForTitle(page, 'TQ-E2E-01 · Torque tester');
    await snap(page, 'equipment-detail-en');

    // The list shows it in service, with its due date.
    await page.getByTestId('page-back').click();
    await chooseOption(page, page.getByTestId('equipment-filter-status'), 'In service');
    await page.waitForURL((url) => url.searchParams.get('status') === 'in_service');
    await rowWith(page.getByTestId('equipment-table'), 'TQ-E2E-01').waitFor();
    await page.context().close();
  });

  it('changes master data with a reason each time: a certificate renewal, an ended item, equipment out of service', async () => {
    const page = await open('en');
    await signIn(page, 'admin');
    await page.goto('/suppliers');
    await page.getByTestId('supplier-link-SUP-002').click();
    await waitForTitle(page, 'SUP-002');
    // The demo supplier's ISO 13485 certificate lapses within 30 days: renew it.
    const warnings = page.getByTestId('supplier-warnings');
    await warnings.locator('[data-kind="certificate_expiring"]').waitFor();
    await page.getByTestId('certificate-renew-CN-13485-2023-0342').click();
    const cert = page.getByTestId('certificate-form');
    await cert.waitFor();
    await fill(cert, { 'certificate-number': 'CN-13485-2026-0342' });
    await pickDate(page, cert.getByTestId('certificate-validFrom'), isoDay(-1));
    await pickDate(page, cert.getByTestId('certificate-validUntil'), isoDay(1094));
    await page.getByTestId('certificate-form-submit').click();
    await cert.waitFor({ state: 'detached' });
    const certificates = page.getByTestId('certificates-table');
    await rowWith(certificates, 'CN-13485-2026-0342')
      .locator('[data-testid="certificate-status"][data-status="valid"]')
      .waitFor();
    await rowWith(certificates, 'CN-13485-2023-0342')
      .locator('[data-testid="certificate-status"][data-status="superseded"]')
      .waitFor();
    // The renewal speaks for the old certificate: no warning left.
    await warnings.waitFor({ state: 'detached' });

    // An item comes off the approved list, with the reason; the link stays, ended.
    const items = page.getByTestId('approved-items-table');
    await rowWith(items, 'CP-NEEDLE-02').getByTestId('approved-item-end-CP-NEEDLE-02').click();
    await page.getByTestId('approved-item-end-submit').click();
    await page.getByText('Enter the reason for the change.').waitFor();
    await page
      .getByTestId('approved-item-end')
      .getByTestId('reason')
      .fill('Moved to SUP-001 (CR-0051)');
    await page.getByTestId('approved-item-end-submit').click();
    await rowWith(items, 'CP-NEEDLE-02').waitFor({ state: 'detached' });
    await page.getByTestId('approved-items-show-ended').click();
    await rowWith(items, 'CP-NEEDLE-02')
      .locator('[data-testid="approved-item-state"][data-active="false"]')
      .waitFor();
    await page.getByTestId('supplier-certificates').scrollIntoViewIfNeeded();
    await snap(page, 'supplier-renewed-en');
    await page
      .getByTestId('history-panel')
      .locator('[data-action="supplier.item_ended"]')
      .waitFor();

    // Equipment taken out of service by hand says so, and why.
    await page.goto('/equipment?q=EQ-ASM-01');
    await page.getByTestId('equipment-link-EQ-ASM-01').click();
    await waitForTitle(page, 'EQ-ASM-01');
    await page.getByTestId('equipment-action-out_of_service').click();
    await page
      .getByTestId('equipment-status-change')
      .getByTestId('reason')
      .fill('Fixture worn, NCR-2026-044');
    await page.getByTestId('equipment-status-change-submit').click();
    await page
      .getByTestId('equipment-status-note')
      .locator('[data-reason="manually_out_of_service"]')
      .filter({ hasText: 'NCR-2026-044' })
      .waitFor();
    await snap(page, 'equipment-out-of-service-en');
    await page.getByTestId('equipment-action-active').click();
    await page
      .getByTestId('equipment-status-change')
      .getByTestId('reason')
      .fill('Fixture replaced');
    await page.getByTestId('equipment-status-change-submit').click();
    await page.getByTestId('equipment-status-note').waitFor({ state: 'detached' });
    await page
      .getByTestId('history-panel')
      .locator('[data-action="equipment.status_changed"]')
      .first()
      .waitFor();
    await page.context().close();
  }, 120_000);

  it('keeps customers’ ship-to addresses and recall contacts, and training records', async () => {
    const page = await open('en');
    await signIn(page, 'warehouse');
    await page.getByTestId('nav-customers').click();
    await waitForTitle(page, 'Customers');
    await snap(page, 'customers-en');
    await page.getByTestId('customer-link-CUS-001').click();
    await waitForTitle(page, 'CUS-001');

    await page.getByTestId('address-add').click();
    const address = page.getByTestId('address-form');
    await address.waitFor();
    await fill(address, {
      'address-label': 'Hangzhou distribution centre',
      'address-line1': '88 Binjiang Road',
      'address-postcode': '310051',
      'address-city': 'Hangzhou',
      'address-region': 'Zhejiang',
      reason: 'New regional warehouse',
    });
    await page.getByTestId('address-form-submit').click();
    await address.waitFor({ state: 'detached' });
    const addresses = page.getByTestId('addresses-table');
    await rowWith(addresses, 'Hangzhou distribution centre').waitFor();

    await page.getByTestId('contact-add').click();
    const contact = page.getByTestId('contact-form');
    await contact.waitFor();
    await fill(contact, {
      'contact-name': 'Zhou Min',
      'contact-role': 'QA officer',
      reason: 'New QA contact',
    });
    await page.getByTestId('contact-form-submit').click();
    // A contact must be reachable.
    await contact
      .getByText('A contact needs a phone number or an e-mail address.')
      .first()
      .waitFor();
    await fill(contact, { 'contact-email': 'zhou.min@example.cn' });
    await page.getByTestId('contact-form-submit').click();
    await contact.waitFor({ state: 'detached' });
    const contacts = page.getByTestId('contacts-table');
    await rowWith(contacts, 'Zhou Min').getByTestId('contact-recall').waitFor();

    // Deactivating the address keeps it, greyed out, behind "show inactive".
    await rowWith(addresses, 'Hangzhou distribution centre')
      .getByTestId('address-deactivate')
      .click();
    await page.getByTestId('address-status-change').getByTestId('reason').fill('Warehouse closed');
    await page.getByTestId('address-status-change-submit').click();
    await rowWith(addresses, 'Hangzhou distribution centre').waitFor({ state: 'detached' });
    await page.getByTestId('addresses-show-inactive').click();
    await rowWith(addresses, 'Hangzhou distribution centre')
      .locator('[data-testid="active-tag"][data-active="false"]')
      .waitFor();
    await snap(page, 'customer-detail-en');
    await page.context().close();

    const qa = await open('zh-CN');
    await signIn(qa, 'qa_manager');
    await qa.getByTestId('nav-qualifications').click();
    await waitForTitle(qa, '资质');
    await qa.getByTestId('record-training').click();
    const training = qa.getByTestId('training-form');
    await training.waitFor();
    await chooseOption(qa, training.getByTestId('training-person'), 'operator', 'operator');
    await chooseOption(qa, training.getByTestId('training-skill'), 'ESD ·', 'ESD');
    await fill(training, {
      'training-trainer': '张伟 Zhang Wei',
      'training-documentRef': 'TR-2026-031',
    });
    await snap(qa, 'training-record-zh-CN');
    await qa.getByTestId('training-form-submit').click();
    await training.waitFor({ state: 'detached' });
    await rowWith(qa.getByTestId('training-table'), 'TR-2026-031')
      .locator('[data-testid="training-status"][data-status="valid"]')
      .waitFor();
    await chooseOption(qa, qa.getByTestId('training-filter-person'), 'operator', 'operator');
    await qa
      .getByTestId('person-standing')
      .locator('[data-testid="person-skill"]')
      .first()
      .waitFor();
    await snap(qa, 'qualifications-zh-CN');
    await qa.getByTestId('tab-skills').click();
    await qa.getByTestId('skills-table').locator('tbody tr.ant-table-row').first().waitFor();
    await snap(qa, 'skills-zh-CN');
    await qa.context().close();
  }, 120_000);
});

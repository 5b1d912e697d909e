import { createHash } from 'node:crypto';
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

const VERSION_PATH = /\/(boms|routings)\/[0-9a-f-]{36}$/;

/** Signs the open electronic signature dialog with the demo password. */
async function sign(page: Page, options: { reason?: string } = {}): Promise<void> {
  const dialog = page.getByTestId('signature-dialog');
  await dialog.waitFor();
  if (options.reason !== undefined) await page.getByTestId('signature-reason').fill(options.reason);
  await page.getByTestId('signature-password').fill(DEMO_PASSWORD);
  await page.getByTestId('signature-submit').click();
  await dialog.waitFor({ state: 'detached' });
}

/** The approval card's line for one required role. */
function approvalRole(page: Page, role: string, card = 'approval'): Locator {
  return page.getByTestId(card).locator(`[data-testid="approval-role"][data-role="${role}"]`);
}

async function waitForStatus(scope: Locator, status: string): Promise<void> {
  await scope.locator(`[data-status="${status}"]`).first().waitFor();
}

/** Opens a BOM version from the list: the item's version `versionNo`. */
async function openBomVersion(page: Page, code: string, versionNo: number): Promise<string> {
  await page.goto('/boms');
  await page.getByTestId('boms-search').locator('input').fill(code);
  await page.getByTestId('boms-search').locator('input').press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === code);
  await page.getByTestId(`version-link-${code}-${versionNo}`).click();
  await page.waitForURL(VERSION_PATH);
  return new URL(page.url()).pathname;
}

describe('engineering and change control', () => {
  it('approves a BOM version with the signatures of both required roles; a locked version refuses changes', async () => {
    const page = await open('en');
    await signIn(page, 'engineer');
    await page.getByTestId('nav-boms').click();
    await waitForTitle(page, 'BOMs');
    await rowWith(page.getByTestId('boms-table'), 'FD-IP-300').waitFor();
    await snap(page, 'boms-en');

    // The demo draft version 2 of FD-IS-20 (thin-wall needle) is an editor while it is a draft.
    const bomPath = await openBomVersion(page, 'FD-IS-20', 2);
    await waitForTitle(page, 'FD-IS-20 · BOM v2');
    const editor = page.getByTestId('bom-editor');
    await editor.waitFor();
    expect(await page.getByTestId('version-locked').count()).toBe(0);
    await rowWith(editor, 'CP-NEEDLE-02').waitFor();
    await snap(page, 'bom-draft-editor-en');

    // Someone else submits the draft while this screen holds an unsaved edit: saving is refused, translated.
    const tube = rowWith(editor, 'CP-TUBE-01');
    await tube.getByTestId('line-note-input').fill('1.8 m per set, 2 % cutting loss; checked');
    await page.getByTestId('bom-unsaved').waitFor();
    const other = await page.context().newPage();
    await other.goto(bomPath);
    await other.getByTestId('version-action-submit').click();
    await other.getByTestId('version-submit-submit').click();
    await other.locator('[data-testid="version-locked"][data-status="in_review"]').waitFor();
    await other.close();
    await page.getByTestId('bom-save').click();
    const refused = page.locator('[data-testid="problem-alert"][data-code="VERSION_LOCKED"]');
    await refused.waitFor();
    expect(await refused.textContent()).toContain(
      'This version is no longer a draft and cannot be changed.',
    );
    // The screen now shows the version as it is: locked, in review, no editor.
    await page.locator('[data-testid="version-locked"][data-status="in_review"]').waitFor();
    await page.getByTestId('bom-lines').waitFor();
    expect(await page.getByTestId('bom-editor').count()).toBe(0);

    // The engineer signs for the engineer role; QA still has to sign.
    await approvalRole(page, 'engineer').locator('text=Awaiting signature').waitFor();
    await page.getByTestId('version-action-approve').click();
    expect(await page.getByTestId('sign-as').textContent()).toBe('Engineer');
    await snap(page, 'bom-approve-signature-en');
    await sign(page);
    await approvalRole(page, 'engineer').and(page.locator('[data-signed="true"]')).waitFor();
    expect(await approvalRole(page, 'qa_manager').getAttribute('data-signed')).toBe('false');
    expect(await page.getByTestId('approval-summary').textContent()).toBe(
      'Still needed: QA manager',
    );
    // One person signs a round once.
    expect(await page.getByTestId('version-action-approve').isDisabled()).toBe(true);
    await page.getByTestId('approval').scrollIntoViewIfNeeded();
    await snap(page, 'bom-approval-partial-en');
    await page.context().close();

    const qa = await open('zh-CN');
    await signIn(qa, 'qa_manager');
    await qa.goto(bomPath);
    await waitForTitle(qa, 'FD-IS-20 · BOM 第 2 版');
    await qa.getByTestId('version-action-approve').click();
    expect(await qa.getByTestId('sign-as').textContent()).toBe('质量经理');
    await sign(qa);
    await qa.locator('[data-testid="version-locked"][data-status="approved"]').waitFor();
    expect(await qa.getByTestId('approval-summary').textContent()).toBe('所有必需角色均已签名。');
    expect(await approvalRole(qa, 'qa_manager').getAttribute('data-signed')).toBe('true');
    expect(await approvalRole(qa, 'qa_manager').getByTestId('approval-signer').textContent()).toBe(
      '李娜 Li Na',
    );
    const signatures = qa.getByTestId('signatures');
    expect(await signatures.getByTestId('signature-signer').allTextContents()).toEqual([
      '李娜 Li Na',
      'Thomas Müller',
    ]);
    // Version 1 is effective: version 2 replaces it only through a change request.
    await qa.getByTestId('version-change-needed').filter({ hasText: '第 1 版' }).waitFor();
    await qa.getByTestId('version-action-raise-change').waitFor();
    expect(await qa.getByTestId('version-action-make-effective').count()).toBe(0);
    await snap(qa, 'bom-approved-zh-CN');
    const history = qa.getByTestId('history-panel');
    await history.locator('[data-action="bom_version.approved"]').waitFor();
    await history.locator('[data-action="bom_version.approval_signed"]').first().waitFor();
    await signatures.scrollIntoViewIfNeeded();
    await snap(qa, 'bom-signatures-history-zh-CN');
    await qa.context().close();
  }, 120_000);

  it('takes a new BOM version to effective through a change request: copy, edit, approve, raise, sign, implement', async () => {
    const page = await open('en');
    await signIn(page, 'engineer');
    const v1Path = await openBomVersion(page, 'FD-IS-20', 1);
    await waitForTitle(page, 'FD-IS-20 · BOM v1');
    await page.locator('[data-testid="version-locked"][data-status="effective"]').waitFor();
    await snap(page, 'bom-effective-en');

    // Copy the effective version to a new draft and change it there.
    await page.getByTestId('version-action-copy').click();
    await page.getByTestId('version-copy-submit').click();
    await page.waitForURL((url) => VERSION_PATH.test(url.pathname) && url.pathname !== v1Path);
    await waitForTitle(page, 'FD-IS-20 · BOM v3');
    const v3Path = new URL(page.url()).pathname;
    const editor = page.getByTestId('bom-editor');
    await rowWith(editor, 'CP-NEEDLE-01').waitFor();
    await page.getByTestId('version-copied-from').waitFor();

    // A quantity of zero is refused before anything is sent.
    const tube = rowWith(editor, 'CP-TUBE-01');
    await tube.getByTestId('line-quantity-input').fill('0');
    await page.getByTestId('bom-save').click();
    await editor.getByText('A number above zero, such as 2 or 1.8').waitFor();
    await tube.getByTestId('line-quantity-input').fill('1.9');
    await rowWith(editor, 'CP-NEEDLE-01').getByTestId('line-component-picker').click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.getByTestId('item-option-CP-BATT-01').waitFor();
    await page.keyboard.type('NEEDLE-02');
    // Click only once the server's answer has replaced the first page of items:
    // a click while the list re-renders can land on another option.
    await dropdown.getByTestId('item-option-CP-BATT-01').waitFor({ state: 'detached' });
    await dropdown.getByTestId('item-option-CP-NEEDLE-02').click();
    await rowWith(editor, 'CP-NEEDLE-02').waitFor();
    await editor.getByText('A number above zero').waitFor({ state: 'detached' });
    await snap(page, 'bom-edit-en');
    await page.getByTestId('bom-save').click();
    await page.getByText('The BOM has been saved.').waitFor();
    await page.getByTestId('bom-unsaved').waitFor({ state: 'detached' });
    expect(await rowWith(editor, 'CP-NEEDLE-02').count()).toBe(1);

    await page.getByTestId('version-action-submit').click();
    await page.getByTestId('version-submit-submit').click();
    await page.locator('[data-testid="version-locked"][data-status="in_review"]').waitFor();
    await page.getByTestId('version-action-approve').click();
    await sign(page);
    await approvalRole(page, 'engineer').and(page.locator('[data-signed="true"]')).waitFor();
    await page.context().close();

    // QA signs, and the approved version asks for a change request.
    const qa = await open('zh-CN');
    await signIn(qa, 'qa_manager');
    await qa.goto(v3Path);
    await waitForTitle(qa, 'FD-IS-20 · BOM 第 3 版');
    await qa.getByTestId('version-action-approve').click();
    await sign(qa);
    await qa.locator('[data-testid="version-locked"][data-status="approved"]').waitFor();
    await qa.getByTestId('version-action-raise-change').click();

    // The new change request form starts with the version as the proposed one.
    await qa.waitForURL('**/changes');
    const form = qa.getByTestId('change-form');
    await form.waitFor();
    const proposed = qa.getByTestId('change-form-target');
    expect(await proposed.count()).toBe(1);
    expect(await proposed.textContent()).toContain('FD-IS-20 · BOM 第 3 版');
    await qa.getByTestId('change-form-submit').click();
    await form.getByText('请输入标题。').waitFor();
    await form.getByTestId('change-title').fill('改用薄壁针并加长输液管');
    await form
      .getByTestId('change-description')
      .fill('FD-IS-20：CP-NEEDLE-01 更换为 CP-NEEDLE-02；输液管每套 1.9 m。');
    await form.getByTestId('change-reason').fill('CAPA-2026-014：流量偏低的投诉。');
    await proposed.getByTestId('target-note').fill('针头与输液管两行');
    await snap(qa, 'change-new-zh-CN');
    await qa.getByTestId('change-form-submit').click();
    await qa.waitForURL(/\/changes\/[0-9a-f-]{36}$/);
    await waitForTitle(qa, '改用薄壁针并加长输液管');
    const changePath = new URL(qa.url()).pathname;
    await qa.locator('[data-testid="change-status"][data-status="draft"]').first().waitFor();

    // The impact analysis of the draft: line changes, where used, and what Lotline cannot know yet.
    const impact = qa.getByTestId('impact');
    const lineChanges = impact.getByTestId('impact-line-changes');
    await lineChanges.locator('[data-change="added"]').waitFor();
    expect(await rowWith(lineChanges, 'CP-NEEDLE-02').textContent()).toContain('新增');
    expect(await rowWith(lineChanges, 'CP-NEEDLE-01').textContent()).toContain('删除');
    expect(await rowWith(lineChanges, 'CP-TUBE-01').textContent()).toContain('1.9 m');
    const whereUsed = impact.locator('[data-testid="impact-section"][data-key="where_used"]');
    await rowWith(whereUsed, 'FD-IS-21').waitFor();
    // Stock on hand of the affected items, by quality status (the demo's received lots).
    const stock = impact.locator('[data-testid="impact-section"][data-key="stock"]');
    expect(await stock.getAttribute('data-status')).toBe('available');
    expect(Number(await stock.getByTestId('impact-count').textContent())).toBeGreaterThan(0);
    // Work orders do not exist yet: never shown as a count of zero.
    const workOrders = impact.locator(
      '[data-testid="impact-section"][data-key="open_work_orders"]',
    );
    expect(await workOrders.getAttribute('data-status')).toBe('not_available');
    await workOrders.getByTestId('impact-not-available').waitFor();
    expect(await workOrders.getByTestId('impact-count').count()).toBe(0);
    await impact.scrollIntoViewIfNeeded();
    await snap(qa, 'change-impact-zh-CN');

    await qa.getByTestId('change-action-submit').click();
    await qa.getByTestId('change-submit-submit').click();
    // The dialog closes once the server accepted; if it stays, say what it shows.
    await qa
      .getByTestId('change-submit')
      .waitFor({ state: 'detached', timeout: 45_000 })
      .catch(async (error: unknown) => {
        const shown = await qa
          .getByTestId('change-submit')
          .innerText()
          .catch(() => '');
        throw new Error(`The submit dialog stayed open (${String(error)}); it shows: ${shown}`);
      });
    await qa.locator('[data-testid="change-status"][data-status="in_review"]').first().waitFor();
    await qa.getByTestId('impact-mode').waitFor();
    await qa.getByTestId('change-action-approve').click();
    await sign(qa);
    await approvalRole(qa, 'qa_manager', 'change-approval')
      .and(qa.locator('[data-signed="true"]'))
      .waitFor();
    await qa.context().close();

    // The engineer signs last and implements the change.
    const engineer = await open('en');
    await signIn(engineer, 'engineer');
    await engineer.goto(changePath);
    await engineer.getByTestId('change-action-approve').click();
    expect(await engineer.getByTestId('sign-as').textContent()).toBe('Engineer');
    await sign(engineer);
    await engineer
      .locator('[data-testid="change-status"][data-status="approved"]')
      .first()
      .waitFor();
    expect(
      await engineer.getByTestId('change-signatures').getByTestId('signature-signer').count(),
    ).toBe(2);
    await snap(engineer, 'change-approved-en');

    await engineer.getByTestId('change-action-implement').click();
    const list = engineer.getByTestId('change-implement-list');
    expect(await list.textContent()).toContain('FD-IS-20 BOM v3 replaces FD-IS-20 BOM v1');
    await snap(engineer, 'change-implement-en');
    await engineer.getByTestId('change-implement-submit').click();
    await engineer.getByTestId('change-implement').waitFor({ state: 'detached' });
    await engineer
      .locator('[data-testid="change-status"][data-status="implemented"]')
      .first()
      .waitFor();
    const targets = engineer.getByTestId('change-targets-table');
    await targets.locator('[data-testid="target-status"][data-status="effective"]').waitFor();
    await snap(engineer, 'change-implemented-en');

    // Version 3 is effective, under this change request; version 1 is superseded by it.
    await targets.getByTestId('target-link').first().click();
    await engineer.waitForURL(`**${v3Path}`);
    await engineer.locator('[data-testid="version-locked"][data-status="effective"]').waitFor();
    await engineer.getByTestId('version-change-request').waitFor();
    await snap(engineer, 'bom-v3-effective-en');
    await engineer.goto(v1Path);
    await engineer.locator('[data-testid="version-locked"][data-status="superseded"]').waitFor();
    await engineer.getByTestId('version-superseded-by').click();
    await engineer.waitForURL(`**${v3Path}`);

    // The list tells the same story.
    await engineer.goto('/boms?q=FD-IS-20');
    const table = engineer.getByTestId('boms-table');
    const row = (n: number) =>
      table.locator('tbody tr.ant-table-row', {
        has: engineer.getByTestId(`version-link-FD-IS-20-${n}`),
      });
    await waitForStatus(row(3), 'effective');
    await waitForStatus(row(1), 'superseded');
    await snap(engineer, 'boms-after-change-en');
    await switchLanguage(engineer, '中文');
    await waitForTitle(engineer, '物料清单');
    await snap(engineer, 'boms-after-change-zh-CN');
    await engineer.context().close();
    // Three people's sessions and a dozen screens: longer than one screen's test.
  }, 180_000);

  it('adds a document revision with its file, approves it with a signature and makes it effective', async () => {
    const content = Buffer.from('WI-IS-010 rev B: infusion set assembly, bond cure 30 s\n');
    const sha256 = createHash('sha256').update(content).digest('hex');
    const page = await open('en');
    await signIn(page, 'engineer');
    await page.getByTestId('nav-documents').click();
    await waitForTitle(page, 'Documents');
    await rowWith(page.getByTestId('documents-table'), 'WI-IS-010').waitFor();
    await snap(page, 'documents-en');
    await page.getByTestId('document-link-WI-IS-010').click();
    await waitForTitle(page, 'WI-IS-010 · Infusion set assembly');

    await page.getByTestId('document-new-revision').click();
    const form = page.getByTestId('revision-form');
    await form.waitFor();
    await form.getByTestId('changeSummary').fill('Bond cure time 30 s; photos of step 4 updated');
    await form.locator('input[type=file]').setInputFiles({
      name: 'WI-IS-010-B.txt',
      mimeType: 'text/plain',
      buffer: content,
    });
    // The checksum is computed in the browser before anything is sent.
    await page.getByTestId('revision-file-sha256').filter({ hasText: sha256 }).waitFor();
    await snap(page, 'document-revision-upload-en');
    await page.getByTestId('revision-form-submit').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('revision-title').filter({ hasText: 'Revision B' }).waitFor();
    // The server stored the same checksum.
    expect(await page.getByTestId('revision-sha256').textContent()).toContain(sha256);

    await page.getByTestId('revision-action-submit').click();
    await page.getByTestId('revision-submit-submit').click();
    await waitForStatus(page.getByTestId('revision-panel'), 'in_review');
    // The author cannot approve his own revision: the QA manager does.
    await page.getByTestId('revision-action-approve').click();
    await page.getByTestId('signature-dialog').waitFor();
    await page.getByTestId('signature-password').fill(DEMO_PASSWORD);
    await page.getByTestId('signature-submit').click();
    await page
      .getByTestId('signature-dialog')
      .getByText('You wrote this revision, so someone else must review and approve it.')
      .waitFor();
    await page.getByTestId('signature-cancel').click();
    const documentPath = new URL(page.url()).pathname;
    const qa = await open('en');
    await signIn(qa, 'qa_manager');
    await qa.goto(documentPath);
    await waitForStatus(qa.getByTestId('revision-panel'), 'in_review');
    await qa.getByTestId('revision-action-approve').click();
    await sign(qa);
    await qa
      .getByTestId('revision-panel')
      .locator('[data-testid="revision-status"][data-status="approved"]')
      .first()
      .waitFor();
    await qa.context().close();
    await page.reload();
    await page
      .getByTestId('revision-panel')
      .locator('[data-testid="revision-status"][data-status="approved"]')
      .first()
      .waitFor();
    await page.getByTestId('revision-action-make-effective').click();
    await page
      .getByTestId('revision-make-effective')
      .getByText('Revision B becomes effective now and supersedes revision A.')
      .waitFor();
    await page.getByTestId('revision-make-effective-submit').click();
    await page.getByTestId('revision-make-effective').waitFor({ state: 'detached' });
    await page.getByTestId('document-effective-tag').filter({ hasText: 'Effective: B' }).waitFor();
    await waitForStatus(page.getByTestId('revision-row-A'), 'superseded');

    // The download is checked against the stored checksum.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('revision-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('WI-IS-010-B.txt');
    await page.locator('[data-testid="revision-download-check"][data-result="verified"]').waitFor();
    await snap(page, 'document-effective-en');
    await page.getByTestId('revision-signatures').scrollIntoViewIfNeeded();
    await snap(page, 'document-signatures-en');

    await switchLanguage(page, '中文');
    await waitForTitle(page, 'WI-IS-010 · 输液器组装作业指导书');
    await page.getByTestId('page-title').scrollIntoViewIfNeeded();
    await page.getByTestId('revision-title').filter({ hasText: '版次 B' }).waitFor();
    await snap(page, 'document-effective-zh-CN');
    await page.getByTestId('page-back').click();
    await waitForTitle(page, '受控文件');
    await chooseOption(page, page.getByTestId('documents-filter-kind'), '作业指导书');
    await page.waitForURL((url) => url.searchParams.get('kind') === 'work_instruction');
    await rowWith(page.getByTestId('documents-table'), 'WI-IS-010').waitFor();
    await snap(page, 'documents-zh-CN');
    await page.context().close();
  });
});

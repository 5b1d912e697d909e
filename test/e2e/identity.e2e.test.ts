import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  chooseOption,
  rowWith,
  snap,
  signIn,
  signOut,
  submitSignIn,
  switchLanguage,
  waitForTitle,
} from './support/app.ts';
import { useE2eBrowser } from './support/session.ts';

// Sign-ins are rate limited (30 a minute per address): these tests make about 15.
const open = useE2eBrowser();

async function problemCode(page: Page): Promise<string | null> {
  const alert = page.getByTestId('problem-alert').first();
  await alert.waitFor();
  return alert.getAttribute('data-code');
}

describe('sign-in and sign-out', () => {
  it('signs a demo user in and out, and shows a wrong password in the chosen language', async () => {
    const page = await open('en');
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByTestId('login-username').waitFor();
    await snap(page, 'login-en');

    await signIn(page, 'operator');
    await waitForTitle(page, 'Overview');
    expect(await page.getByTestId('user-menu-name').textContent()).toBe('刘洋 Liu Yang');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('user-menu-tokens').waitFor();
    expect(await page.locator('.user-menu-who').textContent()).toContain('operator');
    await page.keyboard.press('Escape');
    await signOut(page);
    await page.getByTestId('signed-out-notice').waitFor();
    // Signed out means signed out: the app sends the person back to sign in.
    await page.goto('/about');
    await page.waitForURL('**/login');

    expect(await submitSignIn(page, 'operator', 'not-the-password')).toBe(401);
    expect(await problemCode(page)).toBe('INVALID_CREDENTIALS');
    expect(await page.getByTestId('problem-alert').textContent()).toContain(
      'The user name or password is incorrect.',
    );
    await switchLanguage(page, '中文');
    await page.getByTestId('problem-alert').filter({ hasText: '用户名或密码错误。' }).waitFor();
    await page.getByText('登录', { exact: true }).first().waitFor();
    await snap(page, 'login-zh-CN');
    await page.context().close();
  });
});

describe('lockout', () => {
  it('locks an account after five wrong passwords until an administrator unlocks it', async () => {
    const page = await open('en');
    await page.goto('/login');
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await submitSignIn(page, 'warehouse', `wrong-${attempt}`)).toBe(401);
    }
    expect(await submitSignIn(page, 'warehouse', 'wrong-5')).toBe(423);
    const locked = page.locator('[data-testid="problem-alert"][data-code="ACCOUNT_LOCKED"]');
    await locked.waitFor();
    expect(await locked.textContent()).toContain('Contact your administrator');
    // The right password does not open a locked account.
    expect(await submitSignIn(page, 'warehouse', DEMO_PASSWORD)).toBe(423);
    await locked.waitFor();

    const admin = await open('en');
    await signIn(admin, 'admin');
    await admin.getByTestId('nav-users').click();
    await waitForTitle(admin, 'Users');
    await Promise.all([
      admin.waitForResponse((r) => r.url().includes('/api/users?status=locked')),
      chooseOption(admin, admin.getByTestId('users-filter-status'), 'Locked'),
    ]);
    await admin.waitForURL((url) => url.searchParams.get('status') === 'locked');
    const table = admin.getByTestId('users-table');
    await rowWith(table, 'warehouse').waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await rowWith(table, 'warehouse').getByTestId('user-status').textContent()).toBe(
      'Locked',
    );
    await snap(admin, 'users-locked-en');

    await admin.getByTestId('user-link-warehouse').click();
    await admin.getByTestId('user-locked-note').waitFor();
    await admin.getByTestId('user-action-unlock').click();
    // The reason is required.
    await admin.getByTestId('user-action-submit').click();
    await admin.getByText('Enter the reason for the change.').waitFor();
    await admin.getByTestId('reason').fill('Identity confirmed by phone, ticket IT-1234');
    await admin.getByTestId('user-action-submit').click();
    await admin.getByTestId('user-action-submit').waitFor({ state: 'detached' });
    await admin
      .getByTestId('user-details')
      .locator('[data-testid="user-status"][data-status="active"]')
      .waitFor();
    const history = admin.getByTestId('history-panel');
    await history.locator('[data-action="user.unlocked"]').first().waitFor();
    await history.locator('[data-action="user.locked"]').first().waitFor();
    expect(await rowWith(history, 'Identity confirmed by phone').count()).toBe(1);
    await snap(admin, 'user-detail-en');

    await admin.getByTestId('page-back').click();
    await admin.waitForURL((url) => url.pathname === '/admin/users' && url.search === '');
    await rowWith(admin.getByTestId('users-table'), 'admin').waitFor();
    await snap(admin, 'users-en');
    await switchLanguage(admin, '中文');
    await waitForTitle(admin, '用户');
    await rowWith(admin.getByTestId('users-table'), '仓库管理员').waitFor();
    await snap(admin, 'users-zh-CN');
    await admin.context().close();

    await signIn(page, 'warehouse');
    await waitForTitle(page, 'Overview');
    expect(await page.getByTestId('user-menu-name').textContent()).toBe('赵敏 Zhao Min');
    await page.context().close();
  });
});

describe('new users', () => {
  it('creates a user who must change the initial password at first sign-in', async () => {
    const initialPassword = 'Welcome-Lotline-2026';
    const ownPassword = 'Cleanroom-Batch-7781';
    const admin = await open('en');
    await signIn(admin, 'admin');
    await admin.goto('/admin/users');
    await admin.getByTestId('new-user').click();
    const form = admin.getByTestId('user-form');
    await form.waitFor();
    await form.getByTestId('username').fill('mei.huang');
    await form.getByTestId('fullName').fill('黄梅 Huang Mei');
    await form.getByTestId('email').fill('mei.huang@example.com');
    await chooseOption(admin, form.getByTestId('preferredLanguage'), 'English');
    await chooseOption(admin, form.getByTestId('roles'), 'QA inspector', 'inspector');
    await admin.keyboard.press('Escape');
    await form.getByTestId('password').fill(initialPassword);
    await form.getByTestId('confirmPassword').fill(initialPassword);
    await form.getByTestId('reason').fill('New QA inspector, line 2');
    await snap(admin, 'user-create-en');
    await admin.getByTestId('user-form-submit').click();
    await admin.waitForURL(/\/admin\/users\/[0-9a-f-]{36}$/);
    await waitForTitle(admin, '黄梅 Huang Mei');
    expect(
      await admin.getByTestId('user-roles').getByTestId('role-tag').getAttribute('data-role'),
    ).toBe('qa_inspector');
    await signOut(admin);

    // The same browser, now the new user.
    await signIn(admin, 'mei.huang', initialPassword);
    await admin.waitForURL('**/account/password');
    await admin.getByTestId('password-change-required').waitFor();
    expect(await admin.locator('.app-sider').count()).toBe(0);
    // No way around it: any other screen leads back here, and there after the change.
    await admin.goto('/about');
    await admin.waitForURL('**/account/password');
    await admin.getByTestId('password-change-required').waitFor();

    await admin.getByTestId('currentPassword').fill(initialPassword);
    await admin.getByTestId('newPassword').fill(initialPassword);
    await admin.getByTestId('confirmPassword').fill(initialPassword);
    await admin.getByTestId('password-submit').click();
    await admin.getByText('The password must not be one of the last 5 passwords.').waitFor();
    await snap(admin, 'change-password-en');

    await admin.getByTestId('newPassword').fill(ownPassword);
    await admin.getByTestId('confirmPassword').fill(ownPassword);
    await admin.getByTestId('password-submit').click();
    await admin.waitForURL('**/about');
    await waitForTitle(admin, 'About');
    await admin.locator('.app-sider').waitFor();
    expect(await admin.getByTestId('user-menu-name').textContent()).toBe('黄梅 Huang Mei');
    await admin.context().close();
  });
});

describe('roles', () => {
  it('creates a role and changes its permissions, each with an electronic signature', async () => {
    const page = await open('zh-CN');
    await signIn(page, 'admin');
    await page.getByTestId('nav-roles').click();
    await waitForTitle(page, '角色');
    await rowWith(page.getByTestId('roles-table'), '只读用户').waitFor();

    // A new role is signed as it is created.
    await page.getByTestId('new-role').click();
    const form = page.getByTestId('role-form');
    await form.getByTestId('key').fill('auditor');
    await form.getByTestId('nameZh').fill('审计员');
    await form.getByTestId('nameEn').fill('Auditor');
    await form.getByTestId('permission-audit.read').check();
    await form.getByTestId('permission-signature.read').check();
    await page.getByTestId('role-form-submit').click();
    const dialog = page.getByTestId('signature-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('signature-title').textContent()).toContain('审计员');
    await dialog.getByTestId('signature-password').fill(DEMO_PASSWORD);
    await page.getByTestId('signature-submit').click();
    await page.waitForURL('**/admin/roles/auditor');
    await waitForTitle(page, '审计员');
    const signatures = page.getByTestId('role-signatures');
    await rowWith(signatures, '王磊 Wang Lei').waitFor();

    // Then its permissions change, signed again: a wrong password first.
    const checkbox = page.getByTestId('permission-audit.export');
    expect(await checkbox.isChecked()).toBe(false);
    await checkbox.check();
    await page.getByTestId('role-permissions-save').click();
    await dialog.waitFor();
    expect(await dialog.getByTestId('signature-username').inputValue()).toBe('admin');
    expect(await dialog.getByTestId('signature-statement').textContent()).toContain(
      '与您的手写签名具有同等法律效力',
    );
    expect(await dialog.getByTestId('signature-summary').textContent()).toContain('audit.export');
    await dialog.getByTestId('signature-reason').fill('审计员需要导出审计追踪（变更申请 CR-0042）');
    await dialog.getByTestId('signature-password').fill('wrong-password');
    await page.getByTestId('signature-submit').click();
    await dialog
      .locator('[data-testid="problem-alert"][data-code="SIGNATURE_PASSWORD_INVALID"]')
      .waitFor();
    expect(await dialog.getByTestId('problem-alert').textContent()).toContain(
      '签名时输入的密码不正确。',
    );
    await snap(page, 'role-signature-dialog-zh-CN');

    await dialog.getByTestId('signature-password').fill(DEMO_PASSWORD);
    await dialog.getByTestId('signature-comment').fill('已核对权限清单');
    await page.getByTestId('signature-submit').click();
    await dialog.waitFor({ state: 'detached' });

    const latest = rowWith(signatures, '已核对权限清单');
    await latest.waitFor();
    expect(await latest.getByTestId('signature-signer').textContent()).toBe('王磊 Wang Lei');
    expect(await latest.getByTestId('signature-meaning-tag').textContent()).toBe('批准');
    await latest.getByTestId('verify-signature').click();
    const valid = latest.locator('[data-testid="signature-status"][data-status="valid"]');
    await valid.waitFor();
    expect(await valid.textContent()).toBe('有效');
    // The creation signature covered the old permission set: it no longer matches the
    // role, and the later signed change explains why.
    const first = signatures.locator('tbody tr.ant-table-row').nth(1);
    await first.getByTestId('verify-signature').click();
    const superseded = first.locator('[data-testid="signature-status"][data-status="superseded"]');
    await superseded.waitFor();
    expect(await superseded.textContent()).toBe('已被后续签名取代');

    expect(await page.getByTestId('permission-audit.export').isChecked()).toBe(true);
    await page
      .getByTestId('history-panel')
      .locator('[data-action="role.permissions_changed"]')
      .waitFor();
    await snap(page, 'role-detail-zh-CN');
    await page.context().close();
  });
});

describe('audit trail', () => {
  it('shows, filters, expands and exports the audit trail', async () => {
    const page = await open('en');
    await signIn(page, 'admin');
    await page.getByTestId('nav-audit').click();
    await waitForTitle(page, 'Audit trail');
    const table = page.getByTestId('audit-table');
    await table.locator('[data-action="auth.login"]').first().waitFor();

    await page.getByTestId('audit-filter-action').click();
    await page.keyboard.type('user.created');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: 'User created' })
      .first()
      .click();
    await page.waitForURL((url) => url.searchParams.get('action') === 'user.created');
    await table.locator('[data-action="auth.login"]').first().waitFor({ state: 'detached' });
    const actions = await table
      .getByTestId('audit-action')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-action')));
    // The nine demo users, plus any made by other tests.
    expect(actions.length).toBeGreaterThanOrEqual(9);
    expect(new Set(actions)).toEqual(new Set(['user.created']));

    await table.locator('tbody tr.ant-table-row .ant-table-row-expand-icon').first().click();
    const details = table.getByTestId('audit-entry-details').first();
    await details.waitFor();
    expect(await details.getByTestId('audit-after').textContent()).toContain('"username"');
    expect(await details.getByTestId('audit-hash').textContent()).toMatch(/^[0-9a-f]{64}/);
    await snap(page, 'audit-en');

    const href = await page.getByTestId('audit-export').getAttribute('href');
    expect(href).toBe('/api/audit/export.csv?action=user.created');
    const csv = await page.request.get(href ?? '');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toContain('seq,at,actorType');
    expect(lines.slice(1).every((line) => line.includes('user.created'))).toBe(true);

    await switchLanguage(page, '中文');
    await waitForTitle(page, '审计追踪');
    await table.getByText('创建用户').first().waitFor();
    await snap(page, 'audit-zh-CN');
    await page.context().close();
  });
});

describe('API tokens', () => {
  it('creates a token whose secret is shown once, and revokes it with a reason', async () => {
    const page = await open('en');
    await signIn(page, 'admin');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('user-menu-tokens').click();
    await waitForTitle(page, 'API tokens');
    await page.getByTestId('new-token').click();
    const form = page.getByTestId('token-form');
    await form.getByTestId('name').fill('Label printer line 2');
    await chooseOption(page, form.getByTestId('permissions'), 'audit.read', 'audit.read');
    await page.keyboard.press('Escape');
    await page.getByTestId('token-form-submit').click();

    const secret = page.getByTestId('token-secret');
    await secret.waitFor();
    const value = (await secret.textContent())?.trim() ?? '';
    expect(value).toMatch(/^llt_/);
    await snap(page, 'token-secret-en');
    // The secret works as a Bearer token, with the token's permission only.
    const withToken = await page.request.get('/api/audit?limit=1', {
      headers: { authorization: `Bearer ${value}` },
    });
    expect(withToken.status()).toBe(200);
    await page.getByTestId('token-secret-close').click();
    await secret.waitFor({ state: 'detached' });

    const table = page.getByTestId('tokens-table');
    const row = rowWith(table, 'Label printer line 2');
    await row.locator('[data-testid="token-status"][data-status="active"]').waitFor();
    expect(await row.textContent()).toContain(value.slice(0, 12));
    expect(await page.getByText(value).count()).toBe(0);
    await snap(page, 'tokens-en');

    await row.getByTestId('token-revoke').click();
    await page.getByTestId('reason').fill('Printer replaced');
    await page.getByTestId('token-revoke-modal-submit').click();
    await row.locator('[data-testid="token-status"][data-status="revoked"]').waitFor();
    await switchLanguage(page, '中文');
    await waitForTitle(page, 'API 令牌');
    await row.locator('[data-testid="token-status"]').filter({ hasText: '已吊销' }).waitFor();
    await snap(page, 'tokens-zh-CN');
    const refused = await page.request.get('/api/audit?limit=1', {
      headers: { authorization: `Bearer ${value}` },
    });
    expect(refused.status()).toBe(401);
    await page.context().close();
  });
});

describe('signature lockout', () => {
  it('locks the signer out after five wrong signature passwords and signs them out', async () => {
    // A second administrator, so that locking them leaves admin for the other tests.
    const initialPassword = 'Second-Admin-Start-2026';
    const ownPassword = 'Second-Admin-Own-2026';
    const page = await open('en');
    await signIn(page, 'admin');
    await page.goto('/admin/users');
    await page.getByTestId('new-user').click();
    const form = page.getByTestId('user-form');
    await form.getByTestId('username').fill('li.qiang');
    await form.getByTestId('fullName').fill('李强 Li Qiang');
    await chooseOption(page, form.getByTestId('roles'), 'Administrator', 'admin');
    await page.keyboard.press('Escape');
    await form.getByTestId('password').fill(initialPassword);
    await form.getByTestId('confirmPassword').fill(initialPassword);
    await page.getByTestId('user-form-submit').click();
    await waitForTitle(page, '李强 Li Qiang');
    await signOut(page);

    await signIn(page, 'li.qiang', initialPassword);
    await page.getByTestId('currentPassword').fill(initialPassword);
    await page.getByTestId('newPassword').fill(ownPassword);
    await page.getByTestId('confirmPassword').fill(ownPassword);
    await page.getByTestId('password-submit').click();
    await waitForTitle(page, 'Overview');

    await page.goto('/admin/roles/operator');
    await waitForTitle(page, 'Operator');
    await page.getByTestId('permission-user.read').check();
    await page.getByTestId('role-permissions-save').click();
    const dialog = page.getByTestId('signature-dialog');
    await dialog.getByTestId('signature-reason').fill('Shift leads look up colleagues');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await dialog.getByTestId('signature-password').fill(`wrong-${attempt}`);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/roles/operator/permissions')),
        page.getByTestId('signature-submit').click(),
      ]);
      expect(response.status()).toBe(attempt < 5 ? 403 : 423);
    }
    await dialog.getByTestId('signature-locked').waitFor();
    await dialog.locator('[data-testid="problem-alert"][data-code="ACCOUNT_LOCKED"]').waitFor();
    expect(await page.getByTestId('signature-submit').count()).toBe(0);
    await snap(page, 'signature-locked-en');
    await page.getByTestId('signature-sign-out').click();
    await page.waitForURL('**/login');

    expect(await submitSignIn(page, 'li.qiang', ownPassword)).toBe(423);
    await page.locator('[data-testid="problem-alert"][data-code="ACCOUNT_LOCKED"]').waitFor();
    await page.context().close();
  });
});

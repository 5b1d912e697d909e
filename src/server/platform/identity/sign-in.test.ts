import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import {
  makeSignedInUser,
  makeUser,
  signIn,
  TEST_PASSWORD,
} from '../../../../test/support/auth.ts';

const ctx = useTestApp();

async function login(username: string, password: string) {
  return ctx().app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
}

async function actionsFor(userId: string): Promise<string[]> {
  const rows = await ctx()
    .database.db.selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', userId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe('sign-in', () => {
  it('signs in with the right password, case-insensitively on the username, and audits it', async () => {
    const user = await makeUser(ctx().database, { username: 'zhang.wei', roles: ['operator'] });
    const res = await login('Zhang.Wei', user.password);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { username: 'zhang.wei' },
      authenticatedBy: 'session',
      passwordChangeRequired: false,
    });
    expect(await actionsFor(user.id)).toContain('auth.login');
  });

  it('answers 401 INVALID_CREDENTIALS for a wrong password or an unknown user, alike', async () => {
    const user = await makeUser(ctx().database);
    const wrong = await login(user.username, 'not-the-password');
    const unknown = await login('nobody-here', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks the account at the fifth consecutive failure, audited, and refuses even the right password with 423', async () => {
    const user = await makeUser(ctx().database);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login(user.username, `wrong-${i}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const right = await login(user.username, user.password);
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
    const actions = await actionsFor(user.id);
    expect(actions.filter((a) => a === 'auth.login_failed')).toHaveLength(5);
    expect(actions).toContain('user.locked');
    expect(actions).toContain('auth.login_refused');
  });

  it('resets the failure count after a successful sign-in', async () => {
    const user = await makeUser(ctx().database);
    for (let i = 0; i < 4; i++) await login(user.username, 'wrong');
    expect((await login(user.username, user.password)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(user.username, 'wrong')).statusCode).toBe(401);
  });

  it('lets only an administrator lift a lockout, audited', async () => {
    const { app, database } = ctx();
    const user = await makeUser(database);
    for (let i = 0; i < 5; i++) await login(user.username, 'wrong');
    const { session: admin } = await makeSignedInUser(app, database, { roles: ['admin'] });
    const unlocked = await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/unlock`,
      headers: admin.headers,
      payload: { reason: 'Verified identity by phone' },
    });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ status: 'active', failedAttempts: 0 });
    expect((await login(user.username, user.password)).statusCode).toBe(200);
    expect(await actionsFor(user.id)).toContain('user.unlocked');
  });

  it('refuses a disabled account', async () => {
    const { app, database } = ctx();
    const user = await makeUser(database);
    const { session: admin } = await makeSignedInUser(app, database, { roles: ['admin'] });
    await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/disable`,
      headers: admin.headers,
      payload: { reason: 'Left the company' },
    });
    const res = await login(user.username, user.password);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('ACCOUNT_DISABLED');
  });
});

describe('sign-in rate limit', () => {
  const limited = useTestApp({ security: { loginRateLimit: 3 } });

  it('answers 429 RATE_LIMITED beyond the configured attempts per minute', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await limited().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'x', password: 'y' },
      });
      codes.push(res.statusCode);
      if (i === 3) expect(res.json().code).toBe('RATE_LIMITED');
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });
});

describe('passwords', () => {
  async function changePassword(
    headers: Record<string, string>,
    currentPassword: string,
    newPassword: string,
  ) {
    return ctx().app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers,
      payload: { currentPassword, newPassword },
    });
  }

  it('follow the policy: long enough, not the username, none of the last five', async () => {
    const { user, session } = await makeSignedInUser(ctx().app, ctx().database, {
      username: 'li.na',
    });
    const short = await changePassword(session.headers, user.password, 'Short-1');
    expect(short.statusCode).toBe(422);
    expect(short.json()).toMatchObject({
      code: 'PASSWORD_POLICY',
      params: { problems: ['too_short'], minLength: 12 },
    });
    const withName = await changePassword(session.headers, user.password, 'my-name-is-li.na-ok');
    expect(withName.json().params.problems).toEqual(['contains_username']);

    let current = user.password;
    for (let i = 1; i <= 5; i++) {
      const next = `Rotation-password-${i}`;
      expect((await changePassword(session.headers, current, next)).statusCode).toBe(204);
      current = next;
    }
    // The original is now six back: allowed again. The last five are not.
    const reused = await changePassword(session.headers, current, 'Rotation-password-2');
    expect(reused.json().params.problems).toEqual(['reused']);
    expect((await changePassword(session.headers, current, TEST_PASSWORD)).statusCode).toBe(204);
  });

  it('refuses a wrong current password and counts it toward lockout', async () => {
    const { user, session } = await makeSignedInUser(ctx().app, ctx().database);
    const res = await changePassword(session.headers, 'wrong-current', 'A-new-long-password-1');
    expect(res.statusCode).toBe(401);
    const row = await ctx()
      .database.db.selectFrom('users')
      .select('failed_attempts')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBe(1);
  });

  it('must be changed after an administrator reset before anything else', async () => {
    const { app, database } = ctx();
    const user = await makeUser(database, { roles: ['qa_manager'] });
    const { session: admin } = await makeSignedInUser(app, database, { roles: ['admin'] });
    const reset = await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: admin.headers,
      payload: { newPassword: 'Temporary-Pass-2026', reason: 'Forgot password' },
    });
    expect(reset.json()).toMatchObject({ mustChangePassword: true });
    const session = await signIn(app, user.username, 'Temporary-Pass-2026');
    expect(session.me.passwordChangeRequired).toBe(true);
    const blocked = await app.inject({
      method: 'GET',
      url: '/api/users',
      headers: session.headers,
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (await changePassword(session.headers, 'Temporary-Pass-2026', 'My-Own-New-Password-9'))
        .statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/users', headers: session.headers })).statusCode,
    ).toBe(200);
    expect(await actionsFor(user.id)).toEqual(
      expect.arrayContaining(['user.password_reset', 'user.password_changed']),
    );
  });

  it('are stored as scrypt hashes, never as given', async () => {
    const user = await makeUser(ctx().database);
    const row = await ctx()
      .database.db.selectFrom('users')
      .select('password_hash')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(user.password);
  });
});

describe('password ageing', () => {
  const aged = useTestApp({ security: { passwordMaxAgeDays: 90 } });

  it('requires a change once the password is older than the configured days', async () => {
    const { app, database } = aged();
    const user = await makeUser(database);
    await database.db
      .updateTable('users')
      .set({ password_changed_at: new Date(Date.now() - 91 * 86_400_000) })
      .where('id', '=', user.id)
      .execute();
    const session = await signIn(app, user.username, user.password);
    expect(session.me.passwordChangeRequired).toBe(true);
    const res = await app.inject({
      method: 'GET',
      url: '/api/signatures',
      headers: session.headers,
    });
    expect(res.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, makeUser, signIn } from '../../../../test/support/auth.ts';

const ctx = useTestApp();

async function admin() {
  return (await makeSignedInUser(ctx().app, ctx().database, { roles: ['admin'] })).session;
}

describe('user administration', () => {
  it('creates a user who must change the initial password, audited without the password', async () => {
    const { app, database } = ctx();
    const session = await admin();
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload: {
        username: 'chen.jing',
        fullName: '陈静 Chen Jing',
        email: 'chen.jing@example.com',
        roles: ['qa_inspector'],
        password: 'Initial-Password-2026',
      },
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      username: 'chen.jing',
      fullName: '陈静 Chen Jing',
      status: 'active',
      roles: ['qa_inspector'],
      mustChangePassword: true,
    });
    const entry = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', user.id)
      .where('action', '=', 'user.created')
      .executeTakeFirstOrThrow();
    expect(entry.actor_id).toBe(session.me.user.id);
    expect(JSON.stringify(entry.after)).not.toContain('Initial-Password-2026');
    expect(
      (await signIn(app, 'chen.jing', 'Initial-Password-2026')).me.passwordChangeRequired,
    ).toBe(true);
  });

  it('never reuses a username, in any letter case, even of a disabled user', async () => {
    const { app, database } = ctx();
    const session = await admin();
    const existing = await makeUser(database, { username: 'former.staff' });
    await app.inject({
      method: 'POST',
      url: `/api/users/${existing.id}/disable`,
      headers: session.headers,
      payload: { reason: 'Left' },
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload: {
        username: 'Former.Staff'.toLowerCase(),
        fullName: 'New',
        password: 'Initial-Password-2026',
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('USERNAME_TAKEN');
  });

  it('validates input with clear field errors', async () => {
    const session = await admin();
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload: { username: 'Bad Name!', fullName: '', password: 'x', email: 'not-an-email' },
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['body.email', 'body.fullName', 'body.username']);
  });

  it('refuses unknown roles and writes nothing', async () => {
    const { app, database } = ctx();
    const session = await admin();
    const res = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload: {
        username: 'ghost',
        fullName: 'Ghost',
        roles: ['wizard'],
        password: 'Initial-Password-2026',
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'UNKNOWN_ROLE', params: { roles: ['wizard'] } });
    expect(
      await database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'ghost')
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it("changes roles with a reason, audited before → after; not one's own", async () => {
    const { app, database } = ctx();
    const session = await admin();
    const user = await makeUser(database, { roles: ['operator'] });
    const res = await app.inject({
      method: 'PUT',
      url: `/api/users/${user.id}/roles`,
      headers: session.headers,
      payload: { roles: ['operator', 'production_supervisor'], reason: 'Promoted to line lead' },
    });
    expect(res.json().roles).toEqual(['operator', 'production_supervisor']);
    const entry = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', user.id)
      .where('action', '=', 'user.roles_changed')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      before: { roles: ['operator'] },
      after: { roles: ['operator', 'production_supervisor'] },
      reason: 'Promoted to line lead',
    });
    const self = await app.inject({
      method: 'PUT',
      url: `/api/users/${session.me.user.id}/roles`,
      headers: session.headers,
      payload: { roles: ['viewer'], reason: 'x' },
    });
    expect(self.json().code).toBe('CANNOT_CHANGE_OWN_ACCESS');
  });

  it('requires a reason for changes', async () => {
    const session = await admin();
    const user = await makeUser(ctx().database);
    const res = await ctx().app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/disable`,
      headers: session.headers,
      payload: {},
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.reason');
  });

  it('ends the sessions of a disabled user', async () => {
    const { app, database } = ctx();
    const session = await admin();
    const { user, session: theirs } = await makeSignedInUser(app, database, { roles: ['viewer'] });
    await app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/disable`,
      headers: session.headers,
      payload: { reason: 'Suspended' },
    });
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: theirs.headers }))
        .statusCode,
    ).toBe(401);
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    const session = await admin();
    const unknown = await ctx().app.inject({
      method: 'GET',
      url: '/api/users/0190a6f0-0000-7000-8000-000000000000',
      headers: session.headers,
    });
    expect(unknown.statusCode).toBe(404);
    const malformed = await ctx().app.inject({
      method: 'GET',
      url: '/api/users/not-a-uuid',
      headers: session.headers,
    });
    expect(malformed.statusCode).toBe(400);
  });

  it('lists users with search, filters and paging', async () => {
    const { app, database } = ctx();
    const session = await admin();
    await makeUser(database, { username: 'list.alpha', roles: ['warehouse'] });
    await makeUser(database, { username: 'list.beta', roles: ['warehouse'] });
    await makeUser(database, { username: 'list.gamma', roles: ['purchasing'] });
    const res = await app.inject({
      method: 'GET',
      url: '/api/users?q=list.&role=warehouse&limit=1',
      headers: session.headers,
    });
    expect(res.json().total).toBe(2);
    expect(res.json().items.map((u: { username: string }) => u.username)).toEqual(['list.alpha']);
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, makeUser, signIn } from '../../../../test/support/auth.ts';
import { PUBLIC_API_ROUTES } from '../http/access.ts';

const ctx = useTestApp();

describe('every route declares who may call it', () => {
  it('has an access rule on every route, and only the short list is public', () => {
    const { routes } = ctx().app.lotline;
    expect(routes.length).toBeGreaterThan(20);
    const undeclared = routes
      .filter((r) => r.access === undefined)
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const publicApi = routes
      .filter(
        (r) =>
          r.access &&
          'public' in r.access &&
          r.url.startsWith('/api') &&
          !r.url.startsWith('/api/docs'),
      )
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicApi).toEqual([...PUBLIC_API_ROUTES].sort());
  });

  it('has no route that deletes users, audit entries or signatures', () => {
    const deletes = ctx()
      .app.lotline.routes.filter((r) => r.method === 'DELETE')
      .map((r) => r.url);
    expect(deletes.filter((u) => /users|audit|signatures/.test(u))).toEqual([]);
  });
});

describe('access is denied by default', () => {
  it('answers 401 UNAUTHENTICATED without a session', async () => {
    for (const url of ['/api/users', '/api/audit', '/api/roles', '/api/auth/me', '/api/tokens']) {
      const res = await ctx().app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 403 FORBIDDEN naming the permission a signed-in user lacks', async () => {
    const { session } = await makeSignedInUser(ctx().app, ctx().database, { roles: ['operator'] });
    const res = await ctx().app.inject({
      method: 'GET',
      url: '/api/users',
      headers: session.headers,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', params: { permission: 'user.read' } });
  });

  it('lets a user with the permission in', async () => {
    const { session } = await makeSignedInUser(ctx().app, ctx().database, {
      roles: ['qa_manager'],
    });
    const res = await ctx().app.inject({
      method: 'GET',
      url: '/api/users',
      headers: session.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBeGreaterThan(0);
  });

  it('refuses a forged or ended session cookie', async () => {
    const forged = await ctx().app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: 'lotline_session=forged' },
    });
    expect(forged.statusCode).toBe(401);
    const { session } = await makeSignedInUser(ctx().app, ctx().database, { roles: ['viewer'] });
    const out = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: session.headers,
    });
    expect(out.statusCode).toBe(204);
    const after = await ctx().app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: session.headers,
    });
    expect(after.statusCode).toBe(401);
  });
});

describe('cross-site request forgery', () => {
  it('refuses a cookie-authenticated write without the session CSRF token', async () => {
    const { session } = await makeSignedInUser(ctx().app, ctx().database, { roles: ['admin'] });
    const payload = { username: 'csrf-victim', fullName: 'X', password: 'Long-Enough-Password-1' };
    const without = await ctx().app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: session.cookie },
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await ctx().app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: session.cookie, 'x-csrf-token': 'guess' },
      payload,
    });
    expect(wrong.json().code).toBe('CSRF_TOKEN_INVALID');
    const right = await ctx().app.inject({
      method: 'POST',
      url: '/api/users',
      headers: session.headers,
      payload,
    });
    expect(right.statusCode).toBe(201);
  });

  it('sets the session cookie httpOnly and SameSite=Strict', async () => {
    const user = await makeUser(ctx().database, { roles: ['viewer'] });
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: user.password },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/lotline_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });
});

describe('API tokens', () => {
  it('authenticate with Bearer, act within their scope, and stop working when revoked', async () => {
    const { app, database } = ctx();
    const { user, session } = await makeSignedInUser(app, database, { roles: ['qa_manager'] });
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: session.headers,
      payload: { name: 'LIMS import', permissions: ['audit.read'], expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json();
    expect(secret).toMatch(/^llt_/);
    expect(token).toMatchObject({
      name: 'LIMS import',
      userId: user.id,
      permissions: ['audit.read'],
      status: 'active',
    });
    expect(JSON.stringify(token)).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}` };
    expect(
      (await app.inject({ method: 'GET', url: '/api/audit', headers: bearer })).statusCode,
    ).toBe(200);
    const outOfScope = await app.inject({ method: 'GET', url: '/api/users', headers: bearer });
    expect(outOfScope.statusCode).toBe(403);
    expect(outOfScope.json().code).toBe('FORBIDDEN');

    const revoked = await app.inject({
      method: 'POST',
      url: `/api/tokens/${token.id}/revoke`,
      headers: session.headers,
      payload: { reason: 'LIMS decommissioned' },
    });
    expect(revoked.json().status).toBe('revoked');
    const after = await app.inject({ method: 'GET', url: '/api/audit', headers: bearer });
    expect(after.statusCode).toBe(401);
  });

  it('is stored only as a hash', async () => {
    const { app, database } = ctx();
    const { session } = await makeSignedInUser(app, database, { roles: ['viewer'] });
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: session.headers,
      payload: { name: 'script', permissions: ['signature.read'] },
    });
    const { token, secret } = created.json();
    const row = await database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(Object.values(row).map(String).join('|')).not.toContain(secret);
  });

  it('cannot be scoped beyond what the user holds, nor made for another user without token.manage', async () => {
    const { app, database } = ctx();
    const { session } = await makeSignedInUser(app, database, { roles: ['viewer'] });
    const beyond = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: session.headers,
      payload: { name: 'x', permissions: ['user.manage'] },
    });
    expect(beyond.statusCode).toBe(422);
    expect(beyond.json()).toMatchObject({
      code: 'TOKEN_SCOPE_EXCEEDS_USER',
      params: { permissions: ['user.manage'] },
    });
    const other = await makeUser(database, { roles: ['viewer'] });
    const forOther = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: session.headers,
      payload: { name: 'x', permissions: ['signature.read'], userId: other.id },
    });
    expect(forOther.statusCode).toBe(403);
  });

  it('stops working when expired', async () => {
    const { app, database } = ctx();
    const { session } = await makeSignedInUser(app, database, { roles: ['viewer'] });
    const { token, secret } = (
      await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: session.headers,
        payload: { name: 'x', permissions: ['signature.read'], expiresInDays: 1 },
      })
    ).json();
    await database.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', token.id)
      .execute();
    const res = await app.inject({
      method: 'GET',
      url: '/api/signatures',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(res.statusCode).toBe(401);
  });

  it("lists only one's own tokens, and everyone's only with token.manage", async () => {
    const { app, database } = ctx();
    const { session } = await makeSignedInUser(app, database, { roles: ['viewer'] });
    await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: session.headers,
      payload: { name: 'mine', permissions: ['signature.read'] },
    });
    const mine = (
      await app.inject({ method: 'GET', url: '/api/tokens', headers: session.headers })
    ).json();
    expect(mine.items.map((t: { name: string }) => t.name)).toEqual(['mine']);
    const all = await app.inject({
      method: 'GET',
      url: '/api/tokens?all=true',
      headers: session.headers,
    });
    expect(all.statusCode).toBe(403);
    const { session: admin } = await makeSignedInUser(app, database, { roles: ['admin'] });
    const everyone = (
      await app.inject({ method: 'GET', url: '/api/tokens?all=true', headers: admin.headers })
    ).json();
    expect(everyone.total).toBeGreaterThan(1);
  });

  it('cannot create tokens itself', async () => {
    const { app, database } = ctx();
    const { session } = await makeSignedInUser(app, database, { roles: ['viewer'] });
    const { secret } = (
      await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: session.headers,
        payload: { name: 'x', permissions: ['signature.read'] },
      })
    ).json();
    const res = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { authorization: `Bearer ${secret}` },
      payload: { name: 'y', permissions: ['signature.read'] },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('sessions', () => {
  it('end after the idle timeout, audited', async () => {
    const { app, database } = ctx();
    const { user, session } = await makeSignedInUser(app, database, { roles: ['viewer'] });
    await database.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(Date.now() - 16 * 60_000) })
      .where('user_id', '=', user.id)
      .execute();
    const res = await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers });
    expect(res.statusCode).toBe(401);
    const entry = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', user.id)
      .where('action', '=', 'auth.session_ended')
      .executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ reason: 'idle_timeout' });
  });

  it('end at their absolute lifetime even when active', async () => {
    const { app, database } = ctx();
    const { user, session } = await makeSignedInUser(app, database, { roles: ['viewer'] });
    await database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', user.id)
      .execute();
    expect(
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers }))
        .statusCode,
    ).toBe(401);
  });

  it('report the idle timeout and expiry to the client', async () => {
    const { app, database } = ctx();
    const user = await makeUser(database, { roles: ['viewer'] });
    const s = await signIn(app, user.username, user.password);
    expect(s.me.session?.idleTimeoutMinutes).toBe(15);
    expect(new Date(s.me.session?.expiresAt ?? 0).getTime()).toBeGreaterThan(
      Date.now() + 11 * 3_600_000,
    );
  });
});

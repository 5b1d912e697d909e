import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, makeUser } from '../../../../test/support/auth.ts';
import { systemActor } from '../actor.ts';
import { recordAudit, verifyAuditChain } from './audit.service.ts';

const ctx = useTestApp();
const actor = systemActor('test');

describe('the audit trail', () => {
  it('commits with the change it records, or not at all', async () => {
    const db = ctx().database.db;
    const before = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('platform_settings')
          .values({ key: 'atomic-probe', value: JSON.stringify(1) })
          .execute();
        await recordAudit(trx, actor, {
          action: 'probe.changed',
          entityType: 'probe',
          entityId: 'atomic-probe',
        });
        throw new Error('the next step failed');
      }),
    ).rejects.toThrow('the next step failed');
    expect(
      await db
        .selectFrom('platform_settings')
        .select('key')
        .where('key', '=', 'atomic-probe')
        .executeTakeFirst(),
    ).toBeUndefined();
    const after = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('refuses to write outside a transaction', async () => {
    const db = ctx().database.db;
    // @ts-expect-error recordAudit takes a transaction, not the root handle
    await expect(recordAudit(db, actor, { action: 'x', entityType: 'x' })).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
    const db = ctx().database.db;
    await db
      .transaction()
      .execute((trx) => recordAudit(trx, actor, { action: 'probe.x', entityType: 'probe' }));
    await expect(sql`update audit_log set reason = 'rewritten'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('chains entries with gapless sequence numbers, also under concurrent writers', async () => {
    const db = ctx().database.db;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.transaction().execute((trx) =>
          recordAudit(trx, actor, {
            action: 'probe.concurrent',
            entityType: 'probe',
            entityId: String(i),
            after: { i },
          }),
        ),
      ),
    );
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(true);
    const rows = await db.selectFrom('audit_log').select('seq').orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
  });

  it('lets `audit verify` name the first entry altered by a superuser with the trigger disabled', async () => {
    const db = ctx().database.db;
    for (let i = 0; i < 3; i++) {
      await db.transaction().execute((trx) =>
        recordAudit(trx, actor, {
          action: 'probe.tamper',
          entityType: 'probe',
          entityId: `t${i}`,
          after: { qty: '10' },
        }),
      );
    }
    const target = await db
      .selectFrom('audit_log')
      .select('seq')
      .where('entity_id', '=', 't1')
      .executeTakeFirstOrThrow();
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
    try {
      await sql`update audit_log set after = '{"qty": "1000"}'::jsonb where seq = ${target.seq}`.execute(
        db,
      );
    } finally {
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
    }
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false, firstBadSeq: target.seq, problem: 'hash_mismatch' });
    // Restore, then remove an entry instead: the gap is named.
    await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
    try {
      await sql`update audit_log set after = '{"qty": "10"}'::jsonb where seq = ${target.seq}`.execute(
        db,
      );
      expect((await verifyAuditChain(db)).ok).toBe(true);
      await sql`delete from audit_log where seq = ${target.seq}`.execute(db);
    } finally {
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
    }
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false,
      firstBadSeq: target.seq,
      problem: 'sequence_gap',
    });
  });
});

describe('GET /api/audit', () => {
  it('filters by entity, actor, action and time, newest first, paginated', async () => {
    const { app, database } = ctx();
    const { session } = await makeSignedInUser(app, database, { roles: ['qa_manager'] });
    const subject = await makeUser(database);
    const from = new Date(Date.now() - 60_000).toISOString();
    const res = await app.inject({
      method: 'GET',
      url: `/api/audit?entityType=user&entityId=${subject.id}&from=${encodeURIComponent(from)}`,
      headers: session.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      total: 1,
      items: [{ action: 'user.created', entityId: subject.id, actorName: 'test' }],
    });
    const byAction = await app.inject({
      method: 'GET',
      url: '/api/audit?action=auth.login&limit=1',
      headers: session.headers,
    });
    expect(byAction.json().items).toHaveLength(1);
    expect(byAction.json().total).toBeGreaterThanOrEqual(1);
    const future = await app.inject({
      method: 'GET',
      url: `/api/audit?from=${encodeURIComponent('2099-01-01T00:00:00Z')}`,
      headers: session.headers,
    });
    expect(future.json()).toEqual({ items: [], total: 0 });
  });

  it('refuses a malformed time filter with 400', async () => {
    const { app, database } = ctx();
    const { session } = await makeSignedInUser(app, database, { roles: ['qa_manager'] });
    const res = await app.inject({
      method: 'GET',
      url: '/api/audit?from=yesterday',
      headers: session.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('querystring.from');
  });

  it('exports CSV with a header row, and audits the export', async () => {
    const { app, database } = ctx();
    const { session } = await makeSignedInUser(app, database, { roles: ['qa_manager'] });
    const subject = await makeUser(database, { fullName: 'Comma, "Quoted" 名字' });
    const res = await app.inject({
      method: 'GET',
      url: `/api/audit/export.csv?entityId=${subject.id}`,
      headers: session.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="lotline-audit-/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'seq,at,actorType,actorId,actorName,tokenId,action,entityType,entityId,before,after,reason,requestId,hash',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('user.created');
    expect(lines[1]).toContain('Comma, \\""Quoted\\"" 名字');
    const exported = await database.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'audit.exported')
      .executeTakeFirstOrThrow();
    expect(exported.actor_id).toBe(session.me.user.id);
  });

  it('needs audit.export to export', async () => {
    const { app, database } = ctx();
    const { session } = await makeSignedInUser(app, database, { roles: ['operator'] });
    expect(
      (await app.inject({ method: 'GET', url: '/api/audit/export.csv', headers: session.headers }))
        .statusCode,
    ).toBe(403);
  });
});

describe('GET /api/audit/records/:entityType/:entityId', () => {
  it("shows a record's history to whoever may read the record, and nothing else", async () => {
    const db = ctx().database.db;
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, actor, {
        action: 'item.created',
        entityType: 'item',
        entityId: 'i-1',
      });
      await recordAudit(trx, actor, {
        action: 'item.updated',
        entityType: 'item',
        entityId: 'i-1',
      });
      await recordAudit(trx, actor, {
        action: 'item.created',
        entityType: 'item',
        entityId: 'i-2',
      });
    });
    const { session: engineer } = await makeSignedInUser(ctx().app, ctx().database, {
      roles: ['engineer'],
    });
    const own = await ctx().app.inject({
      url: '/api/audit/records/item/i-1?limit=10',
      headers: engineer.headers,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((e: { action: string }) => e.action)).toEqual([
      'item.updated',
      'item.created',
    ]);
    expect(own.json().total).toBe(2);

    // Engineers do not read users, nor the whole trail.
    const users = await ctx().app.inject({
      url: '/api/audit/records/user/u-1',
      headers: engineer.headers,
    });
    expect(users.statusCode).toBe(403);
    const unknown = await ctx().app.inject({
      url: '/api/audit/records/probe/atomic-probe',
      headers: engineer.headers,
    });
    expect(unknown.statusCode).toBe(403);
    const all = await ctx().app.inject({ url: '/api/audit', headers: engineer.headers });
    expect(all.statusCode).toBe(403);
  });
});

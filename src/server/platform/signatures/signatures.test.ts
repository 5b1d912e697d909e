import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, makeUser, type Session } from '../../../../test/support/auth.ts';

const ctx = useTestApp();

function setPermissions(
  session: Session,
  role: string,
  permissions: string[],
  signature: Record<string, unknown>,
) {
  return ctx().app.inject({
    method: 'PUT',
    url: `/api/roles/${role}/permissions`,
    headers: session.headers,
    payload: {
      permissions,
      reason: 'Inspectors read the audit trail during batch review',
      signature,
    },
  });
}

async function permissionsOf(role: string): Promise<string[]> {
  const rows = await ctx()
    .database.db.selectFrom('role_permissions')
    .select('permission')
    .where('role_key', '=', role)
    .orderBy('permission')
    .execute();
  return rows.map((r) => r.permission);
}

async function newAdmin() {
  return makeSignedInUser(ctx().app, ctx().database, {
    roles: ['admin'],
    fullName: '王磊 Wang Lei',
  });
}

describe('electronic signatures', () => {
  it('sign a role change and show the manifestation: printed name, time, meaning', async () => {
    const { user, session } = await newAdmin();
    const res = await setPermissions(session, 'qa_inspector', ['audit.read', 'signature.read'], {
      username: user.username,
      password: user.password,
      meaning: 'approved',
      comment: 'Per SOP-QA-012',
    });
    expect(res.statusCode).toBe(200);
    const role = res.json();
    expect(role.permissions).toEqual(['audit.read', 'signature.read']);
    const last = role.signatures.at(-1);
    expect(last).toMatchObject({
      signerId: user.id,
      signerName: '王磊 Wang Lei',
      meaning: 'approved',
      comment: 'Per SOP-QA-012',
      recordType: 'role',
      recordId: 'qa_inspector',
    });
    expect(Date.now() - new Date(last.signedAt).getTime()).toBeLessThan(60_000);
    expect(last.recordHash).toMatch(/^[0-9a-f]{64}$/);
    // Shown again wherever the record is read.
    const read = await ctx().app.inject({
      method: 'GET',
      url: '/api/roles/qa_inspector',
      headers: session.headers,
    });
    expect(read.json().signatures.at(-1).id).toBe(last.id);
  });

  it('refuses a wrong password, changes nothing, and counts it toward lockout', async () => {
    const { user, session } = await newAdmin();
    const before = await permissionsOf('warehouse');
    const res = await setPermissions(session, 'warehouse', ['audit.read'], {
      username: user.username,
      password: 'wrong',
      meaning: 'approved',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SIGNATURE_PASSWORD_INVALID');
    expect(await permissionsOf('warehouse')).toEqual(before);
    const row = await ctx()
      .database.db.selectFrom('users')
      .select('failed_attempts')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBe(1);
    const changed = await ctx()
      .database.db.selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'role.permissions_changed')
      .where('entity_id', '=', 'warehouse')
      .execute();
    expect(changed).toEqual([]);
  });

  it('locks the signer out after five wrong signature passwords', async () => {
    const { user, session } = await newAdmin();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (
          await setPermissions(session, 'warehouse', ['audit.read'], {
            username: user.username,
            password: `wrong${i}`,
            meaning: 'approved',
          })
        ).json().code,
      );
    }
    expect(codes).toEqual([
      'SIGNATURE_PASSWORD_INVALID',
      'SIGNATURE_PASSWORD_INVALID',
      'SIGNATURE_PASSWORD_INVALID',
      'SIGNATURE_PASSWORD_INVALID',
      'ACCOUNT_LOCKED',
    ]);
    // Locked: the session no longer works either.
    expect(
      (await ctx().app.inject({ method: 'GET', url: '/api/auth/me', headers: session.headers }))
        .statusCode,
    ).toBe(401);
  });

  it("refuses a signature in another user's name, even with their right password", async () => {
    const { session } = await newAdmin();
    const other = await makeUser(ctx().database, { roles: ['admin'] });
    const res = await setPermissions(session, 'purchasing', ['audit.read'], {
      username: other.username,
      password: other.password,
      meaning: 'approved',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SIGNATURE_SIGNER_MISMATCH');
  });

  it('refuses a meaning the action does not allow', async () => {
    const { user, session } = await newAdmin();
    const before = await permissionsOf('purchasing');
    const res = await setPermissions(session, 'purchasing', ['audit.read'], {
      username: user.username,
      password: user.password,
      meaning: 'reviewed',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'SIGNATURE_MEANING_NOT_ALLOWED',
      params: { meaning: 'reviewed', allowed: ['approved'] },
    });
    expect(await permissionsOf('purchasing')).toEqual(before);
  });

  it('requires the signature in the request', async () => {
    const { session } = await newAdmin();
    const res = await ctx().app.inject({
      method: 'PUT',
      url: '/api/roles/purchasing/permissions',
      headers: session.headers,
      payload: { permissions: ['audit.read'], reason: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.signature');
  });

  it('cannot be given through an API token', async () => {
    const { user, session } = await newAdmin();
    const { secret } = (
      await ctx().app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: session.headers,
        payload: { name: 'x', permissions: ['role.manage'] },
      })
    ).json();
    const res = await ctx().app.inject({
      method: 'PUT',
      url: '/api/roles/purchasing/permissions',
      headers: { authorization: `Bearer ${secret}` },
      payload: {
        permissions: ['audit.read'],
        reason: 'x',
        signature: { username: user.username, password: user.password, meaning: 'approved' },
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SIGNATURE_REQUIRES_USER');
  });

  it('verify as valid until the record changes, then show the old signature as broken', async () => {
    const { user, session } = await newAdmin();
    const sign = { username: user.username, password: user.password, meaning: 'approved' };
    const first = (
      await setPermissions(session, 'engineer', ['audit.read', 'signature.read'], sign)
    )
      .json()
      .signatures.at(-1);
    const verify = (id: string) =>
      ctx().app.inject({
        method: 'GET',
        url: `/api/signatures/${id}/verify`,
        headers: session.headers,
      });
    expect((await verify(first.id)).json()).toMatchObject({ status: 'valid', valid: true });

    // Changed behind the application's back: the signature no longer matches.
    await ctx()
      .database.db.insertInto('role_permissions')
      .values({ role_key: 'engineer', permission: 'user.read' })
      .execute();
    const broken = (await verify(first.id)).json();
    expect(broken).toMatchObject({
      status: 'broken',
      valid: false,
      recordHashAtSigning: first.recordHash,
    });
    expect(broken.currentRecordHash).not.toBe(first.recordHash);
    // Changed outside any signature: nothing explains it.
    expect(broken.supersededBy).toBeNull();

    const second = (await setPermissions(session, 'engineer', ['signature.read'], sign))
      .json()
      .signatures.at(-1);
    expect((await verify(second.id)).json()).toMatchObject({ status: 'valid', supersededBy: null });
    // Still broken (the record changed) but explained by the later signature.
    expect((await verify(first.id)).json()).toMatchObject({
      status: 'broken',
      supersededBy: second.id,
    });
  });

  it('are append-only in the database and audited', async () => {
    const { user, session } = await newAdmin();
    const sig = (
      await setPermissions(session, 'operator', ['signature.read'], {
        username: user.username,
        password: user.password,
        meaning: 'approved',
      })
    )
      .json()
      .signatures.at(-1);
    await expect(
      sql`update signatures set meaning = 'reviewed' where id = ${sig.id}`.execute(
        ctx().database.db,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from signatures where id = ${sig.id}`.execute(ctx().database.db),
    ).rejects.toThrow(/append-only/);
    const entry = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'signature.signed')
      .where('entity_id', '=', 'operator')
      .executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ id: sig.id, meaning: 'approved' });
  });

  it("won't let an administrator approve a change to a role they hold, and costs no password attempt", async () => {
    const { user, session } = await newAdmin();
    const res = await setPermissions(session, 'admin', ['user.manage'], {
      username: user.username,
      password: user.password,
      meaning: 'approved',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CANNOT_CHANGE_OWN_ACCESS');
    // Refused before the signature was checked: even a wrong password would not count.
    const wrong = await setPermissions(session, 'admin', ['user.manage'], {
      username: user.username,
      password: 'wrong',
      meaning: 'approved',
    });
    expect(wrong.json().code).toBe('CANNOT_CHANGE_OWN_ACCESS');
    const row = await ctx()
      .database.db.selectFrom('users')
      .select('failed_attempts')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.failed_attempts).toBe(0);
  });

  it('list by record, with pagination', async () => {
    const { session } = await newAdmin();
    const res = await ctx().app.inject({
      method: 'GET',
      url: '/api/signatures?recordType=role&recordId=engineer&limit=1',
      headers: session.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().total).toBe(2);
  });
});

describe('creating a role', () => {
  it('is signed, and refuses unknown permissions and taken keys', async () => {
    const { user, session } = await newAdmin();
    const signature = { username: user.username, password: user.password, meaning: 'approved' };
    const payload = {
      key: 'lab_technician',
      nameEn: 'Lab technician',
      nameZh: '化验员',
      permissions: ['signature.read'],
      signature,
    };
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/roles',
      headers: session.headers,
      payload,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      key: 'lab_technician',
      builtIn: false,
      signatures: [{ meaning: 'approved' }],
    });
    const again = await ctx().app.inject({
      method: 'POST',
      url: '/api/roles',
      headers: session.headers,
      payload,
    });
    expect(again.json().code).toBe('ROLE_KEY_TAKEN');
    const unknown = await ctx().app.inject({
      method: 'POST',
      url: '/api/roles',
      headers: session.headers,
      payload: { ...payload, key: 'x_role', permissions: ['lot.fly'] },
    });
    expect(unknown.statusCode).toBe(400);
  });
});

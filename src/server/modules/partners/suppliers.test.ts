import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, TEST_PASSWORD, type Session } from '../../../../test/support/auth.ts';
import { assertSupplierApprovedForItem, isSupplierApprovedForItem } from './index.ts';

const ctx = useTestApp();

async function as(...roles: string[]): Promise<Session> {
  return (await makeSignedInUser(ctx().app, ctx().database, { roles })).session;
}

let seq = 0;
async function createSupplier(session: Session, overrides: Record<string, unknown> = {}) {
  seq++;
  return ctx().app.inject({
    method: 'POST',
    url: '/api/suppliers',
    headers: session.headers,
    payload: {
      code: `SUP-T${seq}`,
      legalNameZh: `测试供应商 ${seq}`,
      legalNameEn: `Test Supplier ${seq}`,
      country: 'cn',
      contactEmail: 'qa@supplier.example.cn',
      ...overrides,
    },
  });
}

async function createItem(session: Session, status: 'active' | 'obsolete' = 'active') {
  seq++;
  const res = await ctx().app.inject({
    method: 'POST',
    url: '/api/items',
    headers: session.headers,
    payload: {
      code: `CP-T${seq}`,
      nameZh: '测试零件',
      nameEn: 'Test part',
      type: 'component',
      uom: 'pcs',
      tracking: 'lot',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const item = res.json<{ id: string; code: string }>();
  if (status === 'obsolete') {
    await ctx().app.inject({
      method: 'POST',
      url: `/api/items/${item.id}/status`,
      headers: session.headers,
      payload: { status: 'obsolete', reason: 'Replaced' },
    });
  }
  return item;
}

function changeStatus(
  session: Session,
  id: string,
  status: string,
  signature: Record<string, unknown> | null = {
    username: session.me.user.username,
    password: TEST_PASSWORD,
    meaning: 'approved',
  },
) {
  return ctx().app.inject({
    method: 'POST',
    url: `/api/suppliers/${id}/status`,
    headers: session.headers,
    payload: {
      status,
      reason: 'Supplier audit SA-2026-03 passed',
      ...(signature === null ? {} : { signature }),
    },
  });
}

describe('suppliers', () => {
  it('creates a supplier pending approval, audited, with the country upper-cased', async () => {
    const res = await createSupplier(await as('purchasing'));
    expect(res.statusCode, res.body).toBe(201);
    const supplier = res.json();
    expect(supplier).toMatchObject({
      approvalStatus: 'pending',
      country: 'CN',
      certificates: [],
      approvedItems: [],
      statusHistory: [],
      warnings: [{ kind: 'status_pending' }],
    });
    const entry = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', supplier.id)
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('supplier.created');
  });

  it('refuses a code already used, whatever its case, and a country that is not ISO 3166', async () => {
    const session = await as('purchasing');
    expect((await createSupplier(session, { code: 'SUP-DUP' })).statusCode).toBe(201);
    const again = await createSupplier(session, { code: 'sup-dup' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SUPPLIER_CODE_TAKEN');
    const badCountry = await createSupplier(session, { country: 'China' });
    expect(badCountry.statusCode).toBe(400);
    expect(badCountry.json().code).toBe('VALIDATION_FAILED');
  });

  it('lists with search over code and names, filters and pages', async () => {
    const session = await as('purchasing');
    for (const n of [1, 2, 3])
      await createSupplier(session, {
        code: `ACME-${n}`,
        legalNameZh: `艾克米精密 ${n}`,
        country: n === 3 ? 'DE' : 'CN',
      });
    const get = async (query: string) =>
      (
        await ctx().app.inject({
          method: 'GET',
          url: `/api/suppliers?${query}`,
          headers: session.headers,
        })
      ).json();
    const byName = await get('q=艾克米&limit=2');
    expect(byName.total).toBe(3);
    expect(byName.items.map((s: { code: string }) => s.code)).toEqual(['ACME-1', 'ACME-2']);
    expect((await get('q=艾克米&limit=2&offset=2')).items[0].code).toBe('ACME-3');
    expect((await get('q=acme&country=DE')).total).toBe(1);
    expect((await get('q=acme&approvalStatus=approved')).total).toBe(0);
  });

  it('needs supplier.manage to create and supplier.approve to change the status', async () => {
    const viewer = await as('viewer');
    expect((await createSupplier(viewer)).statusCode).toBe(403);
    const purchasing = await as('purchasing');
    const { id } = (await createSupplier(purchasing)).json();
    const res = await changeStatus(purchasing, id, 'approved');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });
});

describe('supplier approval status', () => {
  it('is changed only with an electronic signature of the signed-in user', async () => {
    const qa = await as('qa_manager');
    const { id } = (await createSupplier(await as('purchasing'))).json();

    const unsigned = await changeStatus(qa, id, 'approved', null);
    expect(unsigned.statusCode).toBe(422);
    expect(unsigned.json().code).toBe('SIGNATURE_REQUIRED');

    const wrongPassword = await changeStatus(qa, id, 'approved', {
      username: qa.me.user.username,
      password: 'not-my-password',
      meaning: 'approved',
    });
    expect(wrongPassword.statusCode).toBe(403);
    expect(wrongPassword.json().code).toBe('SIGNATURE_PASSWORD_INVALID');

    const wrongMeaning = await changeStatus(qa, id, 'approved', {
      username: qa.me.user.username,
      password: TEST_PASSWORD,
      meaning: 'rejected',
    });
    expect(wrongMeaning.statusCode).toBe(422);
    expect(wrongMeaning.json().code).toBe('SIGNATURE_MEANING_NOT_ALLOWED');

    const supplier = (
      await ctx().app.inject({
        method: 'GET',
        url: `/api/suppliers/${id}`,
        headers: qa.headers,
      })
    ).json();
    expect(supplier.approvalStatus).toBe('pending');
    expect(supplier.statusHistory).toEqual([]);
  });

  it('approves with a signature linked to an append-only history row, audited and verifiable', async () => {
    const qa = await as('qa_manager');
    const { id } = (await createSupplier(await as('purchasing'))).json();
    const res = await changeStatus(qa, id, 'approved');
    expect(res.statusCode, res.body).toBe(200);
    const supplier = res.json();
    expect(supplier.approvalStatus).toBe('approved');
    expect(supplier.warnings).toEqual([{ kind: 'no_valid_certificate' }]);
    expect(supplier.statusHistory).toHaveLength(1);
    const change = supplier.statusHistory[0];
    expect(change).toMatchObject({
      fromStatus: 'pending',
      toStatus: 'approved',
      reason: 'Supplier audit SA-2026-03 passed',
      changedBy: qa.me.user.fullName,
      signature: {
        meaning: 'approved',
        signerUsername: qa.me.user.username,
        recordType: 'supplier_status_change',
        recordId: change.id,
      },
    });

    const verify = await ctx().app.inject({
      method: 'GET',
      url: `/api/signatures/${change.signature.id}/verify`,
      headers: qa.headers,
    });
    expect(verify.json()).toMatchObject({ status: 'valid', valid: true });

    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', id)
      .where('action', '=', 'supplier.status_changed')
      .executeTakeFirstOrThrow();
    expect(audit.before).toEqual({ approvalStatus: 'pending' });
    expect(audit.after).toMatchObject({
      approvalStatus: 'approved',
      signatureId: change.signature.id,
    });

    await expect(
      sql`update supplier_status_changes set reason = 'edited' where id = ${change.id}`.execute(
        ctx().database.db,
      ),
    ).rejects.toThrow(/append-only/);
  });

  it('follows the allowed transitions: a disqualified supplier is re-evaluated through pending', async () => {
    const qa = await as('qa_manager');
    const { id } = (await createSupplier(await as('purchasing'))).json();
    const sign = (meaning: string) => ({
      username: qa.me.user.username,
      password: TEST_PASSWORD,
      meaning,
    });
    expect((await changeStatus(qa, id, 'disqualified', sign('rejected'))).statusCode).toBe(200);
    const back = await changeStatus(qa, id, 'approved', sign('approved'));
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({
      code: 'SUPPLIER_STATUS_TRANSITION_NOT_ALLOWED',
      params: { from: 'disqualified', to: 'approved' },
    });
    expect((await changeStatus(qa, id, 'pending', sign('reviewed'))).json().approvalStatus).toBe(
      'pending',
    );
    const conditional = await changeStatus(qa, id, 'conditional', sign('approved'));
    expect(conditional.json()).toMatchObject({
      approvalStatus: 'conditional',
      warnings: [{ kind: 'status_conditional' }, { kind: 'no_valid_certificate' }],
    });
    expect(conditional.json().statusHistory.map((c: { toStatus: string }) => c.toStatus)).toEqual([
      'disqualified',
      'pending',
      'conditional',
    ]);
  });
});

describe('approved items', () => {
  it('lists items per supplier; purchasing may use a supplier only when approved and the item is listed', async () => {
    const admin = await as('admin');
    const item = await createItem(admin);
    const { id } = (await createSupplier(admin)).json();
    const db = ctx().database.db;

    const add = await ctx().app.inject({
      method: 'POST',
      url: `/api/suppliers/${id}/items`,
      headers: admin.headers,
      payload: { itemId: item.id, supplierPartNumber: 'KH-PVC-3000' },
    });
    expect(add.statusCode, add.body).toBe(201);
    const link = add.json();
    expect(link).toMatchObject({
      itemCode: item.code,
      supplierPartNumber: 'KH-PVC-3000',
      active: true,
    });

    // Listed but still pending: not yet a source.
    expect(await isSupplierApprovedForItem(db, id, item.id)).toBe(false);
    await expect(assertSupplierApprovedForItem(db, id, item.id)).rejects.toMatchObject({
      code: 'SUPPLIER_NOT_APPROVED',
    });
    await changeStatus(admin, id, 'approved');
    expect(await isSupplierApprovedForItem(db, id, item.id)).toBe(true);

    const bySupplierOfItem = await ctx().app.inject({
      method: 'GET',
      url: `/api/suppliers?itemId=${item.id}`,
      headers: admin.headers,
    });
    expect(bySupplierOfItem.json().items.map((s: { id: string }) => s.id)).toEqual([id]);

    const again = await ctx().app.inject({
      method: 'POST',
      url: `/api/suppliers/${id}/items`,
      headers: admin.headers,
      payload: { itemId: item.id },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SUPPLIER_ITEM_ALREADY_LISTED');

    const end = () =>
      ctx().app.inject({
        method: 'POST',
        url: `/api/suppliers/${id}/items/${link.id}/end`,
        headers: admin.headers,
        payload: { reason: 'Moved to a second source' },
      });
    const ended = await end();
    expect(ended.json()).toMatchObject({ active: false, endReason: 'Moved to a second source' });
    expect((await end()).json().code).toBe('SUPPLIER_ITEM_ALREADY_ENDED');
    expect(await isSupplierApprovedForItem(db, id, item.id)).toBe(false);
    await expect(assertSupplierApprovedForItem(db, id, item.id)).rejects.toMatchObject({
      code: 'SUPPLIER_ITEM_NOT_APPROVED',
    });

    const list = (includeEnded: boolean) =>
      ctx().app.inject({
        method: 'GET',
        url: `/api/suppliers/${id}/items?includeEnded=${includeEnded}`,
        headers: admin.headers,
      });
    expect((await list(false)).json().total).toBe(0);
    expect((await list(true)).json().items[0]).toMatchObject({ id: link.id, active: false });
    // The ended link is kept; it can be listed afresh.
    const relisted = await ctx().app.inject({
      method: 'POST',
      url: `/api/suppliers/${id}/items`,
      headers: admin.headers,
      payload: { itemId: item.id },
    });
    expect(relisted.statusCode).toBe(201);
    await expect(sql`delete from supplier_items where id = ${link.id}`.execute(db)).rejects.toThrow(
      /append-only|refused/,
    );
  });

  it('refuses to list an obsolete item, or any item for a disqualified supplier', async () => {
    const admin = await as('admin');
    const obsolete = await createItem(admin, 'obsolete');
    const { id } = (await createSupplier(admin)).json();
    const add = (itemId: string) =>
      ctx().app.inject({
        method: 'POST',
        url: `/api/suppliers/${id}/items`,
        headers: admin.headers,
        payload: { itemId },
      });
    expect((await add(obsolete.id)).json().code).toBe('SUPPLIER_ITEM_OBSOLETE');
    await changeStatus(admin, id, 'disqualified', {
      username: admin.me.user.username,
      password: TEST_PASSWORD,
      meaning: 'rejected',
    });
    const res = await add((await createItem(admin)).id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SUPPLIER_DISQUALIFIED');
  });
});

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, type Session } from '../../../../test/support/auth.ts';

const ctx = useTestApp();

async function as(...roles: string[]): Promise<Session> {
  return (await makeSignedInUser(ctx().app, ctx().database, { roles })).session;
}

const address = {
  label: '中心库房 / Central stores',
  line1: '浙江省杭州市滨江区江南大道 3888 号',
  city: '杭州',
  postcode: '310051',
  country: 'CN',
};
const contact = {
  name: '郑华',
  role: '设备科',
  phone: '+86 571 8777 2002',
  email: 'equipment@hospital.example.cn',
};

let seq = 0;
function createCustomer(session: Session, overrides: Record<string, unknown> = {}) {
  seq++;
  return ctx().app.inject({
    method: 'POST',
    url: '/api/customers',
    headers: session.headers,
    payload: {
      code: `CUS-T${seq}`,
      legalNameZh: `测试医院 ${seq}`,
      legalNameEn: `Test Hospital ${seq}`,
      kind: 'hospital',
      country: 'CN',
      addresses: [address],
      contacts: [contact],
      ...overrides,
    },
  });
}

describe('customers', () => {
  it('creates a customer with ship-to addresses and recall contacts, audited', async () => {
    const res = await createCustomer(await as('warehouse'));
    expect(res.statusCode, res.body).toBe(201);
    const customer = res.json();
    expect(customer).toMatchObject({
      status: 'active',
      addresses: [{ ...address, active: true, line2: null }],
      contacts: [{ ...contact, recallNotices: true, active: true }],
    });
    const entry = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', customer.id)
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('customer.created');
    expect(entry.after).toMatchObject({ addresses: [{ label: address.label }] });
  });

  it('refuses a code already used and a contact nobody can reach', async () => {
    const session = await as('warehouse');
    expect((await createCustomer(session, { code: 'CUS-DUP' })).statusCode).toBe(201);
    const again = await createCustomer(session, { code: 'cus-dup' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CUSTOMER_CODE_TAKEN');
    const unreachable = await createCustomer(session, { contacts: [{ name: 'Nobody' }] });
    expect(unreachable.statusCode).toBe(422);
    expect(unreachable.json().code).toBe('CONTACT_UNREACHABLE');
    const badKind = await createCustomer(session, { kind: 'pharmacy' });
    expect(badKind.statusCode).toBe(400);
  });

  it('edits and deactivates addresses and contacts (never deletes them), audited', async () => {
    const session = await as('warehouse');
    const customer = (await createCustomer(session)).json();
    const base = `/api/customers/${customer.id}`;

    const added = await ctx().app.inject({
      method: 'POST',
      url: `${base}/addresses`,
      headers: session.headers,
      payload: { ...address, label: 'Second dock', line2: 'Gate 4' },
    });
    expect(added.statusCode).toBe(201);
    const deactivated = await ctx().app.inject({
      method: 'PATCH',
      url: `${base}/addresses/${added.json().id}`,
      headers: session.headers,
      payload: { active: false, reason: 'Dock closed' },
    });
    expect(deactivated.json()).toMatchObject({ active: false, line2: 'Gate 4' });

    const contactId = customer.contacts[0].id;
    const emptied = await ctx().app.inject({
      method: 'PATCH',
      url: `${base}/contacts/${contactId}`,
      headers: session.headers,
      payload: { phone: null, email: null, reason: 'Left' },
    });
    expect(emptied.json().code).toBe('CONTACT_UNREACHABLE');
    const moved = await ctx().app.inject({
      method: 'PATCH',
      url: `${base}/contacts/${contactId}`,
      headers: session.headers,
      payload: { phone: null, email: 'vigilance@hospital.example.cn', reason: 'New mailbox' },
    });
    expect(moved.json()).toMatchObject({ phone: null, email: 'vigilance@hospital.example.cn' });

    const detail = (
      await ctx().app.inject({ method: 'GET', url: base, headers: session.headers })
    ).json();
    expect(detail.addresses).toHaveLength(2);
    expect(detail.addresses.map((a: { active: boolean }) => a.active)).toEqual([true, false]);

    const actions = (
      await ctx()
        .database.db.selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', customer.id)
        .orderBy('seq')
        .execute()
    ).map((r) => r.action);
    expect(actions).toEqual([
      'customer.created',
      'customer.address_added',
      'customer.address_deactivated',
      'customer.contact_updated',
    ]);
    await expect(
      sql`delete from customer_addresses where id = ${added.json().id}`.execute(ctx().database.db),
    ).rejects.toThrow(/refused/);
  });

  it('deactivates a customer once, with a reason', async () => {
    const session = await as('warehouse');
    const { id } = (await createCustomer(session)).json();
    const set = () =>
      ctx().app.inject({
        method: 'POST',
        url: `/api/customers/${id}/status`,
        headers: session.headers,
        payload: { status: 'inactive', reason: 'Contract ended' },
      });
    expect((await set()).json().status).toBe('inactive');
    const again = await set();
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONFLICT');
  });

  it('lists with search, kind and status filters, and pages', async () => {
    const session = await as('warehouse');
    for (const n of [1, 2, 3]) {
      await createCustomer(session, {
        code: `MED-${n}`,
        legalNameEn: `Medica Partner ${n}`,
        kind: n === 3 ? 'distributor' : 'hospital',
      });
    }
    const viewer = await as('viewer');
    const get = async (query: string) =>
      (
        await ctx().app.inject({
          method: 'GET',
          url: `/api/customers?${query}`,
          headers: viewer.headers,
        })
      ).json();
    const page = await get('q=medica partner&limit=2');
    expect(page.total).toBe(3);
    expect(page.items.map((c: { code: string }) => c.code)).toEqual(['MED-1', 'MED-2']);
    expect(
      (await get('q=MED-&kind=distributor')).items.map((c: { code: string }) => c.code),
    ).toEqual(['MED-3']);
    expect((await get('q=MED-&status=inactive')).total).toBe(0);
  });

  it('needs customer.manage to change customers, customer.read to see them', async () => {
    const viewer = await as('viewer');
    expect((await createCustomer(viewer)).statusCode).toBe(403);
    const list = await ctx().app.inject({
      method: 'GET',
      url: '/api/customers',
      headers: viewer.headers,
    });
    expect(list.statusCode).toBe(200);
  });
});

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, type Session } from '../../../../test/support/auth.ts';
import type { Location, LocationTreeNode } from '../../../shared/plant.contract.ts';

const ctx = useTestApp();

async function as(...roles: string[]): Promise<Session> {
  return (await makeSignedInUser(ctx().app, ctx().database, { roles })).session;
}

let seq = 0;
function create(
  session: Session,
  level: string,
  parentId: string | null,
  overrides: Record<string, unknown> = {},
) {
  seq++;
  return ctx().app.inject({
    method: 'POST',
    url: '/api/locations',
    headers: session.headers,
    payload: {
      code: `${level.toUpperCase()}-${seq}`,
      nameZh: `库位 ${seq}`,
      nameEn: `Location ${seq}`,
      level,
      kind: 'storage',
      parentId,
      ...overrides,
    },
  });
}

async function made(
  session: Session,
  level: string,
  parentId: string | null,
  overrides: Record<string, unknown> = {},
): Promise<Location> {
  const res = await create(session, level, parentId, overrides);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function patch(session: Session, id: string, body: Record<string, unknown>) {
  return ctx().app.inject({
    method: 'PATCH',
    url: `/api/locations/${id}`,
    headers: session.headers,
    payload: { reason: 'Re-layout', ...body },
  });
}

/** A site with a warehouse, a zone and a bin under it. */
async function chain(session: Session, prefix: string) {
  const site = await made(session, 'site', null, { code: prefix });
  const warehouse = await made(session, 'warehouse', site.id, { code: `${prefix}-WH` });
  const zone = await made(session, 'zone', warehouse.id, { code: `${prefix}-Z` });
  const bin = await made(session, 'bin', zone.id, { code: `${prefix}-Z-01` });
  return { site, warehouse, zone, bin };
}

describe('locations', () => {
  it('build site → warehouse → zone → bin with the full path, audited', async () => {
    const session = await as('warehouse');
    const { bin } = await chain(session, 'P1');
    expect(bin).toMatchObject({ level: 'bin', path: 'P1 / P1-WH / P1-Z / P1-Z-01', active: true });
    const entry = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', bin.id)
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('location.created');
    expect(entry.after).toMatchObject({ path: 'P1 / P1-WH / P1-Z / P1-Z-01' });
  });

  it('refuse a parent of the wrong level, a missing parent and a parent for a site', async () => {
    const session = await as('warehouse');
    const { site, warehouse, zone } = await chain(session, 'P2');
    const binUnderWarehouse = await create(session, 'bin', warehouse.id);
    expect(binUnderWarehouse.statusCode).toBe(422);
    expect(binUnderWarehouse.json()).toMatchObject({
      code: 'LOCATION_PARENT_LEVEL',
      params: { level: 'bin', parentLevel: 'warehouse', expected: 'zone' },
    });
    expect((await create(session, 'zone', site.id)).json().code).toBe('LOCATION_PARENT_LEVEL');
    expect((await create(session, 'site', zone.id)).json()).toMatchObject({
      code: 'LOCATION_PARENT_LEVEL',
      params: { expected: null },
    });
    const orphan = await create(session, 'warehouse', null);
    expect(orphan.json()).toMatchObject({
      code: 'LOCATION_PARENT_REQUIRED',
      params: { level: 'warehouse', expected: 'site' },
    });
    const dup = await create(session, 'site', null, { code: 'p2' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('LOCATION_CODE_TAKEN');
  });

  it('move within the rules, refusing a move under their own sub-location', async () => {
    const session = await as('warehouse');
    const a = await chain(session, 'P3');
    const b = await chain(session, 'P4');
    const moved = await patch(session, a.zone.id, { parentId: b.warehouse.id });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().path).toBe('P4 / P4-WH / P3-Z');
    const bin = await ctx().app.inject({
      method: 'GET',
      url: `/api/locations/${a.bin.id}`,
      headers: session.headers,
    });
    expect(bin.json().path).toBe('P4 / P4-WH / P3-Z / P3-Z-01');

    const cycle = await patch(session, b.warehouse.id, { parentId: a.zone.id });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().code).toBe('LOCATION_CYCLE');
    const self = await patch(session, b.zone.id, { parentId: b.zone.id });
    expect(self.json().code).toBe('LOCATION_CYCLE');
    const wrongLevel = await patch(session, b.bin.id, { parentId: b.warehouse.id });
    expect(wrongLevel.json().code).toBe('LOCATION_PARENT_LEVEL');
  });

  it('deactivate from the bottom up, and take no new children while inactive', async () => {
    const session = await as('warehouse');
    const { zone, bin } = await chain(session, 'P5');
    const early = await patch(session, zone.id, { active: false });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'LOCATION_HAS_ACTIVE_CHILDREN',
      params: { activeChildren: 1 },
    });
    expect((await patch(session, bin.id, { active: false })).json().active).toBe(false);
    expect((await patch(session, zone.id, { active: false })).json().active).toBe(false);
    const under = await create(session, 'bin', zone.id);
    expect(under.statusCode).toBe(409);
    expect(under.json().code).toBe('LOCATION_PARENT_INACTIVE');
    const reactivateBin = await patch(session, bin.id, { active: true });
    expect(reactivateBin.json().code).toBe('LOCATION_PARENT_INACTIVE');
    const actions = await ctx()
      .database.db.selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', zone.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['location.created', 'location.deactivated']);
    await expect(
      sql`delete from locations where id = ${bin.id}`.execute(ctx().database.db),
    ).rejects.toThrow(/refused/);
  });

  it('list with parent, level and kind filters, search and pages, ordered by path', async () => {
    const session = await as('warehouse');
    const { site, warehouse } = await chain(session, 'L1');
    for (const n of [2, 3]) {
      await made(session, 'zone', warehouse.id, {
        code: `L1-Q${n}`,
        kind: 'quarantine',
        nameEn: `Quarantine ${n}`,
      });
    }
    const viewer = await as('viewer');
    const get = async (query: string) =>
      (
        await ctx().app.inject({
          method: 'GET',
          url: `/api/locations?${query}`,
          headers: viewer.headers,
        })
      ).json();
    const zones = await get(`parentId=${warehouse.id}&limit=2`);
    expect(zones.total).toBe(3);
    expect(zones.items.map((l: Location) => l.code)).toEqual(['L1-Q2', 'L1-Q3']);
    expect((await get(`parentId=${warehouse.id}&limit=2&offset=2`)).items[0].code).toBe('L1-Z');
    expect((await get(`q=L1-&kind=quarantine`)).total).toBe(2);
    expect((await get(`q=quarantine 3`)).items.map((l: Location) => l.code)).toEqual(['L1-Q3']);
    expect((await get(`q=L1&level=site`)).items.map((l: Location) => l.id)).toEqual([site.id]);
  });

  it('give the tree, whole or from one location down', async () => {
    const session = await as('warehouse');
    const { site, zone } = await chain(session, 'T1');
    await made(session, 'bin', zone.id, { code: 'T1-Z-02' });
    const tree = await ctx().app.inject({
      method: 'GET',
      url: `/api/locations/tree?rootId=${site.id}`,
      headers: session.headers,
    });
    expect(tree.statusCode, tree.body).toBe(200);
    const [root] = tree.json().items as LocationTreeNode[];
    expect(root?.code).toBe('T1');
    const bins = root?.children[0]?.children[0]?.children.map((b) => b.path);
    expect(bins).toEqual(['T1 / T1-WH / T1-Z / T1-Z-01', 'T1 / T1-WH / T1-Z / T1-Z-02']);
    const all = await ctx().app.inject({
      method: 'GET',
      url: '/api/locations/tree',
      headers: session.headers,
    });
    expect(all.json().items.every((n: LocationTreeNode) => n.level === 'site')).toBe(true);
  });

  it('need location.manage to change and location.read to see', async () => {
    const operator = await as('operator');
    expect((await create(operator, 'site', null)).statusCode).toBe(403);
    const list = await ctx().app.inject({
      method: 'GET',
      url: '/api/locations/tree',
      headers: operator.headers,
    });
    expect(list.statusCode).toBe(200);
  });
});

// BOM content rules: what a line may hold, no item inside itself, where-used.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import {
  caller,
  makeBom,
  makeItem,
  makePerson,
  releaseVersion,
  type Person,
} from '../../../../test/support/engineering.ts';

const ctx = useTestApp();
const api = () => caller(ctx().app);

let engineer: Person;
let qa: Person;

beforeAll(async () => {
  engineer = await makePerson(ctx().app, ctx().database, ['engineer']);
  qa = await makePerson(ctx().app, ctx().database, ['qa_manager']);
});

const item = (overrides: Parameters<typeof makeItem>[2] = {}) =>
  makeItem(ctx().app, engineer, overrides);

function createBom(itemId: string, lines: Record<string, unknown>[]) {
  return api().post(engineer, '/api/boms', { itemId, lines });
}

describe('BOM lines', () => {
  it('keeps quantities and scrap factors as the exact decimals entered, with unit and tracking defaults', async () => {
    const parent = await item({ type: 'finished_device' });
    const tube = await item({ uom: 'm' });
    const box = await item({ type: 'packaging', tracking: 'none' });
    const board = await item({ type: 'sub_assembly', tracking: 'serial' });
    const res = await createBom(parent.id, [
      { componentItemId: tube.id, quantityPer: '1.8', scrapPct: '2.5' },
      { componentItemId: box.id, quantityPer: '0.02' },
      { componentItemId: board.id, quantityPer: '1', referenceDesignator: 'MB1', note: 'ESD' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ versionNo: 1, status: 'draft', item: { id: parent.id } });
    expect(
      res
        .json()
        .lines.map((l: Record<string, unknown>) => [
          l.lineNo,
          l.quantityPer,
          l.uom,
          l.scrapPct,
          l.recordTracking,
        ]),
    ).toEqual([
      [1, '1.8', 'm', '2.5', true],
      [2, '0.02', 'pcs', '0', false],
      [3, '1', 'pcs', '0', true],
    ]);
    expect(res.json().lines[2]).toMatchObject({
      referenceDesignator: 'MB1',
      note: 'ESD',
      component: { code: board.code, tracking: 'serial' },
    });
  });

  it('refuses an item as its own component', async () => {
    const parent = await item();
    const res = await createBom(parent.id, [{ componentItemId: parent.id, quantityPer: '1' }]);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'BOM_COMPONENT_IS_PARENT',
      params: { field: 'lines.0.componentItemId' },
    });
  });

  it('refuses a quantity of zero, a repeated component, a foreign unit and an untracked component to record', async () => {
    const parent = await item();
    const a = await item();
    const plain = await item({ tracking: 'none' });
    const zero = await createBom(parent.id, [{ componentItemId: a.id, quantityPer: '0.000' }]);
    expect(zero.statusCode).toBe(400);
    expect(zero.json().params).toEqual({ field: 'lines.0.quantityPer' });
    const negative = await createBom(parent.id, [{ componentItemId: a.id, quantityPer: '-1' }]);
    expect(negative.statusCode).toBe(400);
    const twice = await createBom(parent.id, [
      { componentItemId: a.id, quantityPer: '1' },
      { componentItemId: a.id, quantityPer: '2' },
    ]);
    expect(twice.json().code).toBe('BOM_DUPLICATE_COMPONENT');
    const unit = await createBom(parent.id, [
      { componentItemId: a.id, quantityPer: '1', uom: 'kg' },
    ]);
    expect(unit.json().code).toBe('BOM_UNIT_MISMATCH');
    const tracking = await createBom(parent.id, [
      { componentItemId: plain.id, quantityPer: '1', recordTracking: true },
    ]);
    expect(tracking.json().code).toBe('BOM_TRACKING_NOT_RECORDABLE');
  });

  it('refuses unknown and obsolete components', async () => {
    const parent = await item();
    const old = await item();
    await api().post(engineer, `/api/items/${old.id}/status`, {
      status: 'obsolete',
      reason: 'Discontinued',
    });
    const unknown = await createBom(parent.id, [
      { componentItemId: '0190a4b2-0000-7000-8000-000000000000', quantityPer: '1' },
    ]);
    expect(unknown.statusCode).toBe(404);
    const obsolete = await createBom(parent.id, [{ componentItemId: old.id, quantityPer: '1' }]);
    expect(obsolete.statusCode).toBe(422);
    expect(obsolete.json().code).toBe('ITEM_OBSOLETE');
  });

  it('refuses a BOM that would contain its own parent through approved or effective BOMs', async () => {
    // A contains B (effective); B contains C (approved). C may not contain A, nor B contain A.
    const [a, b, c, d] = [await item(), await item(), await item(), await item()];
    const bomA = await makeBom(ctx().app, engineer, a.id, [{ componentItemId: b.id }]);
    await releaseVersion(ctx().app, 'boms', bomA.id, engineer, qa);
    const bomB = await makeBom(ctx().app, engineer, b.id, [{ componentItemId: c.id }]);
    await releaseVersion(ctx().app, 'boms', bomB.id, engineer, qa);

    const direct = await createBom(b.id, [{ componentItemId: a.id, quantityPer: '1' }]);
    expect(direct.statusCode).toBe(422);
    expect(direct.json()).toMatchObject({
      code: 'BOM_CYCLE',
      params: { path: [b.code, a.code, b.code] },
    });
    const transitive = await createBom(c.id, [
      { componentItemId: d.id, quantityPer: '1' },
      { componentItemId: a.id, quantityPer: '1' },
    ]);
    expect(transitive.json()).toMatchObject({
      code: 'BOM_CYCLE',
      params: { path: [c.code, a.code, b.code, c.code] },
    });
    // D is fine: nothing under it leads back.
    expect((await createBom(c.id, [{ componentItemId: d.id, quantityPer: '1' }])).statusCode).toBe(
      201,
    );
  });

  it('checks for cycles again at submission: drafts elsewhere do not count, approved ones do', async () => {
    const [a, b] = [await item(), await item()];
    const draftA = await makeBom(ctx().app, engineer, a.id, [{ componentItemId: b.id }]);
    // A's BOM is only a draft, so B may contain A for now …
    const draftB = await makeBom(ctx().app, engineer, b.id, [{ componentItemId: a.id }]);
    await releaseVersion(ctx().app, 'boms', draftA.id, engineer, qa);
    // … but not once A's BOM is effective.
    const submit = await api().post(engineer, `/api/boms/${draftB.id}/submit`);
    expect(submit.statusCode).toBe(422);
    expect(submit.json().code).toBe('BOM_CYCLE');
  });

  it('refuses to submit an empty BOM', async () => {
    const parent = await item();
    const bom = await makeBom(ctx().app, engineer, parent.id, []);
    const res = await api().post(engineer, `/api/boms/${bom.id}/submit`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('VERSION_EMPTY');
  });

  it('replaces the lines of a draft', async () => {
    const parent = await item();
    const [a, b] = [await item(), await item()];
    const bom = await makeBom(ctx().app, engineer, parent.id, [{ componentItemId: a.id }]);
    const res = await api().put(engineer, `/api/boms/${bom.id}`, {
      note: 'Second thoughts',
      lines: [{ componentItemId: b.id, quantityPer: '4' }],
    });
    expect(res.json()).toMatchObject({
      note: 'Second thoughts',
      lines: [{ componentItemId: b.id, quantityPer: '4' }],
    });
  });
});

describe('where-used', () => {
  it('lists the BOM versions using an item, with their status, and filters by status', async () => {
    const part = await item();
    const [p1, p2] = [
      await item({ type: 'finished_device' }),
      await item({ type: 'finished_device' }),
    ];
    const bom1 = await makeBom(ctx().app, engineer, p1.id, [
      { componentItemId: part.id, quantityPer: '3' },
    ]);
    await releaseVersion(ctx().app, 'boms', bom1.id, engineer, qa);
    await makeBom(ctx().app, engineer, p2.id, [{ componentItemId: part.id, quantityPer: '1' }]);
    const all = (await api().get(engineer, `/api/boms/where-used?itemId=${part.id}`)).json();
    expect(all.total).toBe(2);
    expect(
      all.items
        .map((w: { parent: { code: string }; status: string; quantityPer: string }) => [
          w.parent.code,
          w.status,
          w.quantityPer,
        ])
        .sort(),
    ).toEqual(
      [
        [p1.code, 'effective', '3'],
        [p2.code, 'draft', '1'],
      ].sort(),
    );
    const effective = (
      await api().get(engineer, `/api/boms/where-used?itemId=${part.id}&status=effective`)
    ).json();
    expect(effective.items.map((w: { bomVersionId: string }) => w.bomVersionId)).toEqual([bom1.id]);
  });

  it('lists versions by item code and exports them as CSV', async () => {
    const parent = await item({ code: 'FD-LIST-01', type: 'finished_device' });
    const a = await item();
    await makeBom(ctx().app, engineer, parent.id, [{ componentItemId: a.id }]);
    const list = (await api().get(engineer, '/api/boms?q=FD-LIST')).json();
    expect(list).toMatchObject({
      total: 1,
      items: [{ kind: 'bom', size: 1, item: { code: 'FD-LIST-01' } }],
    });
    const csv = await api().get(engineer, '/api/boms/export.csv?q=FD-LIST');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('FD-LIST-01');
  });
});

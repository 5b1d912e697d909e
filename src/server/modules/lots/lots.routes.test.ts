import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import {
  caller,
  makePerson,
  signatureOf,
  type Person,
} from '../../../../test/support/engineering.ts';
import {
  makeLotsFixture,
  makeQuarantinedLot,
  makeReleasedLot,
  type LotsFixture,
} from '../../../../test/support/lots.ts';
import { addDays } from '../../../shared/calendar-date.ts';
import { expireLots } from './index.ts';
import { today } from './trace-units.service.ts';

const ctx = useTestApp();
const api = () => caller(ctx().app);

let qa: Person;
let warehouse: Person;
let f: LotsFixture;

beforeAll(async () => {
  qa = await makePerson(ctx().app, ctx().database, ['qa_manager']);
  warehouse = await makePerson(ctx().app, ctx().database, ['warehouse']);
  f = await makeLotsFixture(ctx().database);
});

describe('quality status through the API', () => {
  it('releases with a signature, holds with a reason, lifts the hold signed, and shows it all', async () => {
    const lot = await makeQuarantinedLot(ctx().database, f, { quantity: '8' });
    const unsigned = await api().post(qa, `/api/lots/${lot.id}/release`, {});
    expect(unsigned.statusCode).toBe(422);
    expect(unsigned.json().code).toBe('SIGNATURE_REQUIRED');
    const byWarehouse = await api().post(warehouse, `/api/lots/${lot.id}/release`, {
      signature: signatureOf(warehouse, 'released'),
    });
    expect(byWarehouse.statusCode).toBe(403);
    const wrongPassword = await api().post(qa, `/api/lots/${lot.id}/release`, {
      signature: { ...signatureOf(qa, 'released'), password: 'nope' },
    });
    expect(wrongPassword.json().code).toBe('SIGNATURE_PASSWORD_INVALID');

    const released = await api().post(qa, `/api/lots/${lot.id}/release`, {
      reason: 'Inspection passed',
      signature: signatureOf(qa, 'released'),
    });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json().qualityStatus).toBe('released');

    const held = await api().post(warehouse, `/api/lots/${lot.id}/hold`, {
      reason: 'Customer complaint',
    });
    expect(held.json()).toMatchObject({
      qualityStatus: 'on_hold',
      holdReason: 'Customer complaint',
    });
    const liftUnsigned = await api().post(warehouse, `/api/lots/${lot.id}/release-hold`, {});
    expect(liftUnsigned.statusCode).toBe(403);
    const lifted = await api().post(qa, `/api/lots/${lot.id}/release-hold`, {
      reason: 'Complaint unrelated',
      signature: signatureOf(qa, 'released'),
    });
    expect(lifted.statusCode, lifted.body).toBe(200);

    const detail = (await api().get(warehouse, `/api/lots/${lot.id}`)).json();
    expect(detail).toMatchObject({
      qualityStatus: 'released',
      holdReason: null,
      quantityOnHand: '8',
      quantitiesByLocation: [
        { locationId: f.locations.quarantine, quantity: '8', locationKind: 'quarantine' },
      ],
    });
    expect(
      detail.statusHistory.map(
        (h: { fromStatus: string; toStatus: string; signature: unknown }) => [
          h.fromStatus,
          h.toStatus,
          h.signature !== null,
        ],
      ),
    ).toEqual([
      [null, 'quarantined', false],
      ['quarantined', 'released', true],
      ['released', 'on_hold', false],
      ['on_hold', 'released', true],
    ]);
    expect(detail.signatures).toHaveLength(2);
    expect(detail.activities.map((a: { type: string }) => a.type)).toEqual([
      'release_hold',
      'hold',
      'release',
      'receive',
    ]);
    const verify = await api().get(qa, `/api/signatures/${detail.signatures[0].id}/verify`);
    expect(verify.json()).toMatchObject({ status: 'valid' });
    const history = await api().get(warehouse, `/api/audit/records/trace_unit/${lot.id}`);
    expect(history.statusCode, history.body).toBe(200);
  });

  it('refuses transitions DESIGN.md does not allow', async () => {
    const lot = await makeQuarantinedLot(ctx().database, f);
    const hold = await api().post(warehouse, `/api/lots/${lot.id}/hold`, { reason: 'x' });
    expect(hold.json().code).toBe('LOT_STATUS_TRANSITION');
    const lift = await api().post(qa, `/api/lots/${lot.id}/release-hold`, {
      signature: signatureOf(qa, 'released'),
    });
    expect(lift.json().code).toBe('LOT_STATUS_TRANSITION');
    const recall = await api().post(qa, `/api/lots/${lot.id}/recall`, {
      reason: 'Field safety notice',
      signature: signatureOf(qa, 'approved'),
    });
    expect(recall.json().qualityStatus).toBe('recalled');
    const again = await api().post(qa, `/api/lots/${lot.id}/recall`, {
      reason: 'x',
      signature: signatureOf(qa, 'approved'),
    });
    expect(again.json().code).toBe('LOT_STATUS_TRANSITION');
    const reject = await api().post(qa, `/api/lots/${lot.id}/reject`, {
      reason: 'x',
      signature: signatureOf(qa, 'rejected'),
    });
    expect(reject.json().code).toBe('LOT_STATUS_TRANSITION');
  });
});

describe('holds in bulk', () => {
  it('holds every released lot of a supplier lot in one action and reports the skipped ones', async () => {
    const g = await makeLotsFixture(ctx().database);
    const a = await makeReleasedLot(ctx().database, g, { supplierLot: 'ACME-7' });
    const b = await makeReleasedLot(ctx().database, g, { supplierLot: 'ACME-7' });
    const q = await makeQuarantinedLot(ctx().database, g, { supplierLot: 'ACME-7' });
    const other = await makeReleasedLot(ctx().database, g, { supplierLot: 'ACME-8' });
    const res = await api().post(warehouse, '/api/lots/holds', {
      scope: 'supplier_lot',
      supplierId: g.supplierId,
      supplierLot: 'ACME-7',
      reason: 'Supplier reported contamination',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .held.map((l: { id: string }) => l.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(res.json().skipped).toEqual([{ id: q.id, code: q.code, qualityStatus: 'quarantined' }]);
    const byItem = await api().post(warehouse, '/api/lots/holds', {
      scope: 'item',
      itemId: g.itemId,
      reason: 'Item under investigation',
    });
    expect(byItem.json().held.map((l: { id: string }) => l.id)).toEqual([other.id]);
    const list = await api().get(warehouse, `/api/lots?itemId=${g.itemId}&status=on_hold`);
    expect(list.json().total).toBe(3);
  });
});

describe('split and merge through the API', () => {
  it('splits and merges with genealogy both ways', async () => {
    const g = await makeLotsFixture(ctx().database);
    const a = await makeReleasedLot(ctx().database, g, {
      quantity: '10',
      expiresOn: addDays(today(), 100),
    });
    const b = await makeReleasedLot(ctx().database, g, {
      quantity: '6',
      expiresOn: addDays(today(), 50),
    });
    const split = await api().post(warehouse, `/api/lots/${a.id}/split`, {
      fromLocationId: g.locations.storage,
      parts: [{ quantity: '4' }],
      reason: 'Kitting',
    });
    expect(split.statusCode, split.body).toBe(201);
    const child = split.json().items[0];
    expect(child).toMatchObject({
      code: `${a.code}.1`,
      qualityStatus: 'released',
      quantityOnHand: '4',
    });

    const merged = await api().post(warehouse, '/api/lots/merge', {
      locationId: g.locations.storage,
      sources: [
        { lotId: child.id, quantity: '4' },
        { lotId: b.id, quantity: '6' },
      ],
      reason: 'Consolidate partial containers',
    });
    expect(merged.statusCode, merged.body).toBe(201);
    expect(merged.json()).toMatchObject({
      qualityStatus: 'released',
      quantityOnHand: '10',
      expiresOn: addDays(today(), 50),
    });
    expect(
      merged
        .json()
        .genealogy.parents.map((p: { traceUnitId: string }) => p.traceUnitId)
        .sort(),
    ).toEqual([child.id, b.id].sort());
    const parent = (await api().get(warehouse, `/api/lots/${a.id}`)).json();
    expect(parent.genealogy.children.map((c: { code: string }) => c.code)).toEqual([child.code]);
    expect(parent.quantityOnHand).toBe('6');

    const q = await makeQuarantinedLot(ctx().database, g, { quantity: '2' });
    const mismatch = await api().post(warehouse, '/api/lots/merge', {
      locationId: g.locations.storage,
      sources: [
        { lotId: q.id, quantity: '1' },
        { lotId: a.id, quantity: '1' },
      ],
      reason: 'x',
    });
    expect(mismatch.json().code).toBe('LOT_MERGE_MISMATCH');
  });
});

describe('lists, expiry and CSV', () => {
  it('filters the lot list and exports it', async () => {
    const g = await makeLotsFixture(ctx().database);
    const lot = await makeReleasedLot(ctx().database, g, {
      supplierLot: 'XYZ-99',
      expiresOn: addDays(today(), 20),
    });
    await makeQuarantinedLot(ctx().database, g);
    const q = (query: string) => api().get(warehouse, `/api/lots?itemId=${g.itemId}&${query}`);
    expect((await q('status=released')).json().items.map((l: { id: string }) => l.id)).toEqual([
      lot.id,
    ]);
    expect((await q('supplierLot=xyz-99')).json().total).toBe(1);
    expect((await q(`locationId=${g.locations.storage}`)).json().total).toBe(1);
    expect((await q(`expiresTo=${addDays(today(), 30)}`)).json().total).toBe(1);
    expect((await q('q=XYZ')).json().items[0]).toMatchObject({
      supplierLot: 'XYZ-99',
      daysToExpiry: 20,
    });
    const csv = await api().get(warehouse, `/api/lots/export.csv?itemId=${g.itemId}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('XYZ-99');
    const expiring = await api().get(warehouse, '/api/lots/expiring?days=30');
    expect(expiring.json().items.map((l: { id: string }) => l.id)).toContain(lot.id);
    const narrow = await api().get(warehouse, '/api/lots/expiring?days=5');
    expect(narrow.json().items.map((l: { id: string }) => l.id)).not.toContain(lot.id);
  });

  it('expires lots whose date has passed, once, as an audited activity', async () => {
    const g = await makeLotsFixture(ctx().database);
    const lot = await makeReleasedLot(ctx().database, g, { expiresOn: today() });
    const kept = await makeReleasedLot(ctx().database, g, { expiresOn: addDays(today(), 3) });
    const first = await expireLots(ctx().database.db, { on: addDays(today(), 1) });
    expect(first.expired.map((l) => l.id)).toContain(lot.id);
    expect(first.expired.map((l) => l.id)).not.toContain(kept.id);
    expect(first.expiring.map((l) => l.id)).toContain(kept.id);
    const second = await expireLots(ctx().database.db, { on: addDays(today(), 1) });
    expect(second.expired.map((l) => l.id)).not.toContain(lot.id);
    const detail = (await api().get(warehouse, `/api/lots/${lot.id}`)).json();
    expect(detail.qualityStatus).toBe('expired');
    expect(detail.activities[0].type).toBe('expire');
    const move = await api().post(warehouse, '/api/stock/transfers', {
      lotId: lot.id,
      fromLocationId: g.locations.storage,
      toLocationId: g.locations.production,
      quantity: '1',
    });
    expect(move.json().code).toBe('LOT_EXPIRED');
  });
});

import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.ts';
import {
  makeLotsFixture,
  makeQuarantinedLot,
  makeReleasedLot,
  makeSigner,
  type LotsFixture,
} from '../../../../test/support/lots.ts';
import { addDays } from '../../../shared/calendar-date.ts';
import { systemActor } from '../../platform/actor.ts';
import type { Trx } from '../../platform/db/database.ts';
import {
  getTraceUnit,
  lotOutcomesBySupplier,
  receiveTraceUnit,
  rejectTraceUnit,
  releaseTraceUnit,
  returnTraceUnitToSupplier,
  splitTraceUnit,
  traceUnitStock,
} from './index.ts';
import * as repo from './lots.repository.ts';
import { today } from './trace-units.service.ts';

const db = useTestDatabase();
const actor = systemActor('test');
const tx = <T>(fn: (trx: Trx) => Promise<T>) => db().db.transaction().execute(fn);

let fixture: LotsFixture;
async function setup() {
  fixture ??= await makeLotsFixture(db());
  return fixture;
}

describe('receiving a trace unit', () => {
  it('creates a quarantined lot with a LOT-YYMMDD-NNNN code, a receipt and its stock', async () => {
    const f = await setup();
    const lot = await makeQuarantinedLot(db(), f, { quantity: '12.5', supplierLot: 'ACME-1' });
    expect(lot.code).toMatch(/^LOT-\d{6}-\d{4}$/);
    expect(lot).toMatchObject({ qualityStatus: 'quarantined', kind: 'lot', supplierLot: 'ACME-1' });
    expect(await getTraceUnit(db().db, lot.id)).toEqual(lot);
    expect(await traceUnitStock(db().db, lot.id)).toEqual({
      total: '12.5',
      byLocation: [{ locationId: f.locations.quarantine, quantity: '12.5' }],
    });
    const history = await repo.statusChangesOf(db().db, lot.id);
    expect(history.map((h) => [h.from_status, h.to_status])).toEqual([[null, 'quarantined']]);
    const audit = await db()
      .db.selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', lot.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('trace_unit.created');
  });

  it('refuses a code the item already uses, a unit other than the item’s and dates out of order', async () => {
    const f = await setup();
    const base = {
      itemId: f.itemId,
      quantity: '1',
      unit: 'pcs',
      supplierId: f.supplierId,
      locationId: f.locations.quarantine,
      source: { type: 'test', id: 'x' },
    };
    await tx((trx) => receiveTraceUnit(trx, actor, { ...base, code: 'DUP-1' }));
    await expect(
      tx((trx) => receiveTraceUnit(trx, actor, { ...base, code: 'dup-1' })),
    ).rejects.toMatchObject({
      code: 'LOT_CODE_TAKEN',
    });
    await expect(
      tx((trx) => receiveTraceUnit(trx, actor, { ...base, unit: 'kg' })),
    ).rejects.toMatchObject({
      code: 'LOT_UNIT_MISMATCH',
    });
    await expect(
      tx((trx) =>
        receiveTraceUnit(trx, actor, {
          ...base,
          manufacturedOn: '2026-05-01',
          expiresOn: '2026-04-01',
        }),
      ),
    ).rejects.toMatchObject({ code: 'LOT_DATES_INVALID' });
    await expect(
      tx((trx) => receiveTraceUnit(trx, actor, { ...base, kind: 'serial', quantity: '2' })),
    ).rejects.toMatchObject({ code: 'LOT_SERIAL_QUANTITY' });
  });
});

describe('release and rejection', () => {
  it('releases a quarantined lot under a signature recorded in its status history', async () => {
    const f = await setup();
    const lot = await makeQuarantinedLot(db(), f);
    const signer = await makeSigner(db());
    const released = await tx((trx) =>
      releaseTraceUnit(trx, actor, {
        traceUnitId: lot.id,
        signer,
        reason: 'CoA and inspection OK',
      }),
    );
    expect(released.qualityStatus).toBe('released');
    const history = await repo.statusChangesOf(db().db, lot.id);
    expect(history.at(-1)).toMatchObject({ from_status: 'quarantined', to_status: 'released' });
    expect(history.at(-1)?.signature_id).toBeTruthy();
    const signatures = await db()
      .db.selectFrom('signatures')
      .select(['meaning', 'record_type'])
      .where('record_id', '=', lot.id)
      .execute();
    expect(signatures).toEqual([{ meaning: 'released', record_type: 'trace_unit' }]);
  });

  it('refuses a signature whose meaning is not allowed, and a second release', async () => {
    const f = await setup();
    const lot = await makeQuarantinedLot(db(), f);
    const approver = await makeSigner(db(), 'approved');
    await expect(
      tx((trx) => releaseTraceUnit(trx, actor, { traceUnitId: lot.id, signer: approver })),
    ).rejects.toMatchObject({ code: 'SIGNATURE_MEANING_NOT_ALLOWED' });
    await tx((trx) =>
      releaseTraceUnit(trx, actor, {
        traceUnitId: lot.id,
        signer: approver,
        allowedMeanings: ['approved'],
      }),
    );
    await expect(
      tx((trx) =>
        releaseTraceUnit(trx, actor, {
          traceUnitId: lot.id,
          signer: approver,
          allowedMeanings: ['approved'],
        }),
      ),
    ).rejects.toMatchObject({ code: 'LOT_STATUS_TRANSITION' });
  });

  it('refuses to release a lot whose expiry date has passed', async () => {
    const f = await setup();
    const lot = await makeQuarantinedLot(db(), f, { expiresOn: addDays(today(), -1) });
    const signer = await makeSigner(db());
    await expect(
      tx((trx) => releaseTraceUnit(trx, actor, { traceUnitId: lot.id, signer })),
    ).rejects.toMatchObject({ code: 'LOT_EXPIRED' });
  });

  it('rejects a quarantined lot, signed, and refuses to reject a released one', async () => {
    const f = await setup();
    const lot = await makeQuarantinedLot(db(), f);
    const signer = await makeSigner(db(), 'rejected');
    const rejected = await tx((trx) =>
      rejectTraceUnit(trx, actor, { traceUnitId: lot.id, signer, reason: 'Out of spec' }),
    );
    expect(rejected.qualityStatus).toBe('rejected');
    const released = await makeReleasedLot(db(), f);
    await expect(
      tx((trx) => rejectTraceUnit(trx, actor, { traceUnitId: released.id, signer, reason: 'x' })),
    ).rejects.toMatchObject({ code: 'LOT_STATUS_TRANSITION' });
  });
});

describe('split and return to supplier', () => {
  it('splits a lot into new lots of the same item and status, with genealogy edges', async () => {
    const f = await setup();
    const lot = await makeQuarantinedLot(db(), f, { quantity: '10' });
    const children = await tx((trx) =>
      splitTraceUnit(trx, actor, {
        traceUnitId: lot.id,
        fromLocationId: f.locations.quarantine,
        parts: [{ quantity: '3' }, { quantity: '2.5' }],
        reason: 'Partial acceptance',
      }),
    );
    expect(children.map((c) => [c.code, c.qualityStatus, c.itemId])).toEqual([
      [`${lot.code}.1`, 'quarantined', f.itemId],
      [`${lot.code}.2`, 'quarantined', f.itemId],
    ]);
    expect((await traceUnitStock(db().db, lot.id)).total).toBe('4.5');
    expect((await traceUnitStock(db().db, children[1]?.id ?? '')).total).toBe('2.5');
    const genealogy = await repo.genealogyOf(db().db, lot.id);
    expect(genealogy.children.map((c) => [c.code, c.quantity && Number(c.quantity)])).toEqual([
      [`${lot.code}.1`, 3],
      [`${lot.code}.2`, 2.5],
    ]);
    await expect(
      tx((trx) =>
        splitTraceUnit(trx, actor, {
          traceUnitId: lot.id,
          fromLocationId: f.locations.quarantine,
          parts: [{ quantity: '5' }],
          reason: 'too much',
        }),
      ),
    ).rejects.toMatchObject({ code: 'STOCK_INSUFFICIENT' });
  });

  it('returns stock to the supplier out of a location, never more than is there', async () => {
    const f = await setup();
    const lot = await makeQuarantinedLot(db(), f, { quantity: '10' });
    const input = {
      traceUnitId: lot.id,
      locationId: f.locations.quarantine,
      reason: 'Rejected at inspection',
      source: { type: 'receipt', id: 'r1' },
    };
    await tx((trx) => returnTraceUnitToSupplier(trx, actor, { ...input, quantity: '4' }));
    expect((await traceUnitStock(db().db, lot.id)).total).toBe('6');
    await expect(
      tx((trx) => returnTraceUnitToSupplier(trx, actor, { ...input, quantity: '7' })),
    ).rejects.toMatchObject({ code: 'STOCK_INSUFFICIENT' });
  });
});

describe('lot outcomes by supplier', () => {
  it('counts received lots and their first decision per supplier', async () => {
    const f = await makeLotsFixture(db());
    const a = await makeQuarantinedLot(db(), f);
    await makeQuarantinedLot(db(), f);
    await makeReleasedLot(db(), f);
    const signer = await makeSigner(db(), 'rejected');
    await tx((trx) => rejectTraceUnit(trx, actor, { traceUnitId: a.id, signer, reason: 'bad' }));
    const outcomes = await lotOutcomesBySupplier(db().db, {});
    expect(outcomes.find((o) => o.supplierId === f.supplierId)).toEqual({
      supplierId: f.supplierId,
      received: 3,
      released: 1,
      rejected: 1,
      pending: 1,
    });
    expect(await lotOutcomesBySupplier(db().db, { from: '2999-01-01T00:00:00Z' })).toEqual([]);
  });
});

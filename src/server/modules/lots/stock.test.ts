import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { caller, makePerson, type Person } from '../../../../test/support/engineering.ts';
import {
  makeLotsFixture,
  makeQuarantinedLot,
  makeReleasedLot,
  makeSigner,
  type LotsFixture,
} from '../../../../test/support/lots.ts';
import { addDays } from '../../../shared/calendar-date.ts';
import { systemActor } from '../../platform/actor.ts';
import {
  holdTraceUnit,
  issueTraceUnit,
  recallTraceUnit,
  receiveTraceUnit,
  rejectTraceUnit,
} from './index.ts';
import { today } from './trace-units.service.ts';

const ctx = useTestApp();
const api = () => caller(ctx().app);
const actor = systemActor('test');

let warehouse: Person;
let reader: Person;
let f: LotsFixture;

beforeAll(async () => {
  warehouse = await makePerson(ctx().app, ctx().database, ['warehouse']);
  reader = await makePerson(ctx().app, ctx().database, ['operator']);
  f = await makeLotsFixture(ctx().database);
});

function transfer(lotId: string, from: string, to: string, quantity: string) {
  return api().post(warehouse, '/api/stock/transfers', {
    lotId,
    fromLocationId: from,
    toLocationId: to,
    quantity,
  });
}

async function onHand(lotId: string) {
  const res = await api().get(warehouse, `/api/stock/balances?lotId=${lotId}`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries(
    res
      .json()
      .items.map((b: { locationId: string; quantity: string }) => [b.locationId, b.quantity]),
  );
}

describe('transfers', () => {
  it('moves stock between locations in one ledger entry and keeps both balances', async () => {
    const lot = await makeReleasedLot(ctx().database, f, { quantity: '50' });
    const res = await transfer(lot.id, f.locations.storage, f.locations.storage2, '20.5');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      type: 'transfer',
      quantity: '20.5',
      fromLocationId: f.locations.storage,
      toLocationId: f.locations.storage2,
      reason: 'Transfer',
    });
    expect(await onHand(lot.id)).toEqual({
      [f.locations.storage]: '29.5',
      [f.locations.storage2]: '20.5',
    });
  });

  it('refuses more than is on hand at the source, the same location, and a reader', async () => {
    const lot = await makeReleasedLot(ctx().database, f, { quantity: '5' });
    const tooMuch = await transfer(lot.id, f.locations.storage, f.locations.storage2, '5.000001');
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().code).toBe('STOCK_INSUFFICIENT');
    const same = await transfer(lot.id, f.locations.storage, f.locations.storage, '1');
    expect(same.json().code).toBe('STOCK_SAME_LOCATION');
    const byReader = await api().post(reader, '/api/stock/transfers', {
      lotId: lot.id,
      fromLocationId: f.locations.storage,
      toLocationId: f.locations.storage2,
      quantity: '1',
    });
    expect(byReader.statusCode).toBe(403);
    const zero = await transfer(lot.id, f.locations.storage, f.locations.storage2, '0');
    expect(zero.statusCode).toBe(400);
  });
});

describe('gates', () => {
  it('lets a quarantined lot move between storage locations but not into production or shipping', async () => {
    const lot = await makeQuarantinedLot(ctx().database, f, { quantity: '10' });
    expect(
      (await transfer(lot.id, f.locations.quarantine, f.locations.storage, '4')).statusCode,
    ).toBe(201);
    for (const to of [f.locations.production, f.locations.customer]) {
      const res = await transfer(lot.id, f.locations.storage, to, '1');
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('LOT_NOT_RELEASED');
    }
  });

  it('refuses a lot on hold, rejected, recalled or past its expiry date with its own code', async () => {
    const held = await makeReleasedLot(ctx().database, f);
    await ctx()
      .database.db.transaction()
      .execute((trx) =>
        holdTraceUnit(trx, actor, { traceUnitId: held.id, reason: 'Supplier notice' }),
      );
    expect(
      (await transfer(held.id, f.locations.storage, f.locations.production, '1')).json().code,
    ).toBe('LOT_ON_HOLD');

    const rejected = await makeQuarantinedLot(ctx().database, f);
    const rejecter = await makeSigner(ctx().database, 'rejected');
    await ctx()
      .database.db.transaction()
      .execute((trx) =>
        rejectTraceUnit(trx, actor, { traceUnitId: rejected.id, signer: rejecter, reason: 'Bad' }),
      );
    expect(
      (await transfer(rejected.id, f.locations.quarantine, f.locations.production, '1')).json()
        .code,
    ).toBe('LOT_REJECTED');

    const recalled = await makeReleasedLot(ctx().database, f);
    const approver = await makeSigner(ctx().database, 'approved');
    await ctx()
      .database.db.transaction()
      .execute((trx) =>
        recallTraceUnit(trx, actor, {
          traceUnitId: recalled.id,
          signer: approver,
          reason: 'Field action',
        }),
      );
    expect(
      (await transfer(recalled.id, f.locations.storage, f.locations.customer, '1')).json().code,
    ).toBe('LOT_RECALLED');

    // Released while in date; the date has passed but the expiry job has not run yet.
    const stale = await makeReleasedLot(ctx().database, f, { expiresOn: today() });
    await ctx()
      .database.db.updateTable('trace_units')
      .set({ expires_on: addDays(today(), -1) })
      .where('id', '=', stale.id)
      .execute();
    const res = await transfer(stale.id, f.locations.storage, f.locations.production, '1');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LOT_EXPIRED');
  });

  it('issues only released, unexpired lots', async () => {
    const quarantined = await makeQuarantinedLot(ctx().database, f);
    await expect(
      ctx()
        .database.db.transaction()
        .execute((trx) =>
          issueTraceUnit(trx, actor, {
            traceUnitId: quarantined.id,
            locationId: f.locations.quarantine,
            quantity: '1',
            reason: 'WO-1',
          }),
        ),
    ).rejects.toMatchObject({ code: 'LOT_NOT_RELEASED' });
    const released = await makeReleasedLot(ctx().database, f, { quantity: '3' });
    await ctx()
      .database.db.transaction()
      .execute((trx) =>
        issueTraceUnit(trx, actor, {
          traceUnitId: released.id,
          locationId: f.locations.storage,
          quantity: '2',
          reason: 'WO-1',
        }),
      );
    expect(await onHand(released.id)).toEqual({ [f.locations.storage]: '1' });
  });
});

describe('stock that appears', () => {
  it('refuses to adjust stock of an unusable lot into production or shipping', async () => {
    const lot = await makeQuarantinedLot(ctx().database, f, { quantity: '10' });
    for (const locationId of [f.locations.production, f.locations.customer]) {
      const res = await api().post(warehouse, '/api/stock/adjustments', {
        lotId: lot.id,
        locationId,
        quantity: '+1',
        reason: 'Found on the line',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('LOT_NOT_RELEASED');
    }
  });

  it('never has a serial on hand twice', async () => {
    const serials = await makeLotsFixture(ctx().database, { tracking: 'serial' });
    const unit = await ctx()
      .database.db.transaction()
      .execute((trx) =>
        receiveTraceUnit(trx, actor, {
          itemId: serials.itemId,
          kind: 'serial',
          code: `SN-${Date.now()}`,
          quantity: '1',
          unit: 'pcs',
          supplierId: serials.supplierId,
          locationId: serials.locations.quarantine,
          source: { type: 'test', id: 'serial' },
        }),
      );
    const found = await api().post(warehouse, '/api/stock/adjustments', {
      lotId: unit.id,
      locationId: serials.locations.storage,
      quantity: '+1',
      reason: 'Found in storage',
    });
    expect(found.statusCode).toBe(422);
    expect(found.json().code).toBe('LOT_SERIAL_QUANTITY');
    expect(await onHand(unit.id)).toEqual({ [serials.locations.quarantine]: '1' });
  });
});

describe('adjustments, scrap and reversal', () => {
  it('adjusts up and down with a reason, never below zero', async () => {
    const lot = await makeReleasedLot(ctx().database, f, { quantity: '10' });
    const adjust = (quantity: string) =>
      api().post(warehouse, '/api/stock/adjustments', {
        lotId: lot.id,
        locationId: f.locations.storage,
        quantity,
        reason: 'Cycle count',
      });
    expect((await adjust('+2')).json()).toMatchObject({
      toLocationId: f.locations.storage,
      quantity: '2',
    });
    expect((await adjust('-11')).json()).toMatchObject({
      fromLocationId: f.locations.storage,
      quantity: '11',
    });
    const below = await adjust('-1.5');
    expect(below.statusCode).toBe(409);
    expect(below.json().code).toBe('STOCK_INSUFFICIENT');
    expect(await onHand(lot.id)).toEqual({ [f.locations.storage]: '1' });
  });

  it('reverses a transfer once, by the opposite movement that names it', async () => {
    const lot = await makeReleasedLot(ctx().database, f, { quantity: '10' });
    const moved = (await transfer(lot.id, f.locations.storage, f.locations.production, '6')).json();
    const reversed = await api().post(warehouse, `/api/stock/movements/${moved.id}/reverse`, {
      reason: 'Wrong location scanned',
    });
    expect(reversed.statusCode, reversed.body).toBe(201);
    expect(reversed.json()).toMatchObject({
      type: 'transfer',
      fromLocationId: f.locations.production,
      toLocationId: f.locations.storage,
      quantity: '6',
      reversesMovementId: moved.id,
    });
    expect(await onHand(lot.id)).toEqual({ [f.locations.storage]: '10' });
    const again = await api().post(warehouse, `/api/stock/movements/${moved.id}/reverse`, {
      reason: 'x',
    });
    expect(again.json().code).toBe('STOCK_MOVEMENT_ALREADY_REVERSED');
    const ofReversal = await api().post(
      warehouse,
      `/api/stock/movements/${reversed.json().id}/reverse`,
      {
        reason: 'x',
      },
    );
    expect(ofReversal.json().code).toBe('STOCK_MOVEMENT_NOT_REVERSIBLE');
    const list = await api().get(warehouse, `/api/stock/movements?lotId=${lot.id}&type=transfer`);
    expect(
      list.json().items.find((m: { id: string }) => m.id === moved.id).reversedByMovementId,
    ).toBe(reversed.json().id);
  });

  it('scraps stock and refuses to reverse a receipt', async () => {
    const lot = await makeQuarantinedLot(ctx().database, f, { quantity: '4' });
    const scrap = await api().post(warehouse, '/api/stock/scrap', {
      lotId: lot.id,
      locationId: f.locations.quarantine,
      quantity: '1',
      reason: 'Damaged in transit',
    });
    expect(scrap.statusCode, scrap.body).toBe(201);
    expect(await onHand(lot.id)).toEqual({ [f.locations.quarantine]: '3' });
    const receipt = (
      await api().get(warehouse, `/api/stock/movements?lotId=${lot.id}&type=receipt`)
    ).json().items[0];
    const res = await api().post(warehouse, `/api/stock/movements/${receipt.id}/reverse`, {
      reason: 'x',
    });
    expect(res.json().code).toBe('STOCK_MOVEMENT_NOT_REVERSIBLE');
    const csv = await api().get(warehouse, `/api/stock/movements/export.csv?lotId=${lot.id}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Damaged in transit');
  });
});

describe('FEFO', () => {
  it('suggests released, unexpired stock, earliest expiry first, and says what is missing', async () => {
    const g = await makeLotsFixture(ctx().database);
    const late = await makeReleasedLot(ctx().database, g, {
      quantity: '5',
      expiresOn: addDays(today(), 90),
    });
    const early = await makeReleasedLot(ctx().database, g, {
      quantity: '3',
      expiresOn: addDays(today(), 10),
    });
    await makeReleasedLot(ctx().database, g, { quantity: '7' });
    await makeQuarantinedLot(ctx().database, g, {
      quantity: '100',
      expiresOn: addDays(today(), 1),
    });
    const res = await api().get(warehouse, `/api/stock/fefo?itemId=${g.itemId}&quantity=6`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ sufficient: true, shortfall: '0' });
    expect(
      res.json().picks.map((p: { traceUnitId: string; pick: string }) => [p.traceUnitId, p.pick]),
    ).toEqual([
      [early.id, '3'],
      [late.id, '3'],
    ]);
    const short = (
      await api().get(warehouse, `/api/stock/fefo?itemId=${g.itemId}&quantity=20`)
    ).json();
    expect(short).toMatchObject({ sufficient: false, shortfall: '5' });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import {
  makeItem,
  makeLocations,
  makeSupplier,
  makeWorld,
  placeOrder,
  today,
  type World,
} from './purchasing.test-support.ts';

const ctx = useTestApp();
let w: World;
let locations: { quarantine: string; storage: string };
beforeAll(async () => {
  w = await makeWorld(ctx().app, ctx().database);
  locations = await makeLocations(w);
});

async function receive(lineId: string, quantity: string, receivedOn?: string) {
  const res = await w.api.post(w.receiver, '/api/receipts', {
    purchaseOrderLineId: lineId,
    supplierLot: `SL-${quantity}`,
    quantity,
    locationId: locations.quarantine,
    ...(receivedOn ? { receivedOn } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; traceUnits: { id: string; code: string }[] }>();
}

function lotOf(receipt: { traceUnits: { id: string }[] }): string {
  const unit = receipt.traceUnits[0];
  if (!unit) throw new Error('no trace unit');
  return unit.id;
}

describe('returns to supplier', () => {
  it('moves stock back to the supplier and counts it on the PO line', async () => {
    const item = await makeItem(w);
    const supplier = await makeSupplier(w, [item.id]);
    const po = await placeOrder(w, supplier.id, [{ itemId: item.id, quantity: '100' }]);
    const receipt = await receive(po.lines[0]?.id ?? '', '100');
    const lotId = lotOf(receipt);
    const res = await w.api.post(w.receiver, '/api/supplier-returns', {
      traceUnitId: lotId,
      locationId: locations.quarantine,
      quantity: '30',
      reason: 'Damaged cartons',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      code: expect.stringMatching(/^RTS-\d{4,}$/),
      quantity: '30',
      traceUnit: { id: lotId },
      supplier: { id: supplier.id },
    });
    const order = await w.api.get(w.buyer, `/api/purchase-orders/${po.id}`);
    expect(order.json()).toMatchObject({
      status: 'received',
      lines: [{ receivedQuantity: '100', returnedQuantity: '30', openQuantity: '0' }],
      returns: [{ quantity: '30', reason: 'Damaged cartons' }],
    });
    const stock = await w.api.get(w.admin, `/api/lots/${lotId}`);
    expect(stock.json()).toMatchObject({ quantityOnHand: '70', receivedQuantity: '100' });

    const tooMuch = await w.api.post(w.receiver, '/api/supplier-returns', {
      traceUnitId: lotId,
      locationId: locations.quarantine,
      quantity: '71',
      reason: 'All of it',
    });
    expect(tooMuch.json()).toMatchObject({ code: 'STOCK_INSUFFICIENT' });
    const csv = await w.api.get(
      w.buyer,
      `/api/supplier-returns/export.csv?purchaseOrderId=${po.id}`,
    );
    expect(csv.body).toContain('Damaged cartons');
  });

  it('refuses a lot that did not come in on a PO', async () => {
    const res = await w.api.post(w.receiver, '/api/supplier-returns', {
      traceUnitId: '00000000-0000-7000-8000-000000000000',
      locationId: locations.quarantine,
      quantity: '1',
      reason: 'x',
    });
    expect(res.json()).toMatchObject({ code: 'SUPPLIER_RETURN_NOT_RECEIVED' });
  });
});

describe('supplier scorecard', () => {
  it('computes on-time delivery and lot acceptance from the records, with the counts', async () => {
    const item = await makeItem(w);
    const supplier = await makeSupplier(w, [item.id]);
    const po = await placeOrder(w, supplier.id, [
      { itemId: item.id, quantity: '100', dueDate: today(-5) },
      { itemId: item.id, quantity: '100', dueDate: today(10) },
    ]);
    const [late, onTime] = po.lines;
    const r1 = await receive(late?.id ?? '', '10', today(-2)); // after its due date
    const r2 = await receive(onTime?.id ?? '', '20');
    const r3 = await receive(onTime?.id ?? '', '30');
    await receive(late?.id ?? '', '40', today(-6)); // before its due date
    const sign = (meaning: string) => ({
      username: w.admin.username,
      password: w.admin.password,
      meaning,
    });
    const released = await w.api.post(w.admin, `/api/lots/${lotOf(r1)}/release`, {
      reason: 'Inspection passed',
      signature: sign('released'),
    });
    expect(released.statusCode, released.body).toBe(200);
    const released2 = await w.api.post(w.admin, `/api/lots/${lotOf(r2)}/release`, {
      reason: 'Inspection passed',
      signature: sign('released'),
    });
    expect(released2.statusCode, released2.body).toBe(200);
    const rejected = await w.api.post(w.admin, `/api/lots/${lotOf(r3)}/reject`, {
      reason: 'Out of tolerance',
      signature: sign('rejected'),
    });
    expect(rejected.statusCode, rejected.body).toBe(200);

    const res = await w.api.get(w.buyer, '/api/suppliers/scorecard');
    expect(res.statusCode, res.body).toBe(200);
    const row = res
      .json()
      .rows.find((r: { supplier: { id: string } }) => r.supplier.id === supplier.id);
    expect(row).toEqual({
      supplier: expect.objectContaining({ id: supplier.id }),
      receipts: 4,
      onTimeReceipts: 3,
      onTimeRate: 0.75,
      lotsReceived: 4,
      lotsReleased: 2,
      lotsRejected: 1,
      lotsPending: 1,
      acceptanceRate: 0.6667,
    });
    const window = await w.api.get(
      w.buyer,
      `/api/suppliers/scorecard?from=${today(-3)}&to=${today(-1)}`,
    );
    const windowed = window
      .json()
      .rows.find((r: { supplier: { id: string } }) => r.supplier.id === supplier.id);
    expect(windowed).toMatchObject({ receipts: 1, onTimeReceipts: 0, onTimeRate: 0 });
    const csv = await w.api.get(w.buyer, '/api/suppliers/scorecard/export.csv');
    expect(csv.body).toContain(supplier.code);
  });
});

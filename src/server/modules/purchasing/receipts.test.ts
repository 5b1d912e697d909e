import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import {
  gs1Date,
  makeItem,
  makeLocations,
  makeSupplier,
  makeWorld,
  PDF_BYTES,
  pdfUpload,
  placeOrder,
  today,
  unique,
  uniqueGtin,
  type World,
} from './purchasing.test-support.ts';

const ctx = useTestApp();
let w: World;
let locations: { quarantine: string; storage: string };
beforeAll(async () => {
  w = await makeWorld(ctx().app, ctx().database);
  locations = await makeLocations(w);
});

const GS = '\u001d';

async function openLine(quantity = '100', options: Parameters<typeof makeItem>[1] = {}) {
  const item = await makeItem(w, options);
  const gtin = options.gtin ?? '';
  const supplier = await makeSupplier(w, [item.id]);
  const po = await placeOrder(w, supplier.id, [{ itemId: item.id, quantity }]);
  const line = po.lines[0];
  if (!line) throw new Error('no line');
  return { item, supplier, po, lineId: line.id, gtin };
}

function receive(payload: Record<string, unknown>) {
  return w.api.post(w.receiver, '/api/receipts', { locationId: locations.quarantine, ...payload });
}

async function lot(id: string) {
  const res = await w.api.get(w.admin, `/api/lots/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('receiving by scan', () => {
  const expiry = today(400);
  const made = today(-30);
  const forms: [string, (lot: string, GTIN: string) => string][] = [
    [
      'bracketed',
      (l, GTIN) => `(01)${GTIN}(17)${gs1Date(expiry)}(11)${gs1Date(made)}(10)${l}(30)40`,
    ],
    [
      'GS1-128 with symbology identifier and GS separators',
      (l, GTIN) => `]C101${GTIN}17${gs1Date(expiry)}11${gs1Date(made)}10${l}${GS}3040`,
    ],
    [
      'GS1 DataMatrix with ^ for FNC1',
      (l, GTIN) => `]d201${GTIN}17${gs1Date(expiry)}11${gs1Date(made)}10${l}^3040`,
    ],
    [
      'GS1 Digital Link',
      (l, GTIN) =>
        `https://id.gs1.org/01/${GTIN}/10/${l}?17=${gs1Date(expiry)}&11=${gs1Date(made)}&30=40`,
    ],
  ];

  for (const [form, scan] of forms) {
    it(`reads a ${form} label into a quarantined lot bound to the supplier lot`, async () => {
      const {
        item,
        supplier,
        po,
        lineId,
        gtin: GTIN,
      } = await openLine('100', { gtin: uniqueGtin() });
      const supplierLot = unique('SL');
      const res = await receive({ purchaseOrderLineId: lineId, scan: scan(supplierLot, GTIN) });
      expect(res.statusCode, res.body).toBe(201);
      const receipt = res.json();
      expect(receipt).toMatchObject({
        code: expect.stringMatching(/^RCV-\d{4,}$/),
        purchaseOrder: { id: po.id, code: po.code },
        entryMode: 'scan',
        gtin: GTIN,
        supplierLot,
        expiresOn: expiry,
        manufacturedOn: made,
        quantity: '40',
        location: { id: locations.quarantine, kind: 'quarantine' },
        onTime: true,
      });
      expect(receipt.traceUnits).toHaveLength(1);
      const created = await lot(receipt.traceUnits[0].id);
      expect(created).toMatchObject({
        itemId: item.id,
        qualityStatus: 'quarantined',
        supplierId: supplier.id,
        supplierLot,
        expiresOn: expiry,
      });
      const order = await w.api.get(w.buyer, `/api/purchase-orders/${po.id}`);
      expect(order.json()).toMatchObject({
        status: 'partially_received',
        lines: [{ receivedQuantity: '40', openQuantity: '60' }],
        receipts: [{ id: receipt.id }],
      });
    });
  }

  it('refuses a label whose GTIN is not the ordered item', async () => {
    const { lineId } = await openLine('100', { gtin: uniqueGtin() });
    const res = await receive({
      purchaseOrderLineId: lineId,
      scan: `(01)09506000117843(17)${gs1Date(today(300))}(10)X1`,
      quantity: '5',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'RECEIPT_GTIN_MISMATCH' });
  });

  it('refuses an unreadable label with the parser’s code', async () => {
    const { lineId } = await openLine();
    const res = await receive({
      purchaseOrderLineId: lineId,
      scan: '(01)12345678901234',
      quantity: '5',
    });
    expect(res.json()).toMatchObject({ code: 'RECEIPT_SCAN_INVALID' });
  });

  it('previews a scan without writing anything', async () => {
    const { lineId, po, gtin: GTIN } = await openLine('100', { gtin: uniqueGtin() });
    const good = await w.api.post(w.receiver, '/api/receipts/parse', {
      purchaseOrderLineId: lineId,
      scan: `]C101${GTIN}17${gs1Date(today(100))}10LOT-A${GS}30105`,
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({
      ok: true,
      itemMatch: 'match',
      supplierLot: 'LOT-A',
      quantity: '105',
      maxReceivable: '110',
      expired: false,
      problems: [],
    });
    const bad = await w.api.post(w.receiver, '/api/receipts/parse', {
      purchaseOrderLineId: lineId,
      scan: `(01)09506000117843(17)200101(10)OLD(30)500`,
    });
    expect(bad.json().ok).toBe(false);
    expect(bad.json().problems.map((p: { code: string }) => p.code)).toEqual([
      'RECEIPT_GTIN_MISMATCH',
      'LOT_EXPIRED',
      'RECEIPT_OVER_TOLERANCE',
    ]);
    const unreadable = await w.api.post(w.receiver, '/api/receipts/parse', {
      purchaseOrderLineId: lineId,
      scan: 'garbage',
    });
    expect(unreadable.json()).toMatchObject({
      ok: false,
      problems: [{ code: 'UDI_UNRECOGNISED' }],
    });
    const order = await w.api.get(w.buyer, `/api/purchase-orders/${po.id}`);
    expect(order.json().receipts).toEqual([]);
  });
});

describe('receiving by typing', () => {
  it('takes the typed supplier lot and dates, and stores the certificate of analysis', async () => {
    const { lineId } = await openLine('50');
    const sha256 = createHash('sha256').update(PDF_BYTES).digest('hex');
    const res = await receive({
      purchaseOrderLineId: lineId,
      supplierLot: 'S-2026-118',
      expiresOn: today(365),
      manufacturedOn: today(-10),
      quantity: '50',
      certificate: pdfUpload(PDF_BYTES, sha256),
    });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt).toMatchObject({
      entryMode: 'typed',
      scanData: null,
      supplierLot: 'S-2026-118',
      certificate: { sha256, mediaType: 'application/pdf', filename: '检验报告 COA.pdf' },
    });
    const file = await w.api.get(w.receiver, `/api/receipts/${receipt.id}/certificate`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PDF_BYTES)).toBe(true);
    expect(file.headers['repr-digest']).toBe(
      `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`,
    );
    const list = await w.api.get(w.receiver, `/api/receipts?q=S-2026-118`);
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(receipt.id);
    const csv = await w.api.get(w.receiver, `/api/receipts/export.csv?q=S-2026-118`);
    expect(csv.body).toContain(receipt.code);
  });

  it('refuses a certificate whose bytes do not match its checksum or its type', async () => {
    const { lineId, po } = await openLine('50');
    const typed = { purchaseOrderLineId: lineId, supplierLot: 'C1', quantity: '5' };
    const wrongSum = await receive({ ...typed, certificate: pdfUpload(PDF_BYTES, 'a'.repeat(64)) });
    expect(wrongSum.json()).toMatchObject({ code: 'CERTIFICATE_FILE_CHECKSUM_MISMATCH' });
    const notPdf = await receive({
      ...typed,
      certificate: pdfUpload(Buffer.from('just text, not a PDF')),
    });
    expect(notPdf.json()).toMatchObject({ code: 'CERTIFICATE_FILE_TYPE_MISMATCH' });
    const order = await w.api.get(w.buyer, `/api/purchase-orders/${po.id}`);
    expect(order.json().lines[0].receivedQuantity).toBe('0');
  });

  it('creates one quarantined serial per typed serial number', async () => {
    const { lineId } = await openLine('3', { tracking: 'serial' });
    const serials = [unique('SN'), unique('SN')];
    const res = await receive({ purchaseOrderLineId: lineId, serials, supplierLot: 'B7' });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      res.json().traceUnits.map((u: { code: string; kind: string }) => [u.code, u.kind]),
    ).toEqual(serials.map((s) => [s, 'serial']));
    const dup = await receive({ purchaseOrderLineId: lineId, serials: ['X', 'X'] });
    expect(dup.json()).toMatchObject({ code: 'RECEIPT_SERIALS_INVALID' });
  });

  it('requires the supplier lot and the quantity', async () => {
    const { lineId } = await openLine();
    expect((await receive({ purchaseOrderLineId: lineId, quantity: '5' })).json()).toMatchObject({
      code: 'RECEIPT_SUPPLIER_LOT_REQUIRED',
    });
    expect((await receive({ purchaseOrderLineId: lineId, supplierLot: 'A' })).json()).toMatchObject(
      {
        code: 'RECEIPT_QUANTITY_REQUIRED',
      },
    );
  });
});

describe('receiving rules', () => {
  it('refuses over-receipt beyond the tolerance (10% by default), counting earlier receipts', async () => {
    const { lineId, po } = await openLine('100');
    const first = await receive({ purchaseOrderLineId: lineId, supplierLot: 'A', quantity: '60' });
    expect(first.statusCode, first.body).toBe(201);
    const over = await receive({
      purchaseOrderLineId: lineId,
      supplierLot: 'B',
      quantity: '50.000001',
    });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'RECEIPT_OVER_TOLERANCE' });
    const upTo = await receive({ purchaseOrderLineId: lineId, supplierLot: 'B', quantity: '50' });
    expect(upTo.statusCode, upTo.body).toBe(201);
    const order = await w.api.get(w.buyer, `/api/purchase-orders/${po.id}`);
    expect(order.json()).toMatchObject({
      status: 'received',
      lines: [{ receivedQuantity: '110' }],
    });
  });

  it('refuses an expired lot with LOT_EXPIRED, scanned or typed', async () => {
    const { lineId } = await openLine();
    const scanned = await receive({
      purchaseOrderLineId: lineId,
      scan: `(01)09506000117843(17)${gs1Date(today(-1))}(10)OLD-LOT`,
      quantity: '5',
    });
    expect(scanned.statusCode).toBe(409);
    expect(scanned.json()).toMatchObject({ code: 'LOT_EXPIRED' });
    const typed = await receive({
      purchaseOrderLineId: lineId,
      supplierLot: 'OLD-LOT',
      expiresOn: today(-1),
      quantity: '5',
    });
    expect(typed.json()).toMatchObject({ code: 'LOT_EXPIRED' });
    const lastDay = await receive({
      purchaseOrderLineId: lineId,
      supplierLot: 'LAST-DAY',
      expiresOn: today(),
      quantity: '5',
    });
    expect(lastDay.statusCode, lastDay.body).toBe(201);
  });

  it('places the lot in quarantine only: the first active quarantine location by default, never storage', async () => {
    const { lineId } = await openLine();
    const storage = await receive({
      purchaseOrderLineId: lineId,
      supplierLot: 'A',
      quantity: '5',
      locationId: locations.storage,
    });
    expect(storage.json()).toMatchObject({ code: 'RECEIPT_LOCATION_NOT_QUARANTINE' });
    const res = await w.api.post(w.receiver, '/api/receipts', {
      purchaseOrderLineId: lineId,
      supplierLot: 'A',
      quantity: '5',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().location.kind).toBe('quarantine');
  });

  it('refuses a draft order and re-checks the supplier at receipt', async () => {
    const item = await makeItem(w);
    const approved = await makeSupplier(w, [item.id]);
    const draft = await w.api.post(w.buyer, '/api/purchase-orders', {
      supplierId: approved.id,
      lines: [{ itemId: item.id, quantity: '5', dueDate: today(3) }],
    });
    const draftLine = draft.json().lines[0].id;
    const refused = await receive({
      purchaseOrderLineId: draftLine,
      supplierLot: 'A',
      quantity: '5',
    });
    expect(refused.json()).toMatchObject({ code: 'PURCHASE_ORDER_NOT_RECEIVABLE' });

    const { lineId, supplier } = await openLine();
    const disqualify = await w.api.post(w.admin, `/api/suppliers/${supplier.id}/status`, {
      status: 'disqualified',
      reason: 'Failed audit',
      signature: { username: w.admin.username, password: w.admin.password, meaning: 'rejected' },
    });
    expect(disqualify.statusCode, disqualify.body).toBe(200);
    const res = await receive({ purchaseOrderLineId: lineId, supplierLot: 'A', quantity: '5' });
    expect(res.json()).toMatchObject({ code: 'SUPPLIER_DISQUALIFIED' });
  });

  it('rolls everything back when a later step fails (the second serial is already taken)', async () => {
    const { lineId, po } = await openLine('5', { tracking: 'serial' });
    const taken = unique('SN');
    const first = await receive({ purchaseOrderLineId: lineId, serials: [taken] });
    expect(first.statusCode, first.body).toBe(201);
    const fresh = unique('SN');
    const res = await receive({ purchaseOrderLineId: lineId, serials: [fresh, taken] });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    const order = await w.api.get(w.buyer, `/api/purchase-orders/${po.id}`);
    expect(order.json().receipts).toHaveLength(1);
    expect(order.json().lines[0].receivedQuantity).toBe('1');
    const lots = await w.api.get(w.admin, `/api/lots?q=${fresh}`);
    expect(lots.json().total).toBe(0);
  });

  it('never lets parallel receipts together exceed the tolerance', async () => {
    const { lineId, po } = await openLine('100');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        receive({ purchaseOrderLineId: lineId, supplierLot: `P${i}`, quantity: '30' }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 409, 409, 409]);
    const order = await w.api.get(w.buyer, `/api/purchase-orders/${po.id}`);
    expect(order.json().lines[0].receivedQuantity).toBe('90');
    expect(order.json().receipts).toHaveLength(3);
  });

  it('opens the incoming inspection from the item’s active default plan, sized for the lot', async () => {
    const { item, lineId } = await openLine('500');
    const plan = await w.api.post(w.admin, '/api/inspection-plans', {
      itemId: item.id,
      name: 'Incoming visual',
      characteristics: [{ name: 'Visual defects', kind: 'attribute', aql: '1.0' }],
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const active = await w.api.post(w.admin, `/api/inspection-plans/${plan.json().id}/activate`, {
      reason: 'Released for incoming inspection',
    });
    expect(active.statusCode, active.body).toBe(200);
    const res = await receive({
      purchaseOrderLineId: lineId,
      supplierLot: 'INS-1',
      quantity: '500',
    });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    // ISO 2859-1: 281–500 at level II is code letter H, n = 50.
    expect(receipt.inspections).toEqual([
      expect.objectContaining({ sampleSize: 50, traceUnitId: receipt.traceUnits[0].id }),
    ]);
    const inspection = await w.api.get(w.admin, `/api/inspections/${receipt.inspections[0].id}`);
    expect(inspection.json()).toMatchObject({
      receiptId: receipt.id,
      lot: { id: receipt.traceUnits[0].id },
      lotSize: '500',
      codeLetter: 'H',
    });
    // Serials received together are one lot submitted: one inspection of all of them.
    const serialLine = await openLine('3', { tracking: 'serial' });
    const serialPlan = await w.api.post(w.admin, '/api/inspection-plans', {
      itemId: serialLine.item.id,
      name: 'Incoming function test',
      characteristics: [{ name: 'Powers up', kind: 'attribute', aql: '1.0' }],
    });
    await w.api.post(w.admin, `/api/inspection-plans/${serialPlan.json().id}/activate`, {
      reason: 'Released for incoming inspection',
    });
    const serials = [unique('SN'), unique('SN'), unique('SN')];
    const serialReceipt = await receive({
      purchaseOrderLineId: serialLine.lineId,
      serials,
      supplierLot: 'B9',
    });
    expect(serialReceipt.statusCode, serialReceipt.body).toBe(201);
    const batch = serialReceipt.json();
    expect(batch.traceUnits).toHaveLength(3);
    expect(batch.inspections).toHaveLength(1);
    const batchInspection = await w.api.get(w.admin, `/api/inspections/${batch.inspections[0].id}`);
    expect(batchInspection.json()).toMatchObject({ lotSize: '3', sampleSize: 3 });
    const inspectionUrl = `/api/inspections/${batch.inspections[0].id}`;
    const results = await w.api.post(w.admin, `${inspectionUrl}/results`, {
      results: [1, 2, 3].map((unitNo) => ({ characteristicSeq: 1, unitNo, passed: true })),
    });
    expect(results.statusCode, results.body).toBe(200);
    const signature = (meaning: string) => ({
      username: w.admin.username,
      password: w.admin.password,
      meaning,
    });
    const partial = await w.api.post(w.admin, `${inspectionUrl}/decision`, {
      decision: 'partial',
      acceptedQuantity: '2',
      reason: 'One board sorted out',
      signature: signature('approved'),
    });
    expect(partial.json().code).toBe('INSPECTION_DECISION_INVALID');
    const accepted = await w.api.post(w.admin, `${inspectionUrl}/decision`, {
      decision: 'accept',
      signature: signature('released'),
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    for (const unit of batch.traceUnits) {
      expect((await lot(unit.id)).qualityStatus).toBe('released');
    }

    const withoutPlan = await openLine('10');
    const none = await receive({
      purchaseOrderLineId: withoutPlan.lineId,
      supplierLot: 'NP',
      quantity: '10',
    });
    expect(none.json().inspections).toEqual([]);
  });
});

// Builders for the purchasing tests, all through the API: approved suppliers with
// their items, quarantine and storage locations, and placed purchase orders.
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { calendarDateOf } from '../../../shared/calendar-date.ts';
import type { LotlineDatabase } from '../../platform/db/connect.ts';
import { computeGs1CheckDigit } from '../udi/index.ts';
import {
  caller,
  makePerson,
  signatureOf,
  type Person,
} from '../../../../test/support/engineering.ts';

export interface World {
  app: FastifyInstance;
  admin: Person;
  buyer: Person;
  receiver: Person;
  api: ReturnType<typeof caller>;
}

export async function makeWorld(app: FastifyInstance, database: LotlineDatabase): Promise<World> {
  return {
    app,
    admin: await makePerson(app, database, ['admin']),
    buyer: await makePerson(app, database, ['purchasing']),
    receiver: await makePerson(app, database, ['warehouse']),
    api: caller(app),
  };
}

let seq = 0;
export function unique(prefix: string): string {
  seq++;
  return `${prefix}${seq}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}

export function today(offsetDays = 0): string {
  return calendarDateOf(new Date(Date.now() + offsetDays * 86_400_000));
}

let gtinSeq = Math.floor(Math.random() * 90_000);
/** A GTIN-14 with a valid check digit, different on every call. */
export function uniqueGtin(): string {
  gtinSeq++;
  const body = `0950601${String(gtinSeq).padStart(6, '0')}`;
  return body + computeGs1CheckDigit(body);
}

/** YYMMDD as GS1 (17)/(11) write it. */
export function gs1Date(iso: string): string {
  return iso.slice(2).replaceAll('-', '');
}

export async function makeItem(
  w: World,
  options: { tracking?: 'lot' | 'serial' | 'none'; type?: string; gtin?: string } = {},
): Promise<{ id: string; code: string }> {
  const res = await w.api.post(w.admin, '/api/items', {
    code: unique('PI-'),
    nameZh: '采购测试物料',
    nameEn: 'Purchased test item',
    type: options.type ?? (options.gtin ? 'finished_device' : 'component'),
    uom: 'pcs',
    tracking: options.tracking ?? 'lot',
  });
  expect(res.statusCode, res.body).toBe(201);
  const item = res.json<{ id: string; code: string }>();
  if (options.gtin) {
    const dm = await w.api.put(w.admin, `/api/items/${item.id}/device-model`, {
      issuingAgency: 'GS1',
      primaryDi: options.gtin,
      modelVersion: 'T1',
      riskClass: 'II',
      sterile: true,
      singleUse: true,
      containsLatex: false,
      mriSafety: 'not_evaluated',
      labelIdentifiers: { lot: true, serial: false, manufactureDate: false, expiry: true },
      reason: 'Purchased finished device',
    });
    expect(dm.statusCode, dm.body).toBe(200);
  }
  return item;
}

export async function makeSupplier(
  w: World,
  itemIds: string[],
  status: 'approved' | 'conditional' | 'pending' | 'disqualified' = 'approved',
): Promise<{ id: string; code: string }> {
  const res = await w.api.post(w.admin, '/api/suppliers', {
    code: unique('SUP-P'),
    legalNameZh: '测试供应商',
    legalNameEn: 'Test Supplier',
    country: 'CN',
  });
  expect(res.statusCode, res.body).toBe(201);
  const supplier = res.json<{ id: string; code: string }>();
  const setStatus = async (to: string, meaning: string) => {
    const r = await w.api.post(w.admin, `/api/suppliers/${supplier.id}/status`, {
      status: to,
      reason: 'Supplier audit',
      signature: signatureOf(w.admin, meaning),
    });
    expect(r.statusCode, r.body).toBe(200);
  };
  if (status !== 'pending')
    await setStatus(status === 'conditional' ? 'conditional' : 'approved', 'approved');
  for (const itemId of itemIds) {
    const r = await w.api.post(w.admin, `/api/suppliers/${supplier.id}/items`, { itemId });
    expect(r.statusCode, r.body).toBe(201);
  }
  if (status === 'disqualified') await setStatus('disqualified', 'rejected');
  return supplier;
}

/** A site with a quarantine zone and a storage zone. */
export async function makeLocations(w: World): Promise<{ quarantine: string; storage: string }> {
  const make = async (level: string, kind: string, parentId: string | null) => {
    const res = await w.api.post(w.admin, '/api/locations', {
      code: unique('L-'),
      nameZh: '库位',
      nameEn: 'Location',
      level,
      kind,
      parentId,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const site = await make('site', 'storage', null);
  const warehouse = await make('warehouse', 'storage', site);
  return {
    quarantine: await make('zone', 'quarantine', warehouse),
    storage: await make('zone', 'storage', warehouse),
  };
}

export interface PlacedOrder {
  id: string;
  code: string;
  lines: { id: string; quantity: string; item: { id: string } }[];
}

export async function placeOrder(
  w: World,
  supplierId: string,
  lines: { itemId: string; quantity: string; dueDate?: string }[],
): Promise<PlacedOrder> {
  const created = await w.api.post(w.buyer, '/api/purchase-orders', {
    supplierId,
    lines: lines.map((l) => ({ dueDate: today(7), ...l })),
  });
  expect(created.statusCode, created.body).toBe(201);
  const po = created.json<PlacedOrder>();
  const placed = await w.api.post(w.buyer, `/api/purchase-orders/${po.id}/place`, {});
  expect(placed.statusCode, placed.body).toBe(200);
  return placed.json<PlacedOrder>();
}

export const PDF_BYTES = Buffer.from('%PDF-1.4\n% certificate of analysis\n%%EOF\n');
export function pdfUpload(bytes: Buffer = PDF_BYTES, sha256?: string) {
  return {
    filename: '检验报告 COA.pdf',
    mediaType: 'application/pdf',
    contentBase64: bytes.toString('base64'),
    ...(sha256 ? { sha256 } : {}),
  };
}

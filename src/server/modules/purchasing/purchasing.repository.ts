// Every query of the purchasing tables: purchase orders and lines, receipts with
// their trace units and certificate files, supplier returns.
import { sql } from 'kysely';
import type { PurchaseOrderStatus } from '../../../shared/purchasing.contract.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import type {
  PurchaseOrderLineRow,
  PurchaseOrderRow,
  ReceiptFileInfoRow,
  ReceiptRow,
  ReceiptTraceUnitRow,
  SupplierReturnRow,
} from './purchasing.tables.ts';
import './purchasing.tables.ts';

export async function findPurchaseOrder(
  db: Executor,
  id: string,
): Promise<PurchaseOrderRow | undefined> {
  return db.selectFrom('purchase_orders').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockPurchaseOrder(
  trx: Trx,
  id: string,
): Promise<PurchaseOrderRow | undefined> {
  return trx
    .selectFrom('purchase_orders')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function linesOf(
  db: Executor,
  purchaseOrderIds: readonly string[],
): Promise<PurchaseOrderLineRow[]> {
  if (purchaseOrderIds.length === 0) return [];
  return db
    .selectFrom('purchase_order_lines')
    .selectAll()
    .where('purchase_order_id', 'in', purchaseOrderIds)
    .orderBy('purchase_order_id')
    .orderBy('line_no')
    .execute();
}

export async function findLine(
  db: Executor,
  id: string,
): Promise<PurchaseOrderLineRow | undefined> {
  return db.selectFrom('purchase_order_lines').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockLine(trx: Trx, id: string): Promise<PurchaseOrderLineRow | undefined> {
  return trx
    .selectFrom('purchase_order_lines')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export interface PurchaseOrderFilter {
  q?: string;
  status?: PurchaseOrderStatus;
  statuses?: PurchaseOrderStatus[];
  supplierId?: string;
  /** Matches a supplier found by the free-text search as well as the code. */
  supplierIdsMatchingQ?: string[];
  itemId?: string;
  dueFrom?: string;
  dueTo?: string;
  limit: number;
  offset: number;
}

export async function listPurchaseOrders(
  db: Executor,
  f: PurchaseOrderFilter,
): Promise<{ rows: PurchaseOrderRow[]; total: number }> {
  let query = db.selectFrom('purchase_orders');
  if (f.q) {
    const like = containsPattern(f.q);
    const supplierIds = f.supplierIdsMatchingQ ?? [];
    query = query.where((eb) =>
      eb.or([
        eb('code', 'ilike', like),
        eb('supplier_reference', 'ilike', like),
        ...(supplierIds.length > 0 ? [eb('supplier_id', 'in', supplierIds)] : []),
      ]),
    );
  }
  if (f.status) query = query.where('status', '=', f.status);
  if (f.statuses) query = query.where('status', 'in', f.statuses);
  if (f.supplierId) query = query.where('supplier_id', '=', f.supplierId);
  const { itemId, dueFrom, dueTo } = f;
  if (itemId || dueFrom || dueTo) {
    query = query.where((eb) => {
      let lines = eb
        .selectFrom('purchase_order_lines')
        .select('purchase_order_lines.id')
        .whereRef('purchase_order_lines.purchase_order_id', '=', 'purchase_orders.id');
      if (itemId) lines = lines.where('purchase_order_lines.item_id', '=', itemId);
      if (dueFrom) lines = lines.where('purchase_order_lines.due_date', '>=', dueFrom);
      if (dueTo) lines = lines.where('purchase_order_lines.due_date', '<=', dueTo);
      return eb.exists(lines);
    });
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('code', 'desc').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function receiptsOf(
  db: Executor,
  where: { purchaseOrderId?: string; ids?: readonly string[] },
): Promise<ReceiptRow[]> {
  let query = db.selectFrom('receipts').selectAll();
  if (where.purchaseOrderId) query = query.where('purchase_order_id', '=', where.purchaseOrderId);
  if (where.ids) {
    if (where.ids.length === 0) return [];
    query = query.where('id', 'in', where.ids);
  }
  return query.orderBy('code').execute();
}

export interface ReceiptFilter {
  q?: string;
  purchaseOrderId?: string;
  supplierId?: string;
  itemId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export async function listReceipts(
  db: Executor,
  f: ReceiptFilter,
): Promise<{ rows: ReceiptRow[]; total: number }> {
  let query = db.selectFrom('receipts');
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('code', 'ilike', like),
        eb('supplier_lot', 'ilike', like),
        eb(
          'purchase_order_id',
          'in',
          eb.selectFrom('purchase_orders').select('id').where('code', 'ilike', like),
        ),
        eb(
          'id',
          'in',
          eb
            .selectFrom('receipt_trace_units')
            .select('receipt_id')
            .where('trace_unit_code', 'ilike', like),
        ),
      ]),
    );
  }
  if (f.purchaseOrderId) query = query.where('purchase_order_id', '=', f.purchaseOrderId);
  if (f.supplierId) query = query.where('supplier_id', '=', f.supplierId);
  if (f.itemId) query = query.where('item_id', '=', f.itemId);
  if (f.from) query = query.where('received_on', '>=', f.from);
  if (f.to) query = query.where('received_on', '<=', f.to);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('code', 'desc').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findReceipt(db: Executor, id: string): Promise<ReceiptRow | undefined> {
  return db.selectFrom('receipts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function traceUnitsOfReceipts(
  db: Executor,
  receiptIds: readonly string[],
): Promise<ReceiptTraceUnitRow[]> {
  if (receiptIds.length === 0) return [];
  return db
    .selectFrom('receipt_trace_units')
    .selectAll()
    .where('receipt_id', 'in', receiptIds)
    .orderBy('trace_unit_code')
    .execute();
}

/** The receipt a lot or serial came in on, if it came in on a PO. */
export async function receiptOfTraceUnit(
  db: Executor,
  traceUnitId: string,
): Promise<ReceiptTraceUnitRow | undefined> {
  return db
    .selectFrom('receipt_trace_units')
    .selectAll()
    .where('trace_unit_id', '=', traceUnitId)
    .executeTakeFirst();
}

export async function fileInfos(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, ReceiptFileInfoRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('receipt_files')
    .select(['id', 'filename', 'media_type', 'size_bytes', 'sha256', 'uploaded_at', 'uploaded_by'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function fileWithContent(db: Executor, id: string) {
  return db.selectFrom('receipt_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function returnsOf(
  db: Executor,
  f: { purchaseOrderId?: string; supplierId?: string; traceUnitId?: string; q?: string },
  page?: { limit: number; offset: number },
): Promise<{ rows: SupplierReturnRow[]; total: number }> {
  let query = db.selectFrom('supplier_returns');
  if (f.purchaseOrderId) query = query.where('purchase_order_id', '=', f.purchaseOrderId);
  if (f.supplierId) query = query.where('supplier_id', '=', f.supplierId);
  if (f.traceUnitId) query = query.where('trace_unit_id', '=', f.traceUnitId);
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([eb('code', 'ilike', like), eb('trace_unit_code', 'ilike', like)]),
    );
  }
  let rowsQuery = query.selectAll().orderBy('code', 'desc');
  if (page) rowsQuery = rowsQuery.limit(page.limit).offset(page.offset);
  const [rows, count] = await Promise.all([
    rowsQuery.execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findReturn(db: Executor, id: string): Promise<SupplierReturnRow | undefined> {
  return db.selectFrom('supplier_returns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Per supplier: receipts received in the window, and how many were on time. */
export async function receiptTimeliness(
  db: Executor,
  window: { from?: string; to?: string },
): Promise<{ supplier_id: string; receipts: number; on_time: number }[]> {
  let query = db
    .selectFrom('receipts')
    .select((eb) => [
      'supplier_id',
      eb.fn.countAll<string>().as('receipts'),
      sql<string>`count(*) filter (where on_time)`.as('on_time'),
    ])
    .groupBy('supplier_id');
  if (window.from) query = query.where('received_on', '>=', window.from);
  if (window.to) query = query.where('received_on', '<=', window.to);
  const rows = await query.execute();
  return rows.map((r) => ({
    supplier_id: r.supplier_id,
    receipts: Number(r.receipts),
    on_time: Number(r.on_time),
  }));
}

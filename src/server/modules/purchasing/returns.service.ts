// Returns to the supplier: stock of a lot or serial received on a PO leaves a
// location through the lots module's `return_to_supplier` movement, and the PO
// line counts it as returned (a return does not reopen the line).
import { v7 as uuidv7 } from 'uuid';
import type { PurchaseOrderDetail, SupplierReturn } from '../../../shared/purchasing.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { nextCode } from '../../platform/numbering.ts';
import { returnTraceUnitToSupplier } from '../lots/index.ts';
import { actorId, actorName, loadPurchaseOrder } from './orders.service.ts';
import { refCache, type RefCache } from './purchasing.refs.ts';
import * as repo from './purchasing.repository.ts';
import type { SupplierReturnRow } from './purchasing.tables.ts';
import { addDecimals, normalizeDecimal } from '../../../shared/decimal.ts';
import { toReceipts } from './receipts.queries.ts';
import { lockLineAndOrder } from './receipts.service.ts';

export async function toSupplierReturns(
  db: Executor,
  rows: readonly SupplierReturnRow[],
  refs: RefCache = refCache(db),
): Promise<SupplierReturn[]> {
  return Promise.all(
    rows.map(async (r) => {
      const po = await repo.findPurchaseOrder(db, r.purchase_order_id);
      const { active: _active, ...location } = await refs.location(r.location_id);
      return {
        id: r.id,
        code: r.code,
        purchaseOrder: { id: r.purchase_order_id, code: po?.code ?? '?' },
        purchaseOrderLineId: r.purchase_order_line_id,
        receiptId: r.receipt_id,
        supplier: await refs.supplier(r.supplier_id),
        traceUnit: { id: r.trace_unit_id, code: r.trace_unit_code },
        location,
        quantity: normalizeDecimal(r.quantity),
        unit: r.unit,
        reason: r.reason,
        returnedBy: { id: r.returned_by_id, name: r.returned_by_name },
        returnedAt: r.returned_at.toISOString(),
      };
    }),
  );
}

export async function listSupplierReturns(
  db: Executor,
  f: {
    purchaseOrderId?: string;
    supplierId?: string;
    traceUnitId?: string;
    q?: string;
    limit: number;
    offset: number;
  },
): Promise<{ items: SupplierReturn[]; total: number }> {
  const { limit, offset, ...filter } = f;
  const { rows, total } = await repo.returnsOf(db, filter, { limit, offset });
  return { items: await toSupplierReturns(db, rows), total };
}

export async function returnToSupplier(
  trx: Trx,
  actor: Actor,
  input: { traceUnitId: string; locationId: string; quantity: string; reason: string },
): Promise<SupplierReturn> {
  const received = await repo.receiptOfTraceUnit(trx, input.traceUnitId);
  if (!received)
    throw new DomainError('SUPPLIER_RETURN_NOT_RECEIVED', { traceUnitId: input.traceUnitId });
  const receipt = await repo.findReceipt(trx, received.receipt_id);
  if (!receipt) throw new DomainError('RECEIPT_NOT_FOUND', { id: received.receipt_id });
  const { po, line } = await lockLineAndOrder(trx, receipt.purchase_order_line_id);
  const id = uuidv7();
  const code = await nextCode(trx, 'supplier_return', 'RTS-', 4);
  const quantity = normalizeDecimal(input.quantity);
  await returnTraceUnitToSupplier(trx, actor, {
    traceUnitId: input.traceUnitId,
    locationId: input.locationId,
    quantity,
    reason: input.reason,
    source: { type: 'supplier_return', id },
  });
  const row = await trx
    .insertInto('supplier_returns')
    .values({
      id,
      code,
      purchase_order_id: po.id,
      purchase_order_line_id: line.id,
      receipt_id: receipt.id,
      supplier_id: po.supplier_id,
      trace_unit_id: input.traceUnitId,
      trace_unit_code: received.trace_unit_code,
      location_id: input.locationId,
      quantity,
      unit: receipt.unit,
      reason: input.reason,
      returned_by_id: actorId(actor),
      returned_by_name: actorName(actor),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const returned = addDecimals(line.returned_quantity, quantity);
  await trx
    .updateTable('purchase_order_lines')
    .set({ returned_quantity: returned })
    .where('id', '=', line.id)
    .execute();
  await trx
    .updateTable('purchase_orders')
    .set({ updated_at: new Date() })
    .where('id', '=', po.id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'purchase_order.returned',
    entityType: 'purchase_order',
    entityId: po.id,
    before: { lineNo: line.line_no, returnedQuantity: normalizeDecimal(line.returned_quantity) },
    after: {
      lineNo: line.line_no,
      returnedQuantity: returned,
      returnCode: code,
      traceUnitCode: received.trace_unit_code,
      quantity,
      receiptCode: receipt.code,
    },
    reason: input.reason,
  });
  const [result] = await toSupplierReturns(trx, [row]);
  if (!result) throw new Error('supplier return vanished inside its own transaction');
  return result;
}

/** The order with its lines, receipts and returns. */
export async function getPurchaseOrder(db: Executor, id: string): Promise<PurchaseOrderDetail> {
  const po = await loadPurchaseOrder(db, id);
  const refs = refCache(db);
  const [receiptRows, returns] = await Promise.all([
    repo.receiptsOf(db, { purchaseOrderId: id }),
    repo.returnsOf(db, { purchaseOrderId: id }),
  ]);
  return {
    ...po,
    receipts: await toReceipts(db, receiptRows, refs),
    returns: await toSupplierReturns(db, returns.rows, refs),
  };
}

// Purchase orders: a draft is edited freely, placing it opens it for receiving,
// receipts move it to partially received and received, and it ends closed
// (short or complete) or cancelled. Every line must be an item the supplier is
// approved for, and nothing is ordered from a disqualified supplier.
import { v7 as uuidv7 } from 'uuid';
import type {
  CreatePurchaseOrderInput,
  PurchaseOrder,
  PurchaseOrderLine,
  PurchaseOrderLineInput,
  PurchaseOrderStatus,
  UpdatePurchaseOrderInput,
} from '../../../shared/purchasing.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { nextCode } from '../../platform/numbering.ts';
import { isSupplierApprovedForItem } from '../partners/index.ts';
import { refCache, requireItem, supplierIdsMatching, type RefCache } from './purchasing.refs.ts';
import * as repo from './purchasing.repository.ts';
import type { PurchaseOrderLineRow, PurchaseOrderRow } from './purchasing.tables.ts';
import {
  compareDecimal,
  maxDecimal,
  normalizeDecimal,
  subtractDecimal,
} from '../../../shared/decimal.ts';

export function actorName(actor: Actor): string {
  return actor.kind === 'user' ? actor.fullName : actor.name;
}
export function actorId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

export async function toPurchaseOrderLine(
  row: PurchaseOrderLineRow,
  refs: RefCache,
): Promise<PurchaseOrderLine> {
  const { status: _status, ...item } = await refs.item(row.item_id);
  return {
    id: row.id,
    lineNo: row.line_no,
    item,
    quantity: normalizeDecimal(row.quantity),
    unit: row.unit,
    dueDate: row.due_date,
    receivedQuantity: normalizeDecimal(row.received_quantity),
    returnedQuantity: normalizeDecimal(row.returned_quantity),
    openQuantity: maxDecimal(subtractDecimal(row.quantity, row.received_quantity), '0'),
    note: row.note,
  };
}

export async function toPurchaseOrder(
  row: PurchaseOrderRow,
  lines: PurchaseOrderLineRow[],
  refs: RefCache,
): Promise<PurchaseOrder> {
  return {
    id: row.id,
    code: row.code,
    supplier: await refs.supplier(row.supplier_id),
    status: row.status,
    supplierReference: row.supplier_reference,
    note: row.note,
    statusReason: row.status_reason,
    lines: await Promise.all(lines.map((l) => toPurchaseOrderLine(l, refs))),
    placedAt: row.placed_at?.toISOString() ?? null,
    closedAt: row.closed_at?.toISOString() ?? null,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What the audit trail keeps of an order. */
function auditView(po: PurchaseOrder) {
  return {
    code: po.code,
    supplierCode: po.supplier.code,
    status: po.status,
    supplierReference: po.supplierReference,
    note: po.note,
    lines: po.lines.map((l) => ({
      lineNo: l.lineNo,
      itemCode: l.item.code,
      quantity: l.quantity,
      unit: l.unit,
      dueDate: l.dueDate,
      receivedQuantity: l.receivedQuantity,
      returnedQuantity: l.returnedQuantity,
    })),
  };
}

export async function loadPurchaseOrder(db: Executor, id: string): Promise<PurchaseOrder> {
  const row = await repo.findPurchaseOrder(db, id);
  if (!row) throw new DomainError('PURCHASE_ORDER_NOT_FOUND', { id });
  return toPurchaseOrder(row, await repo.linesOf(db, [id]), refCache(db));
}

export interface PurchaseOrderListFilter extends Omit<
  repo.PurchaseOrderFilter,
  'statuses' | 'supplierIdsMatchingQ'
> {
  receivable?: boolean;
}

export async function listPurchaseOrders(
  db: Executor,
  filter: PurchaseOrderListFilter,
): Promise<{ items: PurchaseOrder[]; total: number }> {
  const { receivable, ...rest } = filter;
  const { rows, total } = await repo.listPurchaseOrders(db, {
    ...rest,
    statuses: receivable === true ? ['open', 'partially_received'] : undefined,
    supplierIdsMatchingQ: filter.q ? await supplierIdsMatching(db, filter.q) : undefined,
  });
  const lines = await repo.linesOf(
    db,
    rows.map((r) => r.id),
  );
  const refs = refCache(db);
  return {
    items: await Promise.all(
      rows.map((r) =>
        toPurchaseOrder(
          r,
          lines.filter((l) => l.purchase_order_id === r.id),
          refs,
        ),
      ),
    ),
    total,
  };
}

/**
 * The supplier may supply the item: refused for a disqualified supplier
 * (SUPPLIER_DISQUALIFIED) and for an item not on its approved list, or a
 * supplier not (conditionally) approved (SUPPLIER_NOT_APPROVED_FOR_ITEM).
 */
export async function assertSupplierMaySupply(
  db: Executor,
  supplierId: string,
  itemId: string,
  refs: RefCache = refCache(db),
): Promise<void> {
  const supplier = await refs.supplier(supplierId);
  if (supplier.approvalStatus === 'disqualified')
    throw new DomainError('SUPPLIER_DISQUALIFIED', { supplierId, code: supplier.code });
  if (!(await isSupplierApprovedForItem(db, supplierId, itemId))) {
    const item = await refs.item(itemId);
    throw new DomainError('SUPPLIER_NOT_APPROVED_FOR_ITEM', {
      supplierId,
      supplierCode: supplier.code,
      supplierStatus: supplier.approvalStatus,
      itemId,
      itemCode: item.code,
    });
  }
}

async function checkLines(
  trx: Trx,
  supplierId: string,
  lines: readonly PurchaseOrderLineInput[],
  refs: RefCache,
): Promise<void> {
  for (const [index, line] of lines.entries()) {
    const item = await requireItem(trx, line.itemId, `lines.${index}.itemId`);
    if (item.status !== 'active' || item.tracking === 'none') {
      throw new DomainError('PURCHASE_ORDER_ITEM_NOT_PURCHASABLE', {
        itemId: item.id,
        itemCode: item.code,
        status: item.status,
        tracking: item.tracking,
      });
    }
    // No unit conversions yet: a line is ordered in the item's own unit.
    if (line.unit !== undefined && line.unit !== item.uom) {
      throw new DomainError(
        'VALIDATION_FAILED',
        { field: `lines.${index}.unit`, unit: line.unit, itemUnit: item.uom },
        `Item ${item.code} is counted in ${item.uom}`,
      );
    }
    await assertSupplierMaySupply(trx, supplierId, line.itemId, refs);
  }
}

async function insertLines(
  trx: Trx,
  purchaseOrderId: string,
  lines: readonly PurchaseOrderLineInput[],
  refs: RefCache,
): Promise<void> {
  for (const [index, line] of lines.entries()) {
    const item = await refs.item(line.itemId);
    await trx
      .insertInto('purchase_order_lines')
      .values({
        id: uuidv7(),
        purchase_order_id: purchaseOrderId,
        line_no: index + 1,
        item_id: line.itemId,
        quantity: line.quantity,
        unit: line.unit ?? item.uom,
        due_date: line.dueDate,
        note: line.note ?? null,
      })
      .execute();
  }
}

export async function createPurchaseOrder(
  trx: Trx,
  actor: Actor,
  input: CreatePurchaseOrderInput,
): Promise<PurchaseOrder> {
  const refs = refCache(trx);
  await refs.supplier(input.supplierId);
  await checkLines(trx, input.supplierId, input.lines, refs);
  const id = uuidv7();
  await trx
    .insertInto('purchase_orders')
    .values({
      id,
      code: await nextCode(trx, 'purchase_order', 'PO-', 4),
      supplier_id: input.supplierId,
      supplier_reference: input.supplierReference ?? null,
      note: input.note ?? null,
      status_reason: null,
      placed_at: null,
      closed_at: null,
      created_by_id: actorId(actor),
      created_by_name: actorName(actor),
    })
    .execute();
  await insertLines(trx, id, input.lines, refs);
  const po = await loadPurchaseOrder(trx, id);
  await recordAudit(trx, actor, {
    action: 'purchase_order.created',
    entityType: 'purchase_order',
    entityId: id,
    after: auditView(po),
    reason: input.reason ?? null,
  });
  return po;
}

async function lockOrder(trx: Trx, id: string): Promise<PurchaseOrderRow> {
  const row = await repo.lockPurchaseOrder(trx, id);
  if (!row) throw new DomainError('PURCHASE_ORDER_NOT_FOUND', { id });
  return row;
}

export async function updatePurchaseOrder(
  trx: Trx,
  actor: Actor,
  id: string,
  input: UpdatePurchaseOrderInput,
): Promise<PurchaseOrder> {
  const row = await lockOrder(trx, id);
  if (row.status !== 'draft')
    throw new DomainError('PURCHASE_ORDER_NOT_DRAFT', { id, code: row.code, status: row.status });
  const before = await loadPurchaseOrder(trx, id);
  const refs = refCache(trx);
  if (input.lines) {
    await checkLines(trx, row.supplier_id, input.lines, refs);
    await trx.deleteFrom('purchase_order_lines').where('purchase_order_id', '=', id).execute();
    await insertLines(trx, id, input.lines, refs);
  }
  await trx
    .updateTable('purchase_orders')
    .set({
      ...(input.supplierReference !== undefined
        ? { supplier_reference: input.supplierReference }
        : {}),
      ...(input.note !== undefined ? { note: input.note } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  const after = await loadPurchaseOrder(trx, id);
  await recordAudit(trx, actor, {
    action: 'purchase_order.updated',
    entityType: 'purchase_order',
    entityId: id,
    before: auditView(before),
    after: auditView(after),
    reason: input.reason,
  });
  return after;
}

const ALLOWED: Record<'place' | 'cancel' | 'close', readonly PurchaseOrderStatus[]> = {
  place: ['draft'],
  // Nothing received yet: once goods came in, the order is closed (short) instead.
  cancel: ['draft', 'open'],
  close: ['open', 'partially_received', 'received'],
};
const TARGET = { place: 'open', cancel: 'cancelled', close: 'closed' } as const;
const ACTION = {
  place: 'purchase_order.placed',
  cancel: 'purchase_order.cancelled',
  close: 'purchase_order.closed',
} as const;

/** Places a draft (re-checking supplier approval), cancels or closes an order. */
export async function changePurchaseOrderStatus(
  trx: Trx,
  actor: Actor,
  id: string,
  step: 'place' | 'cancel' | 'close',
  reason: string | undefined,
): Promise<PurchaseOrder> {
  const row = await lockOrder(trx, id);
  if (!ALLOWED[step].includes(row.status)) {
    throw new DomainError('PURCHASE_ORDER_STATUS_TRANSITION', {
      id,
      code: row.code,
      from: row.status,
      to: TARGET[step],
    });
  }
  const lines = await repo.linesOf(trx, [id]);
  if (step === 'cancel' && lines.some((l) => compareDecimal(l.received_quantity, '0') > 0)) {
    throw new DomainError('PURCHASE_ORDER_STATUS_TRANSITION', {
      id,
      code: row.code,
      from: row.status,
      to: 'cancelled',
      why: 'goods_received',
    });
  }
  if (step === 'place') {
    const refs = refCache(trx);
    for (const line of lines)
      await assertSupplierMaySupply(trx, row.supplier_id, line.item_id, refs);
  }
  const now = new Date();
  await trx
    .updateTable('purchase_orders')
    .set({
      status: TARGET[step],
      updated_at: now,
      ...(step === 'place'
        ? { placed_at: now }
        : { status_reason: reason ?? null, closed_at: now }),
    })
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, {
    action: ACTION[step],
    entityType: 'purchase_order',
    entityId: id,
    before: { code: row.code, status: row.status },
    after: { code: row.code, status: TARGET[step] },
    reason: reason ?? null,
  });
  return loadPurchaseOrder(trx, id);
}

/** The status an open order has once its lines hold these received quantities. */
export function receivingStatus(lines: readonly PurchaseOrderLineRow[]): PurchaseOrderStatus {
  const complete = lines.every((l) => compareDecimal(l.received_quantity, l.quantity) >= 0);
  if (complete) return 'received';
  return lines.some((l) => compareDecimal(l.received_quantity, '0') > 0)
    ? 'partially_received'
    : 'open';
}

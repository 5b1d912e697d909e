// Receiving against a PO line: the supplier's label (scanned) or its lot and
// dates (typed) become Lotline's own lot — or one serial per unit — bound to the
// supplier lot, quarantined at a quarantine location, with the certificate of
// analysis and the incoming inspection, all in the caller's one transaction.
import { v7 as uuidv7 } from 'uuid';
import type { CreateReceiptInput, Receipt } from '../../../shared/purchasing.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { nextCode } from '../../platform/numbering.ts';
import { openIncomingInspection } from '../inspection/index.ts';
import { receiveTraceUnit } from '../lots/index.ts';
import { listLocations } from '../plant/index.ts';
import {
  actorId,
  actorName,
  assertSupplierMaySupply,
  receivingStatus,
  toPurchaseOrderLine,
} from './orders.service.ts';
import { refCache, type ItemRef, type LocationRef, type RefCache } from './purchasing.refs.ts';
import * as repo from './purchasing.repository.ts';
import type {
  PurchaseOrderLineRow,
  PurchaseOrderRow,
  ReceiptTraceUnitRow,
} from './purchasing.tables.ts';
import { addDecimals, compareDecimal, normalizeDecimal } from '../../../shared/decimal.ts';
import { checkReceiptFile, storeReceiptFile } from './receipt-files.ts';
import { toReceipts } from './receipts.queries.ts';
import {
  matchGtin,
  maxReceivable,
  overReceiptTolerancePercent,
  readSupplierLabel,
  today,
  type ScannedLabel,
} from './receiving-rules.ts';

/** The line and its order, locked in that order (order first) for the rest of the transaction. */
export async function lockLineAndOrder(
  trx: Trx,
  lineId: string,
): Promise<{ po: PurchaseOrderRow; line: PurchaseOrderLineRow }> {
  const found = await repo.findLine(trx, lineId);
  if (!found) throw new DomainError('PURCHASE_ORDER_LINE_NOT_FOUND', { id: lineId });
  const po = await repo.lockPurchaseOrder(trx, found.purchase_order_id);
  const line = await repo.lockLine(trx, lineId);
  if (!po || !line) throw new DomainError('PURCHASE_ORDER_LINE_NOT_FOUND', { id: lineId });
  return { po, line };
}

/** The quarantine location asked for, or the first active one. */
async function quarantineLocation(
  db: Executor,
  refs: RefCache,
  locationId: string | undefined,
): Promise<LocationRef> {
  if (locationId) {
    const location = await refs.location(locationId);
    if (location.kind !== 'quarantine' || !location.active) {
      throw new DomainError('RECEIPT_LOCATION_NOT_QUARANTINE', {
        locationId,
        code: location.code,
        kind: location.kind,
        active: location.active,
      });
    }
    return location;
  }
  const { items } = await listLocations(db, {
    kind: 'quarantine',
    active: true,
    limit: 1,
    offset: 0,
  });
  const first = items[0];
  if (!first) throw new DomainError('RECEIPT_NO_QUARANTINE_LOCATION');
  return refs.location(first.id);
}

interface ResolvedReceipt {
  label: ScannedLabel | null;
  quantity: string;
  supplierLot: string | null;
  expiresOn: string | null;
  manufacturedOn: string | null;
  serials: string[];
}

/** Merges the scan and the typed fields (typed values fill what the label lacks) and checks them. */
export function resolveReceipt(
  item: ItemRef,
  input: Pick<
    CreateReceiptInput,
    'scan' | 'quantity' | 'supplierLot' | 'expiresOn' | 'manufacturedOn' | 'serials'
  >,
  on: string,
): ResolvedReceipt {
  const label = input.scan ? readSupplierLabel(input.scan) : null;
  const gtinMatch = matchGtin(item.gtins, label?.gtin ?? null);
  if (gtinMatch === 'mismatch') {
    throw new DomainError('RECEIPT_GTIN_MISMATCH', {
      scanned: label?.gtin,
      expected: item.gtins,
      itemCode: item.code,
    });
  }
  const supplierLot = label?.supplierLot ?? input.supplierLot ?? null;
  const expiresOn = label?.expiresOn ?? input.expiresOn ?? null;
  const manufacturedOn = label?.manufacturedOn ?? input.manufacturedOn ?? null;
  let serials: string[] = [];
  let quantity = input.quantity ?? label?.quantity ?? null;
  if (item.tracking === 'serial') {
    serials = input.serials ?? (label?.serial ? [label.serial] : []);
    const distinct = new Set(serials).size === serials.length;
    if (
      serials.length === 0 ||
      !distinct ||
      (quantity !== null && compareDecimal(quantity, String(serials.length)) !== 0)
    ) {
      throw new DomainError('RECEIPT_SERIALS_INVALID', {
        serials: serials.length,
        distinct,
        quantity,
      });
    }
    quantity = String(serials.length);
  } else if (!supplierLot) {
    throw new DomainError('RECEIPT_SUPPLIER_LOT_REQUIRED', { itemCode: item.code });
  }
  if (quantity === null) throw new DomainError('RECEIPT_QUANTITY_REQUIRED');
  if (manufacturedOn && (manufacturedOn > on || (expiresOn !== null && manufacturedOn > expiresOn)))
    throw new DomainError('RECEIPT_DATES_INVALID', { manufacturedOn, expiresOn, today: on });
  // The expiry date is the last day of use.
  if (expiresOn && expiresOn < on)
    throw new DomainError('LOT_EXPIRED', { expiresOn, supplierLot, today: on });
  return {
    label,
    quantity: normalizeDecimal(quantity),
    supplierLot,
    expiresOn,
    manufacturedOn,
    serials,
  };
}

/** Receives goods on a PO line; see the module README for every check. */
export async function receiveGoods(
  trx: Trx,
  actor: Actor,
  input: CreateReceiptInput,
): Promise<Receipt> {
  const on = today();
  const receivedOn = input.receivedOn ?? on;
  if (receivedOn > on)
    throw new DomainError(
      'VALIDATION_FAILED',
      { field: 'receivedOn' },
      'receivedOn is in the future',
    );
  const { po, line } = await lockLineAndOrder(trx, input.purchaseOrderLineId);
  if (po.status !== 'open' && po.status !== 'partially_received')
    throw new DomainError('PURCHASE_ORDER_NOT_RECEIVABLE', {
      id: po.id,
      code: po.code,
      status: po.status,
    });
  const refs = refCache(trx);
  await assertSupplierMaySupply(trx, po.supplier_id, line.item_id, refs);
  const item = await refs.item(line.item_id);
  const resolved = resolveReceipt(item, input, on);
  const tolerance = await overReceiptTolerancePercent(trx);
  const receivable = maxReceivable(line, tolerance);
  if (compareDecimal(resolved.quantity, receivable) > 0) {
    throw new DomainError('RECEIPT_OVER_TOLERANCE', {
      quantity: resolved.quantity,
      ordered: normalizeDecimal(line.quantity),
      received: normalizeDecimal(line.received_quantity),
      tolerancePercent: tolerance,
      maxReceivable: receivable,
    });
  }
  const location = await quarantineLocation(trx, refs, input.locationId);
  if (input.certificate) checkReceiptFile(input.certificate);
  const file = input.certificate ? await storeReceiptFile(trx, actor, input.certificate) : null;

  const id = uuidv7();
  const code = await nextCode(trx, 'receipt', 'RCV-', 4);
  const row = await trx
    .insertInto('receipts')
    .values({
      id,
      code,
      purchase_order_id: po.id,
      purchase_order_line_id: line.id,
      supplier_id: po.supplier_id,
      item_id: line.item_id,
      quantity: resolved.quantity,
      unit: line.unit,
      entry_mode: input.scan ? 'scan' : 'typed',
      scan_data: input.scan ?? null,
      gtin: resolved.label?.gtin ?? null,
      supplier_lot: resolved.supplierLot,
      expires_on: resolved.expiresOn,
      manufactured_on: resolved.manufacturedOn,
      serials: JSON.stringify(resolved.serials),
      location_id: location.id,
      certificate_file_id: file?.id ?? null,
      received_on: receivedOn,
      due_date: line.due_date,
      on_time: receivedOn <= line.due_date,
      note: input.note ?? null,
      received_by_id: actorId(actor),
      received_by_name: actorName(actor),
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  const units: { kind: 'lot' | 'serial'; code?: string; quantity: string }[] =
    item.tracking === 'serial'
      ? resolved.serials.map((serial) => ({ kind: 'serial', code: serial, quantity: '1' }))
      : [{ kind: 'lot', quantity: resolved.quantity }];
  const received: { unit: (typeof units)[number]; traceUnit: { id: string; code: string } }[] = [];
  for (const unit of units) {
    const traceUnit = await receiveTraceUnit(trx, actor, {
      itemId: line.item_id,
      kind: unit.kind,
      ...(unit.code ? { code: unit.code } : {}),
      quantity: unit.quantity,
      unit: line.unit,
      manufacturedOn: resolved.manufacturedOn,
      expiresOn: resolved.expiresOn,
      supplierId: po.supplier_id,
      supplierLot: resolved.supplierLot,
      locationId: location.id,
      source: { type: 'receipt', id },
      reason: input.reason ?? `${code} on ${po.code} line ${line.line_no}`,
    });
    received.push({ unit, traceUnit });
  }
  // The lot submitted for inspection is what was received: the one lot, or all
  // the serials of this receipt together (ISO 2859-1 samples from the lot).
  const [first] = received;
  if (!first) throw new Error('a receipt creates at least one trace unit');
  const inspection = await openIncomingInspection(trx, actor, {
    traceUnitId: first.traceUnit.id,
    traceUnitIds: received.map((r) => r.traceUnit.id),
    itemId: line.item_id,
    supplierId: po.supplier_id,
    lotSize: resolved.quantity,
    receiptId: id,
  });
  const unitRows: ReceiptTraceUnitRow[] = received.map(({ unit, traceUnit }) => ({
    receipt_id: id,
    trace_unit_id: traceUnit.id,
    trace_unit_code: traceUnit.code,
    kind: unit.kind,
    quantity: unit.quantity,
    inspection_id: inspection?.id ?? null,
    inspection_code: inspection?.code ?? null,
    sample_size: inspection?.sampleSize ?? null,
  }));
  await trx.insertInto('receipt_trace_units').values(unitRows).execute();

  const receivedQuantity = addDecimals(line.received_quantity, resolved.quantity);
  await trx
    .updateTable('purchase_order_lines')
    .set({ received_quantity: receivedQuantity })
    .where('id', '=', line.id)
    .execute();
  const lines = await repo.linesOf(trx, [po.id]);
  const status = receivingStatus(lines);
  await trx
    .updateTable('purchase_orders')
    .set({ status, updated_at: new Date() })
    .where('id', '=', po.id)
    .execute();

  const [receipt] = await toReceipts(trx, [row], refs);
  if (!receipt) throw new Error('receipt vanished inside its own transaction');
  await recordAudit(trx, actor, {
    action: 'receipt.created',
    entityType: 'receipt',
    entityId: id,
    after: {
      code,
      purchaseOrderCode: po.code,
      lineNo: line.line_no,
      supplierCode: receipt.supplier.code,
      itemCode: item.code,
      quantity: receipt.quantity,
      unit: receipt.unit,
      entryMode: receipt.entryMode,
      scanData: receipt.scanData,
      gtin: receipt.gtin,
      supplierLot: receipt.supplierLot,
      expiresOn: receipt.expiresOn,
      manufacturedOn: receipt.manufacturedOn,
      serials: receipt.serials,
      locationCode: location.code,
      traceUnits: receipt.traceUnits.map((u) => u.code),
      inspections: receipt.inspections.map((i) => i.code),
      certificate: receipt.certificate
        ? { filename: receipt.certificate.filename, sha256: receipt.certificate.sha256 }
        : null,
      receivedOn,
      onTime: receipt.onTime,
    },
    reason: input.reason ?? null,
  });
  const after = lines.find((l) => l.id === line.id);
  await recordAudit(trx, actor, {
    action: 'purchase_order.received',
    entityType: 'purchase_order',
    entityId: po.id,
    before: {
      status: po.status,
      lineNo: line.line_no,
      receivedQuantity: normalizeDecimal(line.received_quantity),
    },
    after: {
      status,
      lineNo: line.line_no,
      receivedQuantity: after
        ? (await toPurchaseOrderLine(after, refs)).receivedQuantity
        : receivedQuantity,
      receiptCode: code,
    },
    reason: input.reason ?? null,
  });
  return receipt;
}

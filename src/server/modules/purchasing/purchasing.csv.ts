// Purchase orders (one row per line), receipts, returns and the scorecard as CSV.
import type {
  PurchaseOrder,
  Receipt,
  SupplierReturn,
  SupplierScorecardRow,
} from '../../../shared/purchasing.contract.ts';
import type { CsvColumn } from '../../platform/csv/index.ts';

export interface PurchaseOrderLineCsvRow {
  po: PurchaseOrder;
  line: PurchaseOrder['lines'][number];
}

export function purchaseOrderLineRows(orders: PurchaseOrder[]): PurchaseOrderLineCsvRow[] {
  return orders.flatMap((po) => po.lines.map((line) => ({ po, line })));
}

export const PURCHASE_ORDER_CSV_COLUMNS: readonly CsvColumn<PurchaseOrderLineCsvRow>[] = [
  { header: 'code', value: (r) => r.po.code },
  { header: 'status', value: (r) => r.po.status },
  { header: 'supplier_code', value: (r) => r.po.supplier.code },
  { header: 'supplier_name_en', value: (r) => r.po.supplier.legalNameEn },
  { header: 'supplier_reference', value: (r) => r.po.supplierReference },
  { header: 'line_no', value: (r) => r.line.lineNo },
  { header: 'item_code', value: (r) => r.line.item.code },
  { header: 'item_name_en', value: (r) => r.line.item.nameEn },
  { header: 'quantity', value: (r) => r.line.quantity },
  { header: 'unit', value: (r) => r.line.unit },
  { header: 'due_date', value: (r) => r.line.dueDate },
  { header: 'received_quantity', value: (r) => r.line.receivedQuantity },
  { header: 'returned_quantity', value: (r) => r.line.returnedQuantity },
  { header: 'open_quantity', value: (r) => r.line.openQuantity },
  { header: 'placed_at', value: (r) => r.po.placedAt },
  { header: 'status_reason', value: (r) => r.po.statusReason },
];

export const RECEIPT_CSV_COLUMNS: readonly CsvColumn<Receipt>[] = [
  { header: 'code', value: (r) => r.code },
  { header: 'purchase_order', value: (r) => r.purchaseOrder.code },
  { header: 'line_no', value: (r) => r.lineNo },
  { header: 'supplier_code', value: (r) => r.supplier.code },
  { header: 'item_code', value: (r) => r.item.code },
  { header: 'quantity', value: (r) => r.quantity },
  { header: 'unit', value: (r) => r.unit },
  { header: 'supplier_lot', value: (r) => r.supplierLot },
  { header: 'expires_on', value: (r) => r.expiresOn },
  { header: 'manufactured_on', value: (r) => r.manufacturedOn },
  { header: 'trace_units', value: (r) => r.traceUnits.map((u) => u.code).join(' ') },
  { header: 'inspections', value: (r) => r.inspections.map((i) => i.code).join(' ') },
  { header: 'location', value: (r) => r.location.code },
  { header: 'entry_mode', value: (r) => r.entryMode },
  { header: 'gtin', value: (r) => r.gtin },
  { header: 'certificate_sha256', value: (r) => r.certificate?.sha256 ?? null },
  { header: 'received_on', value: (r) => r.receivedOn },
  { header: 'due_date', value: (r) => r.dueDate },
  { header: 'on_time', value: (r) => r.onTime },
  { header: 'received_by', value: (r) => r.receivedBy.name },
];

export const SUPPLIER_RETURN_CSV_COLUMNS: readonly CsvColumn<SupplierReturn>[] = [
  { header: 'code', value: (r) => r.code },
  { header: 'purchase_order', value: (r) => r.purchaseOrder.code },
  { header: 'supplier_code', value: (r) => r.supplier.code },
  { header: 'trace_unit', value: (r) => r.traceUnit.code },
  { header: 'location', value: (r) => r.location.code },
  { header: 'quantity', value: (r) => r.quantity },
  { header: 'unit', value: (r) => r.unit },
  { header: 'reason', value: (r) => r.reason },
  { header: 'returned_at', value: (r) => r.returnedAt },
  { header: 'returned_by', value: (r) => r.returnedBy.name },
];

export const SCORECARD_CSV_COLUMNS: readonly CsvColumn<SupplierScorecardRow>[] = [
  { header: 'supplier_code', value: (r) => r.supplier.code },
  { header: 'supplier_name_en', value: (r) => r.supplier.legalNameEn },
  { header: 'receipts', value: (r) => r.receipts },
  { header: 'on_time_receipts', value: (r) => r.onTimeReceipts },
  { header: 'on_time_rate', value: (r) => r.onTimeRate },
  { header: 'lots_received', value: (r) => r.lotsReceived },
  { header: 'lots_released', value: (r) => r.lotsReleased },
  { header: 'lots_rejected', value: (r) => r.lotsRejected },
  { header: 'lots_pending', value: (r) => r.lotsPending },
  { header: 'acceptance_rate', value: (r) => r.acceptanceRate },
];

import type { ColumnType, Selectable } from 'kysely';
import type { PurchaseOrderStatus } from '../../../shared/purchasing.contract.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** A calendar date: 'YYYY-MM-DD' both ways (the drivers keep `date` as text). */
type CalendarDate = string;
/** numeric: a decimal string both ways, never a float. */
type Quantity = string;
type DefaultedQuantity = ColumnType<string, string | undefined, string>;

export interface PurchaseOrdersTable {
  id: string;
  code: string;
  supplier_id: string;
  status: ColumnType<PurchaseOrderStatus, PurchaseOrderStatus | undefined, PurchaseOrderStatus>;
  supplier_reference: string | null;
  note: string | null;
  status_reason: string | null;
  placed_at: Date | null;
  closed_at: Date | null;
  created_by_id: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PurchaseOrderLinesTable {
  id: string;
  purchase_order_id: string;
  line_no: number;
  item_id: string;
  quantity: Quantity;
  unit: string;
  due_date: CalendarDate;
  received_quantity: DefaultedQuantity;
  returned_quantity: DefaultedQuantity;
  note: string | null;
}

export interface ReceiptFilesTable {
  id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  /** pg hands back a Buffer, PGlite a Uint8Array. */
  content: ColumnType<Uint8Array, Uint8Array, never>;
  uploaded_at: CreatedAt;
  uploaded_by: string;
}

export interface ReceiptsTable {
  id: string;
  code: string;
  purchase_order_id: string;
  purchase_order_line_id: string;
  supplier_id: string;
  item_id: string;
  quantity: Quantity;
  unit: string;
  entry_mode: 'scan' | 'typed';
  scan_data: string | null;
  gtin: string | null;
  supplier_lot: string | null;
  expires_on: CalendarDate | null;
  manufactured_on: CalendarDate | null;
  serials: ColumnType<string[], string, never>;
  location_id: string;
  certificate_file_id: string | null;
  received_on: CalendarDate;
  due_date: CalendarDate;
  on_time: boolean;
  note: string | null;
  received_by_id: string | null;
  received_by_name: string;
  received_at: CreatedAt;
}

export interface ReceiptTraceUnitsTable {
  receipt_id: string;
  trace_unit_id: string;
  trace_unit_code: string;
  kind: 'lot' | 'serial';
  quantity: Quantity;
  inspection_id: string | null;
  inspection_code: string | null;
  sample_size: number | null;
}

export interface SupplierReturnsTable {
  id: string;
  code: string;
  purchase_order_id: string;
  purchase_order_line_id: string;
  receipt_id: string;
  supplier_id: string;
  trace_unit_id: string;
  trace_unit_code: string;
  location_id: string;
  quantity: Quantity;
  unit: string;
  reason: string;
  returned_by_id: string | null;
  returned_by_name: string;
  returned_at: CreatedAt;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    purchase_orders: PurchaseOrdersTable;
    purchase_order_lines: PurchaseOrderLinesTable;
    receipt_files: ReceiptFilesTable;
    receipts: ReceiptsTable;
    receipt_trace_units: ReceiptTraceUnitsTable;
    supplier_returns: SupplierReturnsTable;
  }
}

export type PurchaseOrderRow = Selectable<PurchaseOrdersTable>;
export type PurchaseOrderLineRow = Selectable<PurchaseOrderLinesTable>;
export type ReceiptRow = Selectable<ReceiptsTable>;
export type ReceiptTraceUnitRow = Selectable<ReceiptTraceUnitsTable>;
export type SupplierReturnRow = Selectable<SupplierReturnsTable>;
export type ReceiptFileInfoRow = Omit<Selectable<ReceiptFilesTable>, 'content'>;

// The lot list and the stock movements as CSV (same filters as the lists).
import type { LotListItem, StockBalance, StockMovement } from '../../../shared/lots.contract.ts';
import type { CsvColumn } from '../../platform/csv/index.ts';

export const LOT_CSV_COLUMNS: readonly CsvColumn<LotListItem>[] = [
  { header: 'code', value: (l) => l.code },
  { header: 'kind', value: (l) => l.kind },
  { header: 'item_code', value: (l) => l.itemCode },
  { header: 'item_name_en', value: (l) => l.itemNameEn },
  { header: 'quality_status', value: (l) => l.qualityStatus },
  { header: 'quantity_on_hand', value: (l) => l.quantityOnHand },
  { header: 'unit', value: (l) => l.unit },
  { header: 'manufactured_on', value: (l) => l.manufacturedOn },
  { header: 'expires_on', value: (l) => l.expiresOn },
  { header: 'supplier_code', value: (l) => l.supplierCode },
  { header: 'supplier_lot', value: (l) => l.supplierLot },
  { header: 'hold_reason', value: (l) => l.holdReason },
  { header: 'created_at', value: (l) => l.createdAt },
];

export const MOVEMENT_CSV_COLUMNS: readonly CsvColumn<StockMovement>[] = [
  { header: 'created_at', value: (m) => m.createdAt },
  { header: 'type', value: (m) => m.type },
  { header: 'lot_code', value: (m) => m.traceUnitCode },
  { header: 'item_code', value: (m) => m.itemCode },
  { header: 'from_location', value: (m) => m.fromLocationCode },
  { header: 'to_location', value: (m) => m.toLocationCode },
  { header: 'quantity', value: (m) => m.quantity },
  { header: 'unit', value: (m) => m.unit },
  { header: 'reason', value: (m) => m.reason },
  { header: 'reverses_movement_id', value: (m) => m.reversesMovementId },
  { header: 'reversed_by_movement_id', value: (m) => m.reversedByMovementId },
  { header: 'created_by', value: (m) => m.createdBy },
  { header: 'id', value: (m) => m.id },
];

export const BALANCE_CSV_COLUMNS: readonly CsvColumn<StockBalance>[] = [
  { header: 'location_path', value: (b) => b.locationPath },
  { header: 'location_kind', value: (b) => b.locationKind },
  { header: 'lot_code', value: (b) => b.traceUnitCode },
  { header: 'item_code', value: (b) => b.itemCode },
  { header: 'quality_status', value: (b) => b.qualityStatus },
  { header: 'expires_on', value: (b) => b.expiresOn },
  { header: 'quantity', value: (b) => b.quantity },
  { header: 'unit', value: (b) => b.unit },
];

import type { ColumnType } from 'kysely';
import type {
  ActivityType,
  MovementType,
  QualityStatus,
  TraceUnitKind,
} from '../../../shared/lots.contract.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** A calendar date: 'YYYY-MM-DD' both ways (the drivers keep `date` as text). */
type CalendarDate = string;
/** numeric: a decimal string, never a float. */
type Quantity = string;

export interface TraceUnitsTable {
  id: string;
  kind: TraceUnitKind;
  code: string;
  item_id: string;
  unit: string;
  quantity: Quantity;
  manufactured_on: CalendarDate | null;
  expires_on: CalendarDate | null;
  supplier_id: string | null;
  supplier_lot: string | null;
  source_type: string | null;
  source_id: string | null;
  quality_status: QualityStatus;
  hold_reason: string | null;
  created_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ActivitiesTable {
  id: string;
  type: ActivityType;
  occurred_at: CreatedAt;
  actor_id: string | null;
  actor_name: string;
  location_id: string | null;
  reason: string | null;
  source_type: string | null;
  source_id: string | null;
}

export type ActivityUnitRole = 'input' | 'output' | 'object';

export interface ActivityUnitsTable {
  activity_id: string;
  trace_unit_id: string;
  role: ActivityUnitRole;
  quantity: Quantity | null;
}

export interface GenealogyEdgesTable {
  parent_id: string;
  child_id: string;
  activity_id: string;
  quantity: Quantity | null;
  created_at: CreatedAt;
}

export interface TraceUnitStatusChangesTable {
  id: string;
  trace_unit_id: string;
  from_status: QualityStatus | null;
  to_status: QualityStatus;
  reason: string | null;
  activity_id: string;
  signature_id: string | null;
  changed_by: string;
  changed_at: CreatedAt;
}

export interface StockMovementsTable {
  id: string;
  type: MovementType;
  trace_unit_id: string;
  from_location_id: string | null;
  to_location_id: string | null;
  quantity: Quantity;
  reason: string;
  reverses_movement_id: string | null;
  source_type: string | null;
  source_id: string | null;
  activity_id: string;
  created_by: string;
  created_at: CreatedAt;
}

export interface StockBalancesTable {
  trace_unit_id: string;
  location_id: string;
  quantity: Quantity;
  updated_at: UpdatedAt;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    trace_units: TraceUnitsTable;
    activities: ActivitiesTable;
    activity_units: ActivityUnitsTable;
    genealogy_edges: GenealogyEdgesTable;
    trace_unit_status_changes: TraceUnitStatusChangesTable;
    stock_movements: StockMovementsTable;
    stock_balances: StockBalancesTable;
  }
}

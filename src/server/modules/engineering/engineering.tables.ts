import type { ColumnType } from 'kysely';
import type { EngineeringKind, EngineeringStatus } from '../../../shared/engineering.contract.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

/** A BOM or routing version of an item (the parent). */
export interface EngineeringVersionsTable {
  id: string;
  kind: EngineeringKind;
  item_id: string;
  version_no: number;
  status: EngineeringStatus;
  note: string | null;
  review_round: ColumnType<number, number | undefined, number>;
  copied_from_id: string | null;
  submitted_at: Date | null;
  approved_at: Date | null;
  /** date: 'YYYY-MM-DD' */
  effective_from: string | null;
  effective_at: Date | null;
  superseded_at: Date | null;
  superseded_by_id: string | null;
  obsoleted_at: Date | null;
  change_request_id: string | null;
  created_by_id: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface BomLinesTable {
  version_id: string;
  line_no: number;
  component_item_id: string;
  /** numeric: strings, never floats */
  quantity_per: string;
  uom: string;
  scrap_pct: string;
  record_tracking: boolean;
  reference_designator: string | null;
  note: string | null;
}

export interface EngineeringVersionDocumentsTable {
  version_id: string;
  document_version_id: string;
}

export interface RoutingOperationsTable {
  id: string;
  version_id: string;
  op_no: number;
  name_zh: string;
  name_en: string;
  work_centre: string;
  equipment_class: string | null;
  skill_code: string | null;
  note: string | null;
}

export interface RoutingOperationDocumentsTable {
  operation_id: string;
  document_version_id: string;
}

export interface RoutingParametersTable {
  operation_id: string;
  seq: number;
  name: string;
  target: string | null;
  min_value: string | null;
  max_value: string | null;
  unit: string | null;
}

export interface RoutingInspectionsTable {
  operation_id: string;
  seq: number;
  characteristic: string;
  kind: 'in_process' | 'final';
  method: string;
  result_type: 'measured' | 'pass_fail';
  min_value: string | null;
  max_value: string | null;
  unit: string | null;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    engineering_versions: EngineeringVersionsTable;
    bom_lines: BomLinesTable;
    engineering_version_documents: EngineeringVersionDocumentsTable;
    routing_operations: RoutingOperationsTable;
    routing_operation_documents: RoutingOperationDocumentsTable;
    routing_parameters: RoutingParametersTable;
    routing_inspections: RoutingInspectionsTable;
  }
}

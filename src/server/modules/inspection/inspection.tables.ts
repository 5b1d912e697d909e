import type { ColumnType } from 'kysely';
import type {
  Aql,
  CharacteristicKind,
  CodeLetter,
  DefectClass,
  InspectionDecisionKind,
  InspectionLevel,
  InspectionPlanStatus,
  InspectionSeverity,
  InspectionStatus,
} from '../../../shared/inspection.contract.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** numeric: a string, never a float */
type Numeric = ColumnType<string, string, string>;
type NullableNumeric = ColumnType<string | null, string | null, string | null>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface InspectionPlansTable {
  id: string;
  code: string;
  item_id: string;
  name: string;
  status: InspectionPlanStatus;
  is_default: boolean;
  notes: string | null;
  activated_at: Date | null;
  retired_at: Date | null;
  created_by_id: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

interface CharacteristicColumns {
  seq: number;
  name: string;
  kind: CharacteristicKind;
  method: string | null;
  nominal: NullableNumeric;
  lower_limit: NullableNumeric;
  upper_limit: NullableNumeric;
  unit: string | null;
  inspection_level: InspectionLevel;
  aql: Aql;
  defect_class: DefectClass;
}

export interface InspectionPlanCharacteristicsTable extends CharacteristicColumns {
  plan_id: string;
}

export interface InspectionsTable {
  id: string;
  code: string;
  status: InspectionStatus;
  trace_unit_id: string;
  item_id: string;
  supplier_id: string | null;
  receipt_id: string | null;
  plan_id: string;
  lot_size: Numeric;
  severity: InspectionSeverity;
  sampling_discontinued: boolean;
  code_letter: CodeLetter;
  sample_size: number;
  decision: InspectionDecisionKind | null;
  decision_reason: string | null;
  accepted_quantity: NullableNumeric;
  rejected_quantity: NullableNumeric;
  /** jsonb: string[] of trace unit ids */
  released_unit_ids: Json;
  rejected_unit_ids: Json;
  nonconformance_id: string | null;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  created_by_id: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface InspectionCharacteristicsTable extends CharacteristicColumns {
  inspection_id: string;
  code_letter: CodeLetter;
  plan_letter: CodeLetter;
  sample_size: number;
  acceptance_number: number;
  rejection_number: number;
}

export interface InspectionResultsTable {
  inspection_id: string;
  characteristic_seq: number;
  unit_no: number;
  value: NullableNumeric;
  passed: boolean | null;
  conforming: boolean;
  note: string | null;
  recorded_by_id: string | null;
  recorded_by_name: string;
  recorded_at: ColumnType<Date, Date | undefined, Date>;
  entry_id: string;
}

export interface InspectionUnitsTable {
  inspection_id: string;
  trace_unit_id: string;
}

export interface InspectionResultEntriesTable {
  id: string;
  inspection_id: string;
  characteristic_seq: number;
  unit_no: number;
  value: NullableNumeric;
  passed: boolean | null;
  conforming: boolean;
  note: string | null;
  replaces_entry_id: string | null;
  correction_reason: string | null;
  recorded_by_id: string | null;
  recorded_by_name: string;
  recorded_at: ColumnType<Date, Date | undefined, never>;
}

export interface InspectionSamplingResumptionsTable {
  id: string;
  item_id: string;
  supplier_id: string;
  reason: string;
  resumed_by_id: string | null;
  resumed_by_name: string;
  resumed_at: CreatedAt;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    inspection_plans: InspectionPlansTable;
    inspection_plan_characteristics: InspectionPlanCharacteristicsTable;
    inspections: InspectionsTable;
    inspection_characteristics: InspectionCharacteristicsTable;
    inspection_results: InspectionResultsTable;
    inspection_result_entries: InspectionResultEntriesTable;
    inspection_units: InspectionUnitsTable;
    inspection_sampling_resumptions: InspectionSamplingResumptionsTable;
  }
}

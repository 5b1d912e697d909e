import type { ColumnType } from 'kysely';
import type {
  EquipmentManualStatus,
  LocationKind,
  LocationLevel,
} from '../../../shared/plant.contract.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;
/** A calendar date: 'YYYY-MM-DD' both ways (the drivers keep `date` as text). */
type CalendarDate = string;

export interface LocationsTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  level: LocationLevel;
  kind: LocationKind;
  parent_id: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EquipmentTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  class: string;
  location_id: string | null;
  manufacturer: string | null;
  model: string | null;
  serial_number: string | null;
  calibration_interval_days: number | null;
  maintenance_interval_days: number | null;
  manual_status: ColumnType<
    EquipmentManualStatus,
    EquipmentManualStatus | undefined,
    EquipmentManualStatus
  >;
  manual_status_reason: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Calibration and maintenance records share one shape (two append-only tables). */
export interface EquipmentRecordsTable {
  id: string;
  equipment_id: string;
  performed_on: CalendarDate;
  result: 'pass' | 'fail';
  performed_by: string;
  certificate_no: string | null;
  notes: string | null;
  next_due_on: CalendarDate | null;
  recorded_at: CreatedAt;
  recorded_by: string;
}

export interface SkillsTable {
  id: string;
  code: string;
  name_zh: string;
  name_en: string;
  validity_months: number | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface TrainingRecordsTable {
  id: string;
  user_id: string;
  skill_id: string;
  trained_on: CalendarDate;
  trainer: string;
  expires_on: CalendarDate | null;
  document_ref: string | null;
  recorded_at: CreatedAt;
  recorded_by: string;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    locations: LocationsTable;
    equipment: EquipmentTable;
    equipment_calibrations: EquipmentRecordsTable;
    equipment_maintenance: EquipmentRecordsTable;
    skills: SkillsTable;
    training_records: TrainingRecordsTable;
  }
}

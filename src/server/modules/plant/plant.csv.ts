// Locations, equipment and qualifications as CSV: export of every list, import of
// new locations and equipment (through the services: validated and audited).
import { z } from 'zod';
import {
  LOCATION_KINDS,
  LOCATION_LEVELS,
  createEquipmentSchema,
  createLocationSchema,
  type Equipment,
  type EquipmentRecord,
  type Location,
  type Skill,
  type TrainingRecord,
  type UserQualification,
} from '../../../shared/plant.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { CsvColumn, CsvImporter } from '../../platform/csv/index.ts';
import { DomainError } from '../../platform/errors.ts';
import { createEquipment, type CreateEquipmentInput } from './equipment.service.ts';
import {
  createLocation,
  findLocationIdByCode,
  type CreateLocationInput,
} from './locations.service.ts';

export const LOCATION_CSV_COLUMNS: readonly CsvColumn<Location>[] = [
  { header: 'code', value: (l) => l.code },
  { header: 'name_zh', value: (l) => l.nameZh },
  { header: 'name_en', value: (l) => l.nameEn },
  { header: 'level', value: (l) => l.level },
  { header: 'kind', value: (l) => l.kind },
  { header: 'path', value: (l) => l.path },
  { header: 'active', value: (l) => l.active },
];

export const EQUIPMENT_CSV_COLUMNS: readonly CsvColumn<Equipment>[] = [
  { header: 'code', value: (e) => e.code },
  { header: 'name_zh', value: (e) => e.nameZh },
  { header: 'name_en', value: (e) => e.nameEn },
  { header: 'class', value: (e) => e.class },
  { header: 'location', value: (e) => e.locationPath },
  { header: 'manufacturer', value: (e) => e.manufacturer },
  { header: 'model', value: (e) => e.model },
  { header: 'serial_number', value: (e) => e.serialNumber },
  { header: 'calibration_interval_days', value: (e) => e.calibrationIntervalDays },
  { header: 'maintenance_interval_days', value: (e) => e.maintenanceIntervalDays },
  { header: 'calibration_due_on', value: (e) => e.calibrationDueOn },
  { header: 'maintenance_due_on', value: (e) => e.maintenanceDueOn },
  { header: 'status', value: (e) => e.status },
  { header: 'status_reasons', value: (e) => e.statusReasons.join(' ') },
  { header: 'manual_status', value: (e) => e.manualStatus },
];

export const EQUIPMENT_RECORD_CSV_COLUMNS: readonly CsvColumn<EquipmentRecord>[] = [
  { header: 'performed_on', value: (r) => r.performedOn },
  { header: 'result', value: (r) => r.result },
  { header: 'performed_by', value: (r) => r.performedBy },
  { header: 'certificate_no', value: (r) => r.certificateNo },
  { header: 'notes', value: (r) => r.notes },
  { header: 'next_due_on', value: (r) => r.nextDueOn },
  { header: 'recorded_at', value: (r) => r.recordedAt },
  { header: 'recorded_by', value: (r) => r.recordedBy },
];

export const SKILL_CSV_COLUMNS: readonly CsvColumn<Skill>[] = [
  { header: 'code', value: (s) => s.code },
  { header: 'name_zh', value: (s) => s.nameZh },
  { header: 'name_en', value: (s) => s.nameEn },
  { header: 'validity_months', value: (s) => s.validityMonths },
  { header: 'active', value: (s) => s.active },
];

export const TRAINING_RECORD_CSV_COLUMNS: readonly CsvColumn<TrainingRecord>[] = [
  { header: 'username', value: (r) => r.username },
  { header: 'full_name', value: (r) => r.userFullName },
  { header: 'skill_code', value: (r) => r.skillCode },
  { header: 'skill_name_zh', value: (r) => r.skillNameZh },
  { header: 'skill_name_en', value: (r) => r.skillNameEn },
  { header: 'trained_on', value: (r) => r.trainedOn },
  { header: 'trainer', value: (r) => r.trainer },
  { header: 'expires_on', value: (r) => r.expiresOn },
  { header: 'status', value: (r) => r.status },
  { header: 'document_ref', value: (r) => r.documentRef },
];

export const USER_QUALIFICATION_CSV_COLUMNS: readonly CsvColumn<UserQualification>[] = [
  { header: 'skill_code', value: (q) => q.skillCode },
  { header: 'skill_name_zh', value: (q) => q.skillNameZh },
  { header: 'skill_name_en', value: (q) => q.skillNameEn },
  { header: 'status', value: (q) => q.status },
  { header: 'trained_on', value: (q) => q.trainedOn },
  { header: 'expires_on', value: (q) => q.expiresOn },
];

/** A location named by code in a file: rows earlier in the same file already count. */
async function locationIdOf(db: Executor, code: string, field: string): Promise<string> {
  const id = await findLocationIdByCode(db, code);
  if (!id)
    throw new DomainError('NOT_FOUND', { entity: 'location', code, field }, `No location ${code}`);
  return id;
}

const l = createLocationSchema.shape;

type LocationRow = Omit<CreateLocationInput, 'parentId'> & { parentCode: string | null };

export const locationsImporter: CsvImporter<LocationRow> = {
  entity: 'locations',
  permission: 'location.manage',
  columns: [
    { name: 'code', required: true, description: 'location code, unique' },
    { name: 'name_zh', required: true, description: 'Chinese name' },
    { name: 'name_en', required: true, description: 'English name' },
    { name: 'level', required: true, description: LOCATION_LEVELS.join(' | ') },
    { name: 'kind', required: true, description: LOCATION_KINDS.join(' | ') },
    {
      name: 'parent_code',
      description: 'code of the location above (empty for a site); may be a row above in the file',
    },
  ],
  rowSchema: z
    .object({
      code: l.code,
      name_zh: l.nameZh,
      name_en: l.nameEn,
      level: l.level,
      kind: l.kind,
      parent_code: z.string().trim().min(1).max(40).optional(),
    })
    .transform((row): LocationRow => ({
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      level: row.level,
      kind: row.kind,
      parentCode: row.parent_code ?? null,
      reason: 'CSV import',
    })),
  importRow: async (trx, actor, { parentCode, ...input }) =>
    createLocation(trx, actor, {
      ...input,
      parentId: parentCode ? await locationIdOf(trx, parentCode, 'parent_code') : null,
    }),
};

const e = createEquipmentSchema.shape;
const intervalCell = z.coerce.number().int().min(1).max(3650).optional();

type EquipmentRow = Omit<CreateEquipmentInput, 'locationId'> & { locationCode: string | null };

export const equipmentImporter: CsvImporter<EquipmentRow> = {
  entity: 'equipment',
  permission: 'equipment.manage',
  columns: [
    { name: 'code', required: true, description: 'equipment code, unique' },
    { name: 'name_zh', required: true, description: 'Chinese name' },
    { name: 'name_en', required: true, description: 'English name' },
    { name: 'class', required: true, description: 'lower-case key, e.g. leak_tester' },
    { name: 'location_code', description: 'code of the location where it stands' },
    { name: 'manufacturer', description: 'manufacturer' },
    { name: 'model', description: 'model' },
    { name: 'serial_number', description: 'serial number' },
    { name: 'calibration_interval_days', description: 'days between calibrations' },
    { name: 'maintenance_interval_days', description: 'days between maintenance' },
  ],
  rowSchema: z
    .object({
      code: e.code,
      name_zh: e.nameZh,
      name_en: e.nameEn,
      class: e.class,
      location_code: z.string().trim().min(1).max(40).optional(),
      manufacturer: e.manufacturer,
      model: e.model,
      serial_number: e.serialNumber,
      calibration_interval_days: intervalCell,
      maintenance_interval_days: intervalCell,
    })
    .transform((row): EquipmentRow => ({
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      class: row.class,
      locationCode: row.location_code ?? null,
      manufacturer: row.manufacturer ?? null,
      model: row.model ?? null,
      serialNumber: row.serial_number ?? null,
      calibrationIntervalDays: row.calibration_interval_days ?? null,
      maintenanceIntervalDays: row.maintenance_interval_days ?? null,
      reason: 'CSV import',
    })),
  // New equipment with a calibration interval is out of service until its first calibration is recorded.
  importRow: async (trx, actor, { locationCode, ...input }) =>
    createEquipment(trx, actor, {
      ...input,
      locationId: locationCode ? await locationIdOf(trx, locationCode, 'location_code') : null,
    }),
};

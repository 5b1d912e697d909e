import { v7 as uuidv7 } from 'uuid';
import { addDays, calendarDateOf } from '../../../shared/calendar-date.ts';
import type {
  Equipment,
  EquipmentManualStatus,
  EquipmentRecord,
  EquipmentStatus,
  EquipmentStatusReason,
} from '../../../shared/plant.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type { ErrorCode } from '../../../shared/error-codes.ts';
import { DomainError } from '../../platform/errors.ts';
import * as repo from './equipment.repository.ts';
import { deriveEquipmentStatus, type LatestRecord } from './equipment-status.ts';
import * as locations from './locations.repository.ts';
import { assertLocationActive } from './locations.service.ts';

/** Today's calendar date (UTC). */
export function today(): string {
  return calendarDateOf(new Date());
}

function toRecord(row: repo.EquipmentRecordRow): EquipmentRecord {
  return {
    id: row.id,
    equipmentId: row.equipment_id,
    performedOn: row.performed_on,
    result: row.result,
    performedBy: row.performed_by,
    certificateNo: row.certificate_no,
    notes: row.notes,
    nextDueOn: row.next_due_on,
    recordedAt: row.recorded_at.toISOString(),
    recordedBy: row.recorded_by,
  };
}

function latest(row: repo.EquipmentRecordRow | undefined): LatestRecord | null {
  return row
    ? { performedOn: row.performed_on, result: row.result, nextDueOn: row.next_due_on }
    : null;
}

/** Equipment as of `on`, with its derived status and the records that decide it. */
async function toEquipment(
  db: Executor,
  rows: repo.EquipmentRow[],
  on: string,
): Promise<Equipment[]> {
  const ids = rows.map((r) => r.id);
  const [calibrations, maintenance, paths] = await Promise.all([
    repo.latestRecords(db, 'equipment_calibrations', ids, on),
    repo.latestRecords(db, 'equipment_maintenance', ids, on),
    locations.pathsOf(
      db,
      rows.flatMap((r) => (r.location_id ? [r.location_id] : [])),
    ),
  ]);
  return rows.map((row) => {
    const calibration = calibrations.get(row.id);
    const service = maintenance.get(row.id);
    const derived = deriveEquipmentStatus(
      {
        manualStatus: row.manual_status,
        calibrationIntervalDays: row.calibration_interval_days,
        maintenanceIntervalDays: row.maintenance_interval_days,
        lastCalibration: latest(calibration),
        lastMaintenance: latest(service),
      },
      on,
    );
    return {
      id: row.id,
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      class: row.class,
      locationId: row.location_id,
      locationPath: row.location_id ? (paths.get(row.location_id) ?? null) : null,
      manufacturer: row.manufacturer,
      model: row.model,
      serialNumber: row.serial_number,
      calibrationIntervalDays: row.calibration_interval_days,
      maintenanceIntervalDays: row.maintenance_interval_days,
      manualStatus: row.manual_status,
      manualStatusReason: row.manual_status_reason,
      lastCalibration: calibration ? toRecord(calibration) : null,
      lastMaintenance: service ? toRecord(service) : null,
      calibrationDueOn: derived.calibrationDueOn,
      maintenanceDueOn: derived.maintenanceDueOn,
      status: derived.status,
      statusReasons: derived.reasons,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  });
}

/** The master data only: derived status and records change with time and have their own entries. */
function auditView(row: repo.EquipmentRow) {
  return {
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    class: row.class,
    locationId: row.location_id,
    manufacturer: row.manufacturer,
    model: row.model,
    serialNumber: row.serial_number,
    calibrationIntervalDays: row.calibration_interval_days,
    maintenanceIntervalDays: row.maintenance_interval_days,
    manualStatus: row.manual_status,
  };
}

export async function getEquipment(
  db: Executor,
  id: string,
  on: string = today(),
): Promise<Equipment> {
  const row = await repo.findEquipment(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'equipment', id });
  const [equipment] = await toEquipment(db, [row], on);
  if (!equipment) throw new Error('equipment vanished');
  return equipment;
}

export async function listEquipment(
  db: Executor,
  f: repo.EquipmentFilter & { status?: EquipmentStatus; limit: number; offset: number },
  on: string = today(),
): Promise<{ items: Equipment[]; total: number }> {
  if (!f.status) {
    const { rows, total } = await repo.listEquipment(db, f, f);
    return { items: await toEquipment(db, rows, on), total };
  }
  // The derived status depends on the day: filter after deriving. Equipment
  // registers hold hundreds of entries, not millions.
  const { rows } = await repo.listEquipment(db, f, null);
  const matching = (await toEquipment(db, rows, on)).filter((e) => e.status === f.status);
  return { items: matching.slice(f.offset, f.offset + f.limit), total: matching.length };
}

// Which code tells a caller why equipment cannot be used, most decisive first.
const UNUSABLE: [EquipmentStatusReason, ErrorCode][] = [
  ['retired', 'EQUIPMENT_RETIRED'],
  ['manually_out_of_service', 'EQUIPMENT_OUT_OF_SERVICE'],
  ['calibration_failed', 'EQUIPMENT_CALIBRATION_FAILED'],
  ['never_calibrated', 'EQUIPMENT_NOT_CALIBRATED'],
  ['calibration_overdue', 'EQUIPMENT_CALIBRATION_OVERDUE'],
];

/**
 * For production: refuses equipment that may not be used at `at` (retired, taken
 * out of service, calibration failed, missing or overdue), with a stable code.
 */
export async function assertEquipmentUsable(
  db: Executor,
  equipmentId: string,
  at: Date = new Date(),
): Promise<Equipment> {
  const equipment = await getEquipment(db, equipmentId, calendarDateOf(at));
  for (const [reason, code] of UNUSABLE) {
    if (equipment.statusReasons.includes(reason)) {
      throw new DomainError(code, {
        equipmentId,
        code: equipment.code,
        calibrationDueOn: equipment.calibrationDueOn,
      });
    }
  }
  return equipment;
}

async function assertLocation(db: Executor, locationId: string | null | undefined): Promise<void> {
  if (locationId) await assertLocationActive(db, locationId);
}

export interface CreateEquipmentInput {
  code: string;
  nameZh: string;
  nameEn: string;
  class: string;
  locationId?: string | null;
  manufacturer?: string | null;
  model?: string | null;
  serialNumber?: string | null;
  calibrationIntervalDays?: number | null;
  maintenanceIntervalDays?: number | null;
  reason?: string;
}

export async function createEquipment(
  trx: Trx,
  actor: Actor,
  input: CreateEquipmentInput,
): Promise<Equipment> {
  if (await repo.findEquipmentByCode(trx, input.code))
    throw new DomainError('EQUIPMENT_CODE_TAKEN', { code: input.code });
  await assertLocation(trx, input.locationId);
  const row = await trx
    .insertInto('equipment')
    .values({
      id: uuidv7(),
      code: input.code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      class: input.class,
      location_id: input.locationId ?? null,
      manufacturer: input.manufacturer ?? null,
      model: input.model ?? null,
      serial_number: input.serialNumber ?? null,
      calibration_interval_days: input.calibrationIntervalDays ?? null,
      maintenance_interval_days: input.maintenanceIntervalDays ?? null,
      manual_status_reason: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'equipment.created',
    entityType: 'equipment',
    entityId: row.id,
    after: auditView(row),
    reason: input.reason ?? null,
  });
  return getEquipment(trx, row.id);
}

export async function updateEquipment(
  trx: Trx,
  actor: Actor,
  id: string,
  input: Partial<Omit<CreateEquipmentInput, 'code' | 'reason'>> & { reason: string },
): Promise<Equipment> {
  const before = await repo.lockEquipment(trx, id);
  if (!before) throw new DomainError('NOT_FOUND', { entity: 'equipment', id });
  if (input.locationId !== undefined && input.locationId !== before.location_id)
    await assertLocation(trx, input.locationId);
  const keep = <T>(value: T | undefined, old: T): T => (value === undefined ? old : value);
  const after = await trx
    .updateTable('equipment')
    .set({
      name_zh: keep(input.nameZh, before.name_zh),
      name_en: keep(input.nameEn, before.name_en),
      class: keep(input.class, before.class),
      location_id: keep(input.locationId, before.location_id),
      manufacturer: keep(input.manufacturer, before.manufacturer),
      model: keep(input.model, before.model),
      serial_number: keep(input.serialNumber, before.serial_number),
      calibration_interval_days: keep(
        input.calibrationIntervalDays,
        before.calibration_interval_days,
      ),
      maintenance_interval_days: keep(
        input.maintenanceIntervalDays,
        before.maintenance_interval_days,
      ),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: 'equipment.updated',
    entityType: 'equipment',
    entityId: id,
    before: auditView(before),
    after: auditView(after),
    reason: input.reason,
  });
  return getEquipment(trx, id);
}

/** Take out of service, return to service, or retire (final). Calibration still decides use. */
export async function setEquipmentStatus(
  trx: Trx,
  actor: Actor,
  id: string,
  status: EquipmentManualStatus,
  reason: string,
): Promise<Equipment> {
  const before = await repo.lockEquipment(trx, id);
  if (!before) throw new DomainError('NOT_FOUND', { entity: 'equipment', id });
  if (before.manual_status === 'retired')
    throw new DomainError('EQUIPMENT_RETIRED', { equipmentId: id, code: before.code });
  if (before.manual_status === status)
    throw new DomainError('CONFLICT', { status }, `The equipment is already ${status}`);
  await trx
    .updateTable('equipment')
    .set({
      manual_status: status,
      manual_status_reason: status === 'active' ? null : reason,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await recordAudit(trx, actor, {
    action: 'equipment.status_changed',
    entityType: 'equipment',
    entityId: id,
    before: { manualStatus: before.manual_status },
    after: { manualStatus: status },
    reason,
  });
  return getEquipment(trx, id);
}

export interface EquipmentRecordInput {
  performedOn: string;
  result: 'pass' | 'fail';
  performedBy: string;
  certificateNo?: string | null;
  notes?: string | null;
}

const RECORD_KIND: Record<
  repo.RecordTable,
  { action: string; interval: 'calibration_interval_days' | 'maintenance_interval_days' }
> = {
  equipment_calibrations: {
    action: 'equipment.calibration_recorded',
    interval: 'calibration_interval_days',
  },
  equipment_maintenance: {
    action: 'equipment.maintenance_recorded',
    interval: 'maintenance_interval_days',
  },
};

/** Appends a calibration or maintenance record; next due = performed + the equipment's interval. */
export async function recordEquipmentWork(
  trx: Trx,
  actor: Actor,
  table: repo.RecordTable,
  equipmentId: string,
  input: EquipmentRecordInput,
  on: string = today(),
): Promise<EquipmentRecord> {
  const equipment = await repo.lockEquipment(trx, equipmentId);
  if (!equipment) throw new DomainError('NOT_FOUND', { entity: 'equipment', id: equipmentId });
  if (equipment.manual_status === 'retired')
    throw new DomainError('EQUIPMENT_RETIRED', { equipmentId, code: equipment.code });
  if (input.performedOn > on) {
    throw new DomainError(
      'EQUIPMENT_RECORD_IN_FUTURE',
      { performedOn: input.performedOn, today: on },
      'Work is recorded once it has been done',
    );
  }
  const kind = RECORD_KIND[table];
  const interval = equipment[kind.interval];
  const row = await trx
    .insertInto(table)
    .values({
      id: uuidv7(),
      equipment_id: equipmentId,
      performed_on: input.performedOn,
      result: input.result,
      performed_by: input.performedBy,
      certificate_no: input.certificateNo ?? null,
      notes: input.notes ?? null,
      next_due_on:
        input.result === 'pass' && interval !== null ? addDays(input.performedOn, interval) : null,
      recorded_by: actor.kind === 'user' ? actor.fullName : actor.name,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const record = toRecord(row);
  const { recordedAt: _r, ...content } = record;
  await recordAudit(trx, actor, {
    action: kind.action,
    entityType: 'equipment',
    entityId: equipmentId,
    after: content,
  });
  return record;
}

export async function listEquipmentWork(
  db: Executor,
  table: repo.RecordTable,
  equipmentId: string,
  page: { limit: number; offset: number },
): Promise<{ items: EquipmentRecord[]; total: number }> {
  if (!(await repo.findEquipment(db, equipmentId)))
    throw new DomainError('NOT_FOUND', { entity: 'equipment', id: equipmentId });
  const { rows, total } = await repo.recordsOf(db, table, equipmentId, page);
  return { items: rows.map(toRecord), total };
}

export async function findEquipmentIdByCode(
  db: Executor,
  code: string,
): Promise<string | undefined> {
  return (await repo.findEquipmentByCode(db, code))?.id;
}

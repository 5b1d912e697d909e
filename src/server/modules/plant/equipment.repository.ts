import type { Selectable } from 'kysely';
import type { EquipmentManualStatus } from '../../../shared/plant.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import type { EquipmentRecordsTable, EquipmentTable } from './plant.tables.ts';
import './plant.tables.ts';

export type EquipmentRow = Selectable<EquipmentTable>;
export type EquipmentRecordRow = Selectable<EquipmentRecordsTable>;
export type RecordTable = 'equipment_calibrations' | 'equipment_maintenance';

export async function findEquipment(db: Executor, id: string): Promise<EquipmentRow | undefined> {
  return db.selectFrom('equipment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockEquipment(db: Executor, id: string): Promise<EquipmentRow | undefined> {
  return db.selectFrom('equipment').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findEquipmentByCode(
  db: Executor,
  code: string,
): Promise<EquipmentRow | undefined> {
  return db
    .selectFrom('equipment')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .executeTakeFirst();
}

export interface EquipmentFilter {
  q?: string;
  class?: string;
  locationId?: string;
  manualStatus?: EquipmentManualStatus;
}

function filtered(db: Executor, f: EquipmentFilter) {
  let query = db.selectFrom('equipment');
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('code', 'ilike', like),
        eb('name_zh', 'ilike', like),
        eb('name_en', 'ilike', like),
        eb('serial_number', 'ilike', like),
      ]),
    );
  }
  if (f.class) query = query.where('class', '=', f.class);
  if (f.locationId) query = query.where('location_id', '=', f.locationId);
  if (f.manualStatus) query = query.where('manual_status', '=', f.manualStatus);
  return query;
}

/** One page, or every match when `page` is null (the derived status is filtered afterwards). */
export async function listEquipment(
  db: Executor,
  f: EquipmentFilter,
  page: { limit: number; offset: number } | null,
): Promise<{ rows: EquipmentRow[]; total: number }> {
  let rowsQuery = filtered(db, f).selectAll().orderBy('code');
  if (page) rowsQuery = rowsQuery.limit(page.limit).offset(page.offset);
  const [rows, count] = await Promise.all([
    rowsQuery.execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The latest record of each piece of equipment performed on or before `on`. */
export async function latestRecords(
  db: Executor,
  table: RecordTable,
  equipmentIds: string[],
  on: string,
): Promise<Map<string, EquipmentRecordRow>> {
  if (equipmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom(table)
    .selectAll()
    .distinctOn('equipment_id')
    .where('equipment_id', 'in', equipmentIds)
    .where('performed_on', '<=', on)
    .orderBy('equipment_id')
    .orderBy('performed_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.equipment_id, r]));
}

export async function recordsOf(
  db: Executor,
  table: RecordTable,
  equipmentId: string,
  page: { limit: number; offset: number },
): Promise<{ rows: EquipmentRecordRow[]; total: number }> {
  const query = db.selectFrom(table).where('equipment_id', '=', equipmentId);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('performed_on', 'desc')
      .orderBy('recorded_at', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

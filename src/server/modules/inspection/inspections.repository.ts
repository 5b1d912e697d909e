import type { Selectable } from 'kysely';
import type { InspectionListQuery } from '../../../shared/inspection.contract.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import type {
  InspectionCharacteristicsTable,
  InspectionResultsTable,
  InspectionsTable,
} from './inspection.tables.ts';
import './inspection.tables.ts';

export type InspectionRow = Selectable<InspectionsTable>;
export type CharacteristicRow = Selectable<InspectionCharacteristicsTable>;
export type ResultRow = Selectable<InspectionResultsTable>;
export interface Counts {
  inspected: number;
  nonconforming: number;
}

export async function findInspection(db: Executor, id: string) {
  return db.selectFrom('inspections').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockInspection(trx: Trx, id: string) {
  return trx
    .selectFrom('inspections')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listInspections(
  db: Executor,
  f: InspectionListQuery,
): Promise<{ rows: InspectionRow[]; total: number }> {
  let query = db.selectFrom('inspections');
  if (f.q) query = query.where('code', 'ilike', containsPattern(f.q));
  if (f.status) query = query.where('status', '=', f.status);
  if (f.itemId) query = query.where('item_id', '=', f.itemId);
  if (f.supplierId) query = query.where('supplier_id', '=', f.supplierId);
  if (f.lotId) query = query.where('trace_unit_id', '=', f.lotId);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function characteristicsOf(db: Executor, ids: string[]): Promise<CharacteristicRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('inspection_characteristics')
    .selectAll()
    .where('inspection_id', 'in', ids)
    .orderBy('inspection_id')
    .orderBy('seq')
    .execute();
}

export async function resultsOf(db: Executor, id: string): Promise<ResultRow[]> {
  return db
    .selectFrom('inspection_results')
    .selectAll()
    .where('inspection_id', '=', id)
    .orderBy('characteristic_seq')
    .orderBy('unit_no')
    .execute();
}

/** Inspected and nonconforming units per inspection and characteristic: key `${id}:${seq}`. */
export async function countsOf(db: Executor, ids: string[]): Promise<Map<string, Counts>> {
  const map = new Map<string, Counts>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('inspection_results')
    .select((eb) => [
      'inspection_id',
      'characteristic_seq',
      eb.fn.countAll<string>().as('inspected'),
      eb.fn.count<string>(eb.case().when('conforming', '=', false).then(1).end()).as('bad'),
    ])
    .where('inspection_id', 'in', ids)
    .groupBy(['inspection_id', 'characteristic_seq'])
    .execute();
  for (const r of rows) {
    map.set(`${r.inspection_id}:${r.characteristic_seq}`, {
      inspected: Number(r.inspected),
      nonconforming: Number(r.bad),
    });
  }
  return map;
}

/** Decided inspections of a supplier + item and QA's resumptions, oldest first. */
export async function switchingHistory(db: Executor, supplierId: string, itemId: string) {
  const [decided, resumptions] = await Promise.all([
    db
      .selectFrom('inspections')
      .select(['id', 'decision', 'decided_at'])
      .where('supplier_id', '=', supplierId)
      .where('item_id', '=', itemId)
      .where('status', '=', 'decided')
      .orderBy('decided_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('inspection_sampling_resumptions')
      .select(['id', 'resumed_at'])
      .where('supplier_id', '=', supplierId)
      .where('item_id', '=', itemId)
      .orderBy('resumed_at')
      .execute(),
  ]);
  return { decided, resumptions };
}

/** The trace units an inspection decides, the primary one first. */
export async function unitsOf(db: Executor, inspectionId: string): Promise<string[]> {
  const inspection = await findInspection(db, inspectionId);
  const rows = await db
    .selectFrom('inspection_units')
    .select('trace_unit_id')
    .where('inspection_id', '=', inspectionId)
    .orderBy('trace_unit_id')
    .execute();
  const primary = inspection?.trace_unit_id;
  const others = rows.map((r) => r.trace_unit_id).filter((u) => u !== primary);
  return primary ? [primary, ...others] : others;
}

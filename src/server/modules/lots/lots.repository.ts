// Every query of the lots tables (trace units, activities, genealogy, status
// history, stock movements and balances), and nothing else.
import { sql, type Insertable, type Selectable } from 'kysely';
import type { QualityStatus } from '../../../shared/lots.contract.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import type {
  ActivitiesTable,
  ActivityUnitsTable,
  GenealogyEdgesTable,
  StockBalancesTable,
  StockMovementsTable,
  TraceUnitStatusChangesTable,
  TraceUnitsTable,
} from './lots.tables.ts';
import './lots.tables.ts';

export type TraceUnitRow = Selectable<TraceUnitsTable>;
export type MovementRow = Selectable<StockMovementsTable>;
export type BalanceRow = Selectable<StockBalancesTable>;
export type StatusChangeRow = Selectable<TraceUnitStatusChangesTable>;
export type GenealogyRow = Selectable<GenealogyEdgesTable>;

export async function findTraceUnit(db: Executor, id: string): Promise<TraceUnitRow | undefined> {
  return db.selectFrom('trace_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTraceUnits(db: Executor, ids: string[]): Promise<TraceUnitRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('trace_units').selectAll().where('id', 'in', ids).execute();
}

/**
 * Row-locks trace units in id order (one order for every writer, so two
 * writers never wait for each other crosswise). Take these locks before the
 * first audit entry of the transaction.
 */
export async function lockTraceUnits(
  trx: Trx,
  ids: string[],
  mode: 'update' | 'share' = 'update',
): Promise<Map<string, TraceUnitRow>> {
  const sorted = [...new Set(ids)].sort();
  const map = new Map<string, TraceUnitRow>();
  for (const id of sorted) {
    const query = trx.selectFrom('trace_units').selectAll().where('id', '=', id);
    const row = await (mode === 'update' ? query.forUpdate() : query.forShare()).executeTakeFirst();
    if (row) map.set(id, row);
  }
  return map;
}

/** Oldest first. */
export async function traceUnitsWithStatus(
  db: Executor,
  status: QualityStatus,
): Promise<TraceUnitRow[]> {
  return db
    .selectFrom('trace_units')
    .selectAll()
    .where('quality_status', '=', status)
    .orderBy('created_at')
    .orderBy('code')
    .execute();
}

/** The lots of an item, a supplier, or a supplier's lot (bulk holds). */
export async function traceUnitIdsInScope(
  db: Executor,
  scope: { itemId?: string; supplierId?: string; supplierLot?: string },
): Promise<string[]> {
  let query = db.selectFrom('trace_units').select('id');
  if (scope.itemId) query = query.where('item_id', '=', scope.itemId);
  if (scope.supplierId) query = query.where('supplier_id', '=', scope.supplierId);
  if (scope.supplierLot !== undefined) query = query.where('supplier_lot', '=', scope.supplierLot);
  return (await query.execute()).map((r) => r.id);
}

export async function insertTraceUnit(
  trx: Trx,
  row: Insertable<TraceUnitsTable>,
): Promise<TraceUnitRow> {
  return trx.insertInto('trace_units').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function codeTaken(db: Executor, itemId: string, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('trace_units')
    .select('id')
    .where('item_id', '=', itemId)
    .where(sql<string>`lower(code)`, '=', code.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

export async function setQualityStatus(
  trx: Trx,
  id: string,
  status: QualityStatus,
  holdReason: string | null,
): Promise<TraceUnitRow> {
  return trx
    .updateTable('trace_units')
    .set({ quality_status: status, hold_reason: holdReason, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertStatusChange(
  trx: Trx,
  row: Insertable<TraceUnitStatusChangesTable>,
): Promise<void> {
  await trx.insertInto('trace_unit_status_changes').values(row).execute();
}

export async function insertActivity(
  trx: Trx,
  activity: Insertable<ActivitiesTable>,
  units: Omit<Insertable<ActivityUnitsTable>, 'activity_id'>[],
): Promise<void> {
  await trx.insertInto('activities').values(activity).execute();
  if (units.length > 0) {
    await trx
      .insertInto('activity_units')
      .values(units.map((u) => ({ ...u, activity_id: activity.id })))
      .execute();
  }
}

export async function insertGenealogyEdges(
  trx: Trx,
  edges: Insertable<GenealogyEdgesTable>[],
): Promise<void> {
  if (edges.length > 0) await trx.insertInto('genealogy_edges').values(edges).execute();
}

// ---------------------------------------------------------------- balances

/**
 * Locks the balance rows of these (trace unit, location) keys, creating empty
 * ones where none exist, in (trace unit, location) order.
 */
export async function lockBalances(
  trx: Trx,
  keys: { traceUnitId: string; locationId: string }[],
): Promise<Map<string, BalanceRow>> {
  const unique = new Map(keys.map((k) => [balanceKey(k.traceUnitId, k.locationId), k]));
  const sorted = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const map = new Map<string, BalanceRow>();
  for (const [key, k] of sorted) {
    // One statement: inserts an empty balance or, when there is one, locks it
    // (ON CONFLICT DO UPDATE takes the row lock) and returns it as it stands.
    const row = await trx
      .insertInto('stock_balances')
      .values({ trace_unit_id: k.traceUnitId, location_id: k.locationId, quantity: '0' })
      .onConflict((oc) =>
        oc
          .columns(['trace_unit_id', 'location_id'])
          .doUpdateSet((eb) => ({ quantity: eb.ref('stock_balances.quantity') })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    map.set(key, row);
  }
  return map;
}

export function balanceKey(traceUnitId: string, locationId: string): string {
  return `${traceUnitId}/${locationId}`;
}

export async function setBalance(
  trx: Trx,
  traceUnitId: string,
  locationId: string,
  quantity: string,
): Promise<void> {
  await trx
    .updateTable('stock_balances')
    .set({ quantity, updated_at: new Date() })
    .where('trace_unit_id', '=', traceUnitId)
    .where('location_id', '=', locationId)
    .execute();
}

export async function balancesOf(db: Executor, traceUnitIds: string[]): Promise<BalanceRow[]> {
  if (traceUnitIds.length === 0) return [];
  return db
    .selectFrom('stock_balances')
    .selectAll()
    .where('trace_unit_id', 'in', traceUnitIds)
    .where('quantity', '>', '0')
    .orderBy('location_id')
    .execute();
}

export async function totalsOf(db: Executor, traceUnitIds: string[]): Promise<Map<string, string>> {
  if (traceUnitIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('stock_balances')
    .select(['trace_unit_id', sql<string>`sum(quantity)::text`.as('total')])
    .where('trace_unit_id', 'in', traceUnitIds)
    .groupBy('trace_unit_id')
    .execute();
  return new Map(rows.map((r) => [r.trace_unit_id, r.total]));
}

// ---------------------------------------------------------------- movements

export async function insertMovement(
  trx: Trx,
  row: Insertable<StockMovementsTable>,
): Promise<MovementRow> {
  return trx.insertInto('stock_movements').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findMovement(db: Executor, id: string): Promise<MovementRow | undefined> {
  return db.selectFrom('stock_movements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function reversalOf(
  db: Executor,
  movementId: string,
): Promise<MovementRow | undefined> {
  return db
    .selectFrom('stock_movements')
    .selectAll()
    .where('reverses_movement_id', '=', movementId)
    .executeTakeFirst();
}

export async function reversalsOf(
  db: Executor,
  movementIds: string[],
): Promise<Map<string, string>> {
  if (movementIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('stock_movements')
    .select(['id', 'reverses_movement_id'])
    .where('reverses_movement_id', 'in', movementIds)
    .execute();
  return new Map(rows.map((r) => [r.reverses_movement_id ?? '', r.id]));
}

// ---------------------------------------------------------------- history

export async function statusChangesOf(
  db: Executor,
  traceUnitId: string,
): Promise<StatusChangeRow[]> {
  return db
    .selectFrom('trace_unit_status_changes')
    .selectAll()
    .where('trace_unit_id', '=', traceUnitId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
}

export async function activitiesOf(db: Executor, traceUnitId: string) {
  const activities = await db
    .selectFrom('activities')
    .selectAll()
    .where('id', 'in', (qb) =>
      qb
        .selectFrom('activity_units')
        .select('activity_id')
        .where('trace_unit_id', '=', traceUnitId),
    )
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  const ids = activities.map((a) => a.id);
  const units =
    ids.length === 0
      ? []
      : await db
          .selectFrom('activity_units as au')
          .innerJoin('trace_units as t', 't.id', 'au.trace_unit_id')
          .select([
            'au.activity_id',
            'au.trace_unit_id',
            'au.role',
            'au.quantity',
            't.code',
            't.item_id',
          ])
          .where('au.activity_id', 'in', ids)
          .orderBy('t.code')
          .execute();
  return { activities, units };
}

export async function genealogyOf(db: Executor, traceUnitId: string) {
  const select = (direction: 'parents' | 'children') =>
    db
      .selectFrom('genealogy_edges as e')
      .innerJoin('trace_units as t', 't.id', direction === 'parents' ? 'e.parent_id' : 'e.child_id')
      .innerJoin('activities as a', 'a.id', 'e.activity_id')
      .select([
        't.id',
        't.code',
        't.kind',
        't.item_id',
        't.quality_status',
        'e.quantity',
        'e.activity_id',
        'a.type as activity_type',
        'a.occurred_at',
      ])
      .where(direction === 'parents' ? 'e.child_id' : 'e.parent_id', '=', traceUnitId)
      .orderBy('a.occurred_at')
      .orderBy('t.code')
      .execute();
  return { parents: await select('parents'), children: await select('children') };
}

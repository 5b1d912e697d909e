// Read models of the stock ledger: movements, balances by location, and the
// FEFO picking suggestion.
import { sql } from 'kysely';
import type { ListResult } from '../../../shared/list.ts';
import type {
  FefoSuggestion,
  StockBalance,
  StockBalanceListQuery,
  StockMovement,
  StockMovementListQuery,
} from '../../../shared/lots.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import { DomainError } from '../../platform/errors.ts';
import * as repo from './lots.repository.ts';
import { locationSubtree, Refs } from './lots.queries.ts';
import {
  addDecimals,
  compareDecimal,
  minDecimal,
  normalizeDecimal,
  subtractDecimal,
} from '../../../shared/decimal.ts';
import { today } from './trace-units.service.ts';

export async function listMovements(
  db: Executor,
  f: StockMovementListQuery & { id?: string },
): Promise<ListResult<StockMovement>> {
  let query = db
    .selectFrom('stock_movements as m')
    .innerJoin('trace_units as t', 't.id', 'm.trace_unit_id');
  if (f.id) query = query.where('m.id', '=', f.id);
  if (f.lotId) query = query.where('m.trace_unit_id', '=', f.lotId);
  if (f.itemId) query = query.where('t.item_id', '=', f.itemId);
  if (f.type) query = query.where('m.type', '=', f.type);
  if (f.from) query = query.where('m.created_at', '>=', new Date(f.from));
  if (f.to) query = query.where('m.created_at', '<', new Date(f.to));
  if (f.locationId) {
    const ids = await locationSubtree(db, f.locationId);
    query = query.where((eb) =>
      eb.or([eb('m.from_location_id', 'in', ids), eb('m.to_location_id', 'in', ids)]),
    );
  }
  if (f.q) {
    const pattern = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([eb('t.code', 'ilike', pattern), eb('m.reason', 'ilike', pattern)]),
    );
  }
  // One movement by id (after a write) needs no count.
  const total = f.id
    ? { n: '1' }
    : await query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('m')
    .select(['t.code as trace_unit_code', 't.item_id', 't.unit'])
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const reversals = await repo.reversalsOf(
    db,
    rows.map((r) => r.id),
  );
  const refs = new Refs(db);
  const items: StockMovement[] = [];
  for (const r of rows) {
    const item = await refs.item(r.item_id);
    const from = r.from_location_id ? await refs.location(r.from_location_id) : null;
    const to = r.to_location_id ? await refs.location(r.to_location_id) : null;
    items.push({
      id: r.id,
      type: r.type,
      traceUnitId: r.trace_unit_id,
      traceUnitCode: r.trace_unit_code,
      itemId: r.item_id,
      itemCode: item.code,
      fromLocationId: r.from_location_id,
      fromLocationCode: from?.code ?? null,
      toLocationId: r.to_location_id,
      toLocationCode: to?.code ?? null,
      quantity: normalizeDecimal(r.quantity),
      unit: r.unit,
      reason: r.reason,
      reversesMovementId: r.reverses_movement_id,
      reversedByMovementId: reversals.get(r.id) ?? null,
      source: r.source_type && r.source_id ? { type: r.source_type, id: r.source_id } : null,
      activityId: r.activity_id,
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
    });
  }
  return { items, total: Number(total.n) };
}

export async function getMovement(db: Executor, id: string): Promise<StockMovement> {
  const { items } = await listMovements(db, { id, limit: 1, offset: 0 });
  const found = items[0];
  if (!found) throw new DomainError('NOT_FOUND', { entity: 'stock_movement', id });
  return found;
}

function balanceQuery(db: Executor) {
  return db
    .selectFrom('stock_balances as b')
    .innerJoin('trace_units as t', 't.id', 'b.trace_unit_id');
}

export async function listBalances(
  db: Executor,
  f: StockBalanceListQuery,
): Promise<ListResult<StockBalance>> {
  let query = balanceQuery(db);
  if (!f.includeEmpty) query = query.where('b.quantity', '>', '0');
  if (f.itemId) query = query.where('t.item_id', '=', f.itemId);
  if (f.lotId) query = query.where('b.trace_unit_id', '=', f.lotId);
  if (f.status) query = query.where('t.quality_status', '=', f.status);
  if (f.locationId)
    query = query.where('b.location_id', 'in', await locationSubtree(db, f.locationId));
  if (f.q) {
    const pattern = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([eb('t.code', 'ilike', pattern), eb('t.supplier_lot', 'ilike', pattern)]),
    );
  }
  const total = await query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'b.trace_unit_id',
      'b.location_id',
      'b.quantity',
      'b.updated_at',
      't.code',
      't.kind',
      't.item_id',
      't.quality_status',
      't.expires_on',
      't.unit',
    ])
    .orderBy('t.code')
    .orderBy('b.location_id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const refs = new Refs(db);
  const items: StockBalance[] = [];
  for (const r of rows) {
    const item = await refs.item(r.item_id);
    const location = await refs.location(r.location_id);
    items.push({
      traceUnitId: r.trace_unit_id,
      traceUnitCode: r.code,
      kind: r.kind,
      itemId: r.item_id,
      itemCode: item.code,
      itemNameZh: item.nameZh,
      itemNameEn: item.nameEn,
      qualityStatus: r.quality_status,
      expiresOn: r.expires_on,
      locationId: r.location_id,
      locationCode: location.code,
      locationPath: location.path,
      locationKind: location.kind,
      quantity: normalizeDecimal(r.quantity),
      unit: r.unit,
      updatedAt: r.updated_at.toISOString(),
    });
  }
  return { items, total: Number(total.n) };
}

/** Picking never takes from quarantine, scrap or a customer's location. */
const PICKABLE_KINDS = ['storage', 'cold_storage', 'production'];

/** First expired, first out: released, unexpired stock of the item, earliest expiry first. */
export async function suggestFefo(
  db: Executor,
  input: { itemId: string; quantity: string; locationId?: string },
): Promise<FefoSuggestion> {
  const on = today();
  let query = balanceQuery(db)
    .where('t.item_id', '=', input.itemId)
    .where('t.quality_status', '=', 'released')
    .where((eb) => eb.or([eb('t.expires_on', 'is', null), eb('t.expires_on', '>=', on)]))
    .where('b.quantity', '>', '0');
  if (input.locationId) {
    query = query.where('b.location_id', 'in', await locationSubtree(db, input.locationId));
  }
  const rows = await query
    .select(['b.trace_unit_id', 'b.location_id', 'b.quantity', 't.code', 't.expires_on', 't.unit'])
    .orderBy(sql`t.expires_on asc nulls last`)
    .orderBy('t.created_at')
    .orderBy('t.code')
    .orderBy('b.location_id')
    .execute();
  const refs = new Refs(db);
  const wanted = normalizeDecimal(input.quantity);
  let remaining = wanted;
  const picks: FefoSuggestion['picks'] = [];
  for (const r of rows) {
    if (compareDecimal(remaining, '0') <= 0) break;
    const location = await refs.location(r.location_id);
    if (!PICKABLE_KINDS.includes(location.kind)) continue;
    const pick = minDecimal(r.quantity, remaining);
    remaining = subtractDecimal(remaining, pick);
    picks.push({
      traceUnitId: r.trace_unit_id,
      traceUnitCode: r.code,
      expiresOn: r.expires_on,
      locationId: r.location_id,
      locationCode: location.code,
      locationPath: location.path,
      available: normalizeDecimal(r.quantity),
      pick,
    });
  }
  const picked = addDecimals('0', ...picks.map((p) => p.pick));
  const shortfall = subtractDecimal(wanted, picked);
  return {
    itemId: input.itemId,
    quantity: wanted,
    unit: rows[0]?.unit ?? null,
    picks,
    sufficient: compareDecimal(shortfall, '0') <= 0,
    shortfall: compareDecimal(shortfall, '0') > 0 ? shortfall : '0',
  };
}

/**
 * The ledger's invariant, checked from the records: every balance equals the
 * sum of its movements (in minus out) and none is negative. Lists what breaks it.
 */
export async function verifyStockLedger(db: Executor): Promise<{
  balances: number;
  movements: number;
  mismatches: { traceUnitId: string; locationId: string; balance: string; ledger: string }[];
}> {
  const { rows } = await sql<{
    trace_unit_id: string;
    location_id: string;
    balance: string | null;
    ledger: string | null;
  }>`
    with ledger as (
      select trace_unit_id, location_id, sum(q) as quantity from (
        select trace_unit_id, to_location_id as location_id, quantity as q
          from stock_movements where to_location_id is not null
        union all
        select trace_unit_id, from_location_id, -quantity
          from stock_movements where from_location_id is not null
      ) legs group by trace_unit_id, location_id
    )
    select coalesce(b.trace_unit_id, l.trace_unit_id) as trace_unit_id,
      coalesce(b.location_id, l.location_id) as location_id,
      b.quantity::text as balance, l.quantity::text as ledger
    from stock_balances b
    full join ledger l on l.trace_unit_id = b.trace_unit_id and l.location_id = b.location_id
    where b.quantity is distinct from l.quantity
      and not (coalesce(b.quantity, 0) = coalesce(l.quantity, 0))
       or b.quantity < 0`.execute(db);
  const counts = await sql<{ balances: string; movements: string }>`
    select (select count(*) from stock_balances)::text as balances,
      (select count(*) from stock_movements)::text as movements`.execute(db);
  return {
    balances: Number(counts.rows[0]?.balances ?? 0),
    movements: Number(counts.rows[0]?.movements ?? 0),
    mismatches: rows.map((r) => ({
      traceUnitId: r.trace_unit_id,
      locationId: r.location_id,
      balance: r.balance ?? '0',
      ledger: r.ledger ?? '0',
    })),
  };
}

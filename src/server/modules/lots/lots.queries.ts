// Read models of the lots screens and API: the lot list and detail, expiring
// lots. Items, suppliers and locations are looked up through their modules.
import { sql } from 'kysely';
import { daysBetween } from '../../../shared/calendar-date.ts';
import {
  EXPIRY_WARNING_DAYS_DEFAULT,
  type Activity,
  type LotDetail,
  type LotListItem,
  type LotListQuery,
} from '../../../shared/lots.contract.ts';
import type { ListResult } from '../../../shared/list.ts';
import type { Item } from '../../../shared/items.contract.ts';
import type { Location } from '../../../shared/plant.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import { DomainError, isDomainError } from '../../platform/errors.ts';
import { signaturesOf } from '../../platform/signatures/signatures.service.ts';
import { getItem } from '../items/index.ts';
import { getSupplier } from '../partners/index.ts';
import { getLocation, locationTree } from '../plant/index.ts';
import * as repo from './lots.repository.ts';
import { normalizeDecimal } from '../../../shared/decimal.ts';
import { TRACE_UNIT_RECORD, today } from './trace-units.service.ts';

/** Per-request caches of the other modules' records a list shows. */
export class Refs {
  readonly #items = new Map<string, Promise<Item>>();
  readonly #suppliers = new Map<
    string,
    Promise<{ code: string; nameZh: string; nameEn: string } | null>
  >();
  readonly #locations = new Map<string, Promise<Location>>();
  readonly db: Executor;
  constructor(db: Executor) {
    this.db = db;
  }

  item(id: string): Promise<Item> {
    let found = this.#items.get(id);
    if (!found) this.#items.set(id, (found = getItem(this.db, id)));
    return found;
  }

  supplier(id: string) {
    let found = this.#suppliers.get(id);
    if (!found) {
      found = getSupplier(this.db, id).then(
        (s) => ({ code: s.code, nameZh: s.legalNameZh, nameEn: s.legalNameEn }),
        (error: unknown) => {
          if (isDomainError(error) && error.code === 'NOT_FOUND') return null;
          throw error;
        },
      );
      this.#suppliers.set(id, found);
    }
    return found;
  }

  location(id: string): Promise<Location> {
    let found = this.#locations.get(id);
    if (!found) this.#locations.set(id, (found = getLocation(this.db, id)));
    return found;
  }
}

/** The ids of a location and everything below it. */
export async function locationSubtree(db: Executor, rootId: string): Promise<string[]> {
  const roots = await locationTree(db, { rootId, includeInactive: true });
  const ids: string[] = [];
  const walk = (nodes: typeof roots) => {
    for (const n of nodes) {
      ids.push(n.id);
      walk(n.children);
    }
  };
  walk(roots);
  return ids.length > 0 ? ids : [rootId];
}

export async function toLotListItem(
  refs: Refs,
  row: repo.TraceUnitRow,
  onHand: string,
  on = today(),
): Promise<LotListItem> {
  // Sequential on purpose: PGlite runs one query at a time.
  const item = await refs.item(row.item_id);
  const supplier = row.supplier_id ? await refs.supplier(row.supplier_id) : null;
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    itemId: row.item_id,
    itemCode: item.code,
    itemNameZh: item.nameZh,
    itemNameEn: item.nameEn,
    unit: row.unit,
    qualityStatus: row.quality_status,
    manufacturedOn: row.manufactured_on,
    expiresOn: row.expires_on,
    daysToExpiry: row.expires_on ? daysBetween(on, row.expires_on) : null,
    supplierId: row.supplier_id,
    supplierCode: supplier?.code ?? null,
    supplierNameZh: supplier?.nameZh ?? null,
    supplierNameEn: supplier?.nameEn ?? null,
    supplierLot: row.supplier_lot,
    source: row.source_type && row.source_id ? { type: row.source_type, id: row.source_id } : null,
    quantityOnHand: normalizeDecimal(onHand),
    receivedQuantity: normalizeDecimal(row.quantity),
    holdReason: row.hold_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function toListItems(db: Executor, rows: repo.TraceUnitRow[]): Promise<LotListItem[]> {
  const refs = new Refs(db);
  const totals = await repo.totalsOf(
    db,
    rows.map((r) => r.id),
  );
  const items: LotListItem[] = [];
  for (const row of rows) items.push(await toLotListItem(refs, row, totals.get(row.id) ?? '0'));
  return items;
}

/** List items of these lots, in the order given. */
export async function lotListItemsByIds(db: Executor, ids: string[]): Promise<LotListItem[]> {
  const rows = await repo.findTraceUnits(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return toListItems(
    db,
    ids.map((id) => byId.get(id)).filter((r): r is repo.TraceUnitRow => r !== undefined),
  );
}

export async function listLots(db: Executor, f: LotListQuery): Promise<ListResult<LotListItem>> {
  const locationIds = f.locationId ? await locationSubtree(db, f.locationId) : null;
  let query = db.selectFrom('trace_units as t');
  if (f.itemId) query = query.where('t.item_id', '=', f.itemId);
  if (f.kind) query = query.where('t.kind', '=', f.kind);
  if (f.status) query = query.where('t.quality_status', '=', f.status);
  if (f.supplierId) query = query.where('t.supplier_id', '=', f.supplierId);
  if (f.supplierLot)
    query = query.where(sql<string>`lower(t.supplier_lot)`, '=', f.supplierLot.toLowerCase());
  if (f.expiresFrom) query = query.where('t.expires_on', '>=', f.expiresFrom);
  if (f.expiresTo) query = query.where('t.expires_on', '<=', f.expiresTo);
  if (f.q) {
    const pattern = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([eb('t.code', 'ilike', pattern), eb('t.supplier_lot', 'ilike', pattern)]),
    );
  }
  if (locationIds || f.inStock !== undefined) {
    query = query.where((eb) => {
      const stocked = eb
        .selectFrom('stock_balances as b')
        .select('b.trace_unit_id')
        .whereRef('b.trace_unit_id', '=', 't.id')
        .where('b.quantity', '>', '0');
      const scoped = locationIds ? stocked.where('b.location_id', 'in', locationIds) : stocked;
      return f.inStock === false && !locationIds ? eb.not(eb.exists(scoped)) : eb.exists(scoped);
    });
  }
  const total = await query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('t')
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { items: await toListItems(db, rows), total: Number(total.n) };
}

function toActivities(data: Awaited<ReturnType<typeof repo.activitiesOf>>): Activity[] {
  return data.activities.map((a) => {
    const units = data.units.filter((u) => u.activity_id === a.id);
    const view = (role: string) =>
      units
        .filter((u) => u.role === role)
        .map((u) => ({
          traceUnitId: u.trace_unit_id,
          code: u.code,
          itemId: u.item_id,
          quantity: u.quantity === null ? null : normalizeDecimal(u.quantity),
        }));
    return {
      id: a.id,
      type: a.type,
      occurredAt: a.occurred_at.toISOString(),
      actorName: a.actor_name,
      locationId: a.location_id,
      reason: a.reason,
      source: a.source_type && a.source_id ? { type: a.source_type, id: a.source_id } : null,
      inputs: view('input'),
      outputs: view('output'),
      units: view('object'),
    };
  });
}

export async function getLotDetail(db: Executor, id: string): Promise<LotDetail> {
  const row = await repo.findTraceUnit(db, id);
  if (!row) throw new DomainError('LOT_NOT_FOUND', { lotId: id });
  const refs = new Refs(db);
  const balances = await repo.balancesOf(db, [id]);
  const quantitiesByLocation = [];
  for (const b of balances) {
    const location = await refs.location(b.location_id);
    quantitiesByLocation.push({
      locationId: b.location_id,
      locationCode: location.code,
      locationPath: location.path,
      locationKind: location.kind,
      quantity: normalizeDecimal(b.quantity),
    });
  }
  const totals = await repo.totalsOf(db, [id]);
  const base = await toLotListItem(refs, row, totals.get(id) ?? '0');
  const history = await repo.statusChangesOf(db, id);
  const signatures = (await signaturesOf(db, TRACE_UNIT_RECORD, [id])).get(id) ?? [];
  const byId = new Map(signatures.map((s) => [s.id, s]));
  const genealogy = await repo.genealogyOf(db, id);
  const link = (g: (typeof genealogy.parents)[number]) => ({
    traceUnitId: g.id,
    code: g.code,
    kind: g.kind,
    itemId: g.item_id,
    qualityStatus: g.quality_status,
    quantity: g.quantity === null ? null : normalizeDecimal(g.quantity),
    activityId: g.activity_id,
    activityType: g.activity_type,
    occurredAt: g.occurred_at.toISOString(),
  });
  return {
    ...base,
    quantitiesByLocation,
    statusHistory: history.map((h) => ({
      id: h.id,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      reason: h.reason,
      activityId: h.activity_id,
      changedBy: h.changed_by,
      changedAt: h.changed_at.toISOString(),
      signature: h.signature_id ? (byId.get(h.signature_id) ?? null) : null,
    })),
    activities: toActivities(await repo.activitiesOf(db, id)),
    genealogy: { parents: genealogy.parents.map(link), children: genealogy.children.map(link) },
    signatures,
  };
}

/** The platform setting lots.expiry_warning_days (default 30). */
export async function expiryWarningDays(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('platform_settings')
    .select('value')
    .where('key', '=', 'lots.expiry_warning_days')
    .executeTakeFirst();
  const value = row?.value;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? value
    : EXPIRY_WARNING_DAYS_DEFAULT;
}

/**
 * Lots still in use (quarantined, released, on hold) whose expiry falls within
 * `days` from today, or has passed without the expiry job having run yet.
 */
export async function listExpiringLots(
  db: Executor,
  options: { days?: number; on?: string },
): Promise<{ days: number; items: LotListItem[] }> {
  const days = options.days ?? (await expiryWarningDays(db));
  const on = options.on ?? today();
  const rows = await db
    .selectFrom('trace_units')
    .selectAll()
    .where('quality_status', 'in', ['quarantined', 'released', 'on_hold'])
    .where('expires_on', 'is not', null)
    .where('expires_on', '<=', sql<string>`${on}::date + ${days}::int`)
    .orderBy('expires_on')
    .orderBy('code')
    .limit(1000)
    .execute();
  return { days, items: await toListItems(db, rows) };
}

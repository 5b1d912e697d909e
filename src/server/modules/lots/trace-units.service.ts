// Trace units: receiving one, reading it, and the shared pieces of every write
// (activities, references, the gate that decides whether a lot may be used).
import { v7 as uuidv7 } from 'uuid';
import { calendarDateOf } from '../../../shared/calendar-date.ts';
import type { ActivityType, QualityStatus, TraceUnitKind } from '../../../shared/lots.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { nextCode } from '../../platform/numbering.ts';
import { getItem } from '../items/index.ts';
import { assertLocationActive } from '../plant/index.ts';
import type { ActivityUnitRole } from './lots.tables.ts';
import * as repo from './lots.repository.ts';
import { addDecimals, compareDecimal, normalizeDecimal } from '../../../shared/decimal.ts';

export interface TraceUnitRef {
  id: string;
  kind: TraceUnitKind;
  code: string;
  itemId: string;
  unit: string;
  qualityStatus: QualityStatus;
  expiresOn: string | null;
  manufacturedOn: string | null;
  supplierId: string | null;
  supplierLot: string | null;
}

export interface Source {
  type: string;
  id: string;
}

export const TRACE_UNIT_RECORD = 'trace_unit';

export function toTraceUnitRef(row: repo.TraceUnitRow): TraceUnitRef {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    itemId: row.item_id,
    unit: row.unit,
    qualityStatus: row.quality_status,
    expiresOn: row.expires_on,
    manufacturedOn: row.manufactured_on,
    supplierId: row.supplier_id,
    supplierLot: row.supplier_lot,
  };
}

/** Today's calendar date (UTC): the day expiry is judged on. */
export function today(): string {
  return calendarDateOf(new Date());
}

export function actorName(actor: Actor): string {
  return actor.kind === 'system' ? actor.name : actor.fullName;
}

/**
 * What a signature on a trace unit covers: its identity and dates, which never
 * change. The meaning (released, rejected, …) and the status history row that
 * names the signature say what was decided.
 */
export function traceUnitSignedContent(row: repo.TraceUnitRow) {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    itemId: row.item_id,
    unit: row.unit,
    quantity: normalizeDecimal(row.quantity),
    manufacturedOn: row.manufactured_on,
    expiresOn: row.expires_on,
    supplierId: row.supplier_id,
    supplierLot: row.supplier_lot,
  };
}

export async function traceUnitSignable(db: Executor, id: string): Promise<unknown> {
  const row = await repo.findTraceUnit(db, id);
  return row ? traceUnitSignedContent(row) : undefined;
}

/** The lot or NOT LOT_NOT_FOUND. */
export async function requireTraceUnit(db: Executor, id: string): Promise<repo.TraceUnitRow> {
  const row = await repo.findTraceUnit(db, id);
  if (!row) throw new DomainError('LOT_NOT_FOUND', { lotId: id });
  return row;
}

/** Locks the lots (in id order) and refuses an unknown id. */
export async function lockTraceUnitsOrFail(
  trx: Trx,
  ids: string[],
  mode: 'update' | 'share' = 'update',
): Promise<Map<string, repo.TraceUnitRow>> {
  const rows = await repo.lockTraceUnits(trx, ids, mode);
  for (const id of ids) if (!rows.has(id)) throw new DomainError('LOT_NOT_FOUND', { lotId: id });
  return rows;
}

export async function getTraceUnit(db: Executor, id: string): Promise<TraceUnitRef | undefined> {
  const row = await repo.findTraceUnit(db, id);
  return row ? toTraceUnitRef(row) : undefined;
}

/** Total on hand across locations, and per location (only where there is stock). */
export async function traceUnitStock(
  db: Executor,
  id: string,
): Promise<{ total: string; byLocation: { locationId: string; quantity: string }[] }> {
  const rows = await repo.balancesOf(db, [id]);
  const byLocation = rows.map((r) => ({
    locationId: r.location_id,
    quantity: normalizeDecimal(r.quantity),
  }));
  return { total: addDecimals('0', ...byLocation.map((b) => b.quantity)), byLocation };
}

/** Has the expiry date passed (the lot may be used up to and including its expiry day)? */
export function isPastExpiry(row: Pick<repo.TraceUnitRow, 'expires_on'>, on = today()): boolean {
  return row.expires_on !== null && row.expires_on < on;
}

/**
 * The gate: why this lot may not be issued, packed, shipped or moved into a
 * production or customer location, or null when it may (released, unexpired).
 */
export function usabilityProblem(
  row: Pick<repo.TraceUnitRow, 'quality_status' | 'expires_on'>,
  on = today(),
): 'LOT_NOT_RELEASED' | 'LOT_ON_HOLD' | 'LOT_EXPIRED' | 'LOT_RECALLED' | 'LOT_REJECTED' | null {
  switch (row.quality_status) {
    case 'recalled':
      return 'LOT_RECALLED';
    case 'rejected':
      return 'LOT_REJECTED';
    case 'expired':
      return 'LOT_EXPIRED';
    case 'on_hold':
      return 'LOT_ON_HOLD';
    case 'quarantined':
      return isPastExpiry(row, on) ? 'LOT_EXPIRED' : 'LOT_NOT_RELEASED';
    case 'released':
      return isPastExpiry(row, on) ? 'LOT_EXPIRED' : null;
  }
}

export function assertUsable(row: repo.TraceUnitRow): void {
  const problem = usabilityProblem(row);
  if (problem) {
    throw new DomainError(problem, {
      lotId: row.id,
      code: row.code,
      qualityStatus: row.quality_status,
      expiresOn: row.expires_on,
    });
  }
}

/** For other modules (work orders, shipping): locks the lot (shared) and refuses one that may not be used. */
export async function assertTraceUnitUsable(trx: Trx, id: string): Promise<TraceUnitRef> {
  const row = (await lockTraceUnitsOrFail(trx, [id], 'share')).get(id);
  if (!row) throw new DomainError('LOT_NOT_FOUND', { lotId: id });
  assertUsable(row);
  return toTraceUnitRef(row);
}

export interface ActivityInput {
  type: ActivityType;
  locationId?: string | null;
  reason?: string | null;
  source?: Source | null;
  units: { traceUnitId: string; role: ActivityUnitRole; quantity?: string | null }[];
}

/** Records the event (EPCIS-like): what happened, who, where, why, to which units. */
export async function recordActivity(
  trx: Trx,
  actor: Actor,
  input: ActivityInput,
): Promise<string> {
  const id = uuidv7();
  await repo.insertActivity(
    trx,
    {
      id,
      type: input.type,
      actor_id: actor.kind === 'user' ? actor.userId : null,
      actor_name: actorName(actor),
      location_id: input.locationId ?? null,
      reason: input.reason ?? null,
      source_type: input.source?.type ?? null,
      source_id: input.source?.id ?? null,
    },
    input.units.map((u) => ({
      trace_unit_id: u.traceUnitId,
      role: u.role,
      quantity: u.quantity ?? null,
    })),
  );
  return id;
}

/** A new lot's code: LOT-YYMMDD-NNNN, gapless per day. */
export async function nextLotCode(trx: Trx): Promise<string> {
  const day = today().replace(/-/g, '').slice(2);
  return nextCode(trx, `lot-${day}`, `LOT-${day}-`, 4);
}

export interface ReceiveTraceUnitInput {
  itemId: string;
  kind?: 'lot' | 'serial';
  code?: string;
  quantity: string;
  unit: string;
  manufacturedOn?: string | null;
  expiresOn?: string | null;
  supplierId: string;
  supplierLot?: string | null;
  locationId: string;
  source: Source;
  reason?: string;
}

/**
 * Creates a lot (or one serial) in `quarantined` with a `receive` activity and a
 * `receipt` movement into locationId; audited (trace_unit.created).
 */
export async function receiveTraceUnit(
  trx: Trx,
  actor: Actor,
  input: ReceiveTraceUnitInput,
): Promise<TraceUnitRef> {
  const item = await getItem(trx, input.itemId);
  await assertLocationActive(trx, input.locationId);
  const kind = input.kind ?? (item.tracking === 'serial' ? 'serial' : 'lot');
  const quantity = normalizeDecimal(input.quantity);
  if (compareDecimal(quantity, '0') <= 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      { field: 'quantity' },
      'The quantity must be positive',
    );
  }
  if (kind === 'serial' && quantity !== '1')
    throw new DomainError('LOT_SERIAL_QUANTITY', { quantity });
  if (input.unit !== item.uom) {
    throw new DomainError('LOT_UNIT_MISMATCH', { unit: input.unit, itemUnit: item.uom });
  }
  if (input.manufacturedOn && input.expiresOn && input.expiresOn < input.manufacturedOn) {
    throw new DomainError('LOT_DATES_INVALID', {
      manufacturedOn: input.manufacturedOn,
      expiresOn: input.expiresOn,
    });
  }
  const code = input.code?.trim() || (await nextLotCode(trx));
  if (await repo.codeTaken(trx, item.id, code)) {
    throw new DomainError('LOT_CODE_TAKEN', { code, itemId: item.id });
  }
  const row = await repo.insertTraceUnit(trx, {
    id: uuidv7(),
    kind,
    code,
    item_id: item.id,
    unit: item.uom,
    quantity,
    manufactured_on: input.manufacturedOn ?? null,
    expires_on: input.expiresOn ?? null,
    supplier_id: input.supplierId,
    supplier_lot: input.supplierLot?.trim() || null,
    source_type: input.source.type,
    source_id: input.source.id,
    quality_status: 'quarantined',
    hold_reason: null,
    created_by: actorName(actor),
  });
  await createStockAt(trx, actor, {
    row,
    activityType: 'receive',
    movementType: 'receipt',
    locationId: input.locationId,
    quantity,
    reason: input.reason ?? 'Received',
    source: input.source,
  });
  const ref = toTraceUnitRef(row);
  await recordAudit(trx, actor, {
    action: 'trace_unit.created',
    entityType: TRACE_UNIT_RECORD,
    entityId: row.id,
    after: { ...ref, quantity, locationId: input.locationId, source: input.source },
    reason: input.reason ?? null,
  });
  return ref;
}

/**
 * The first stock of a new unit (receipt, split or merge output): its activity
 * (unless one is given), status history entry and movement. No audit: the caller audits.
 */
export async function createStockAt(
  trx: Trx,
  actor: Actor,
  input: {
    row: repo.TraceUnitRow;
    activityType: ActivityType;
    movementType: 'receipt' | 'split' | 'merge';
    locationId: string;
    quantity: string;
    reason: string;
    source?: Source | null;
    activityId?: string;
  },
): Promise<string> {
  const activityId =
    input.activityId ??
    (await recordActivity(trx, actor, {
      type: input.activityType,
      locationId: input.locationId,
      reason: input.reason,
      source: input.source,
      units: [{ traceUnitId: input.row.id, role: 'output', quantity: input.quantity }],
    }));
  await repo.insertStatusChange(trx, {
    id: uuidv7(),
    trace_unit_id: input.row.id,
    from_status: null,
    to_status: input.row.quality_status,
    reason: input.reason,
    activity_id: activityId,
    signature_id: null,
    changed_by: actorName(actor),
  });
  await repo.lockBalances(trx, [{ traceUnitId: input.row.id, locationId: input.locationId }]);
  await repo.setBalance(trx, input.row.id, input.locationId, input.quantity);
  await repo.insertMovement(trx, {
    id: uuidv7(),
    type: input.movementType,
    trace_unit_id: input.row.id,
    from_location_id: null,
    to_location_id: input.locationId,
    quantity: input.quantity,
    reason: input.reason,
    reverses_movement_id: null,
    source_type: input.source?.type ?? null,
    source_id: input.source?.id ?? null,
    activity_id: activityId,
    created_by: actorName(actor),
  });
  return activityId;
}

// Split and merge: new trace units made from others, with genealogy edges
// (parent → child) that trace queries walk. Same item, same quality status.
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { assertLocationActive } from '../plant/index.ts';
import { checkDecisionGuards } from './decision-guards.ts';
import * as repo from './lots.repository.ts';
import {
  addDecimals,
  compareDecimal,
  normalizeDecimal,
  subtractDecimal,
} from '../../../shared/decimal.ts';
import {
  actorName,
  createStockAt,
  lockTraceUnitsOrFail,
  nextLotCode,
  recordActivity,
  type Source,
  toTraceUnitRef,
  TRACE_UNIT_RECORD,
  type TraceUnitRef,
} from './trace-units.service.ts';

async function takeFrom(
  trx: Trx,
  actor: Actor,
  input: {
    unit: repo.TraceUnitRow;
    locationId: string;
    quantity: string;
    available: string;
    type: 'split' | 'merge';
    reason: string;
    source: Source | null;
    activityId: string;
  },
): Promise<void> {
  const left = subtractDecimal(input.available, input.quantity);
  if (compareDecimal(left, '0') < 0) {
    throw new DomainError('STOCK_INSUFFICIENT', {
      lotId: input.unit.id,
      code: input.unit.code,
      locationId: input.locationId,
      available: normalizeDecimal(input.available),
      requested: input.quantity,
    });
  }
  await repo.setBalance(trx, input.unit.id, input.locationId, left);
  await repo.insertMovement(trx, {
    id: uuidv7(),
    type: input.type,
    trace_unit_id: input.unit.id,
    from_location_id: input.locationId,
    to_location_id: null,
    quantity: input.quantity,
    reason: input.reason,
    reverses_movement_id: null,
    source_type: input.source?.type ?? null,
    source_id: input.source?.id ?? null,
    activity_id: input.activityId,
    created_by: actorName(actor),
  });
}

/** New lots of the same item and status taken from the parent's stock at fromLocationId. */
export async function splitTraceUnit(
  trx: Trx,
  actor: Actor,
  input: {
    traceUnitId: string;
    fromLocationId: string;
    parts: { quantity: string }[];
    reason: string;
    source?: Source;
  },
): Promise<TraceUnitRef[]> {
  await assertLocationActive(trx, input.fromLocationId);
  const parent = (await lockTraceUnitsOrFail(trx, [input.traceUnitId])).get(input.traceUnitId);
  if (!parent) throw new DomainError('LOT_NOT_FOUND', { lotId: input.traceUnitId });
  if (parent.kind === 'serial')
    throw new DomainError('LOT_SERIAL_INDIVISIBLE', { lotId: parent.id });
  await checkDecisionGuards(trx, [parent.id], 'split', input.source);
  const parts = input.parts.map((p) => normalizeDecimal(p.quantity));
  if (parts.length === 0 || parts.some((q) => compareDecimal(q, '0') <= 0)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      { field: 'parts' },
      'Each part needs a positive quantity',
    );
  }
  const total = addDecimals(...parts);
  const balances = await repo.lockBalances(trx, [
    { traceUnitId: parent.id, locationId: input.fromLocationId },
  ]);
  const available = balances.get(repo.balanceKey(parent.id, input.fromLocationId))?.quantity ?? '0';
  const source = input.source ?? null;

  const existing = (await repo.genealogyOf(trx, parent.id)).children.length;
  const children: repo.TraceUnitRow[] = [];
  for (const [index] of parts.entries()) {
    const code = `${parent.code}.${existing + index + 1}`;
    if (await repo.codeTaken(trx, parent.item_id, code)) {
      throw new DomainError('LOT_CODE_TAKEN', { code, itemId: parent.item_id });
    }
    children.push(
      await repo.insertTraceUnit(trx, {
        id: uuidv7(),
        kind: 'lot',
        code,
        item_id: parent.item_id,
        unit: parent.unit,
        quantity: parts[index] ?? '0',
        manufactured_on: parent.manufactured_on,
        expires_on: parent.expires_on,
        supplier_id: parent.supplier_id,
        supplier_lot: parent.supplier_lot,
        source_type: 'split',
        source_id: parent.id,
        quality_status: parent.quality_status,
        hold_reason: parent.hold_reason,
        created_by: actorName(actor),
      }),
    );
  }
  const activityId = await recordActivity(trx, actor, {
    type: 'split',
    locationId: input.fromLocationId,
    reason: input.reason,
    source,
    units: [
      { traceUnitId: parent.id, role: 'input', quantity: total },
      ...children.map((c, i) => ({
        traceUnitId: c.id,
        role: 'output' as const,
        quantity: parts[i],
      })),
    ],
  });
  await takeFrom(trx, actor, {
    unit: parent,
    locationId: input.fromLocationId,
    quantity: total,
    available,
    type: 'split',
    reason: input.reason,
    source,
    activityId,
  });
  for (const [i, child] of children.entries()) {
    await createStockAt(trx, actor, {
      row: child,
      activityType: 'split',
      movementType: 'split',
      locationId: input.fromLocationId,
      quantity: parts[i] ?? '0',
      reason: input.reason,
      source,
      activityId,
    });
  }
  await repo.insertGenealogyEdges(
    trx,
    children.map((c, i) => ({
      parent_id: parent.id,
      child_id: c.id,
      activity_id: activityId,
      quantity: parts[i] ?? null,
    })),
  );
  const refs = children.map(toTraceUnitRef);
  await recordAudit(trx, actor, {
    action: 'trace_unit.split',
    entityType: TRACE_UNIT_RECORD,
    entityId: parent.id,
    after: {
      activityId,
      locationId: input.fromLocationId,
      children: refs.map((r, i) => ({ id: r.id, code: r.code, quantity: parts[i] })),
    },
    reason: input.reason,
  });
  for (const [i, ref] of refs.entries()) {
    await recordAudit(trx, actor, {
      action: 'trace_unit.created',
      entityType: TRACE_UNIT_RECORD,
      entityId: ref.id,
      after: {
        ...ref,
        quantity: parts[i],
        locationId: input.fromLocationId,
        source: { type: 'split', id: parent.id },
      },
      reason: input.reason,
    });
  }
  return refs;
}

function same<T>(values: T[]): T | null {
  const first = values[0];
  return first !== undefined && values.every((v) => v === first) ? first : null;
}

function earliest(dates: (string | null)[]): string | null {
  const known = dates.filter((d): d is string => d !== null).sort();
  return known[0] ?? null;
}

/** One new lot from several of the same item, unit and status at one location. */
export async function mergeTraceUnits(
  trx: Trx,
  actor: Actor,
  input: { locationId: string; sources: { lotId: string; quantity: string }[]; reason: string },
): Promise<TraceUnitRef> {
  await assertLocationActive(trx, input.locationId);
  const ids = input.sources.map((s) => s.lotId);
  if (new Set(ids).size !== ids.length) throw new DomainError('LOT_MERGE_DUPLICATE', {});
  const rows = await lockTraceUnitsOrFail(trx, ids);
  const units = ids.map((id) => rows.get(id) as repo.TraceUnitRow);
  if (units.some((u) => u.kind === 'serial')) throw new DomainError('LOT_SERIAL_INDIVISIBLE', {});
  await checkDecisionGuards(trx, ids, 'merge', null);
  const item = same(units.map((u) => u.item_id));
  const unitOfMeasure = same(units.map((u) => u.unit));
  const status = same(units.map((u) => u.quality_status));
  if (!item || !unitOfMeasure || !status) {
    throw new DomainError('LOT_MERGE_MISMATCH', {
      lots: units.map((u) => ({
        code: u.code,
        itemId: u.item_id,
        qualityStatus: u.quality_status,
      })),
    });
  }
  const quantities = input.sources.map((s) => normalizeDecimal(s.quantity));
  const balances = await repo.lockBalances(
    trx,
    ids.map((id) => ({ traceUnitId: id, locationId: input.locationId })),
  );
  const code = await nextLotCode(trx);
  const total = addDecimals(...quantities);
  const supplier = same(units.map((u) => u.supplier_id));
  const merged = await repo.insertTraceUnit(trx, {
    id: uuidv7(),
    kind: 'lot',
    code,
    item_id: item,
    unit: unitOfMeasure,
    quantity: total,
    manufactured_on: earliest(units.map((u) => u.manufactured_on)),
    expires_on: earliest(units.map((u) => u.expires_on)),
    supplier_id: supplier,
    supplier_lot: supplier ? same(units.map((u) => u.supplier_lot)) : null,
    source_type: 'merge',
    source_id: ids[0] ?? null,
    quality_status: status,
    hold_reason: same(units.map((u) => u.hold_reason)),
    created_by: actorName(actor),
  });
  const activityId = await recordActivity(trx, actor, {
    type: 'merge',
    locationId: input.locationId,
    reason: input.reason,
    units: [
      ...units.map((u, i) => ({
        traceUnitId: u.id,
        role: 'input' as const,
        quantity: quantities[i],
      })),
      { traceUnitId: merged.id, role: 'output', quantity: total },
    ],
  });
  for (const [i, u] of units.entries()) {
    await takeFrom(trx, actor, {
      unit: u,
      locationId: input.locationId,
      quantity: quantities[i] ?? '0',
      available: balances.get(repo.balanceKey(u.id, input.locationId))?.quantity ?? '0',
      type: 'merge',
      reason: input.reason,
      source: null,
      activityId,
    });
  }
  await createStockAt(trx, actor, {
    row: merged,
    activityType: 'merge',
    movementType: 'merge',
    locationId: input.locationId,
    quantity: total,
    reason: input.reason,
    activityId,
  });
  await repo.insertGenealogyEdges(
    trx,
    units.map((u, i) => ({
      parent_id: u.id,
      child_id: merged.id,
      activity_id: activityId,
      quantity: quantities[i] ?? null,
    })),
  );
  const ref = toTraceUnitRef(merged);
  await recordAudit(trx, actor, {
    action: 'trace_unit.merged',
    entityType: TRACE_UNIT_RECORD,
    entityId: merged.id,
    after: {
      ...ref,
      quantity: total,
      locationId: input.locationId,
      activityId,
      sources: units.map((u, i) => ({ id: u.id, code: u.code, quantity: quantities[i] })),
    },
    reason: input.reason,
  });
  return ref;
}

// The stock ledger: append-only movements and the balances per trace unit and
// location they keep, in the same transaction, under row locks, never negative.
// Lock order for every writer: trace units (id order), then balances
// ((trace unit, location) order), then the first audit entry.
import { v7 as uuidv7 } from 'uuid';
import {
  GATED_LOCATION_KINDS,
  REVERSIBLE_MOVEMENT_TYPES,
  type ActivityType,
  type AdjustmentInput,
  type MovementType,
  type ScrapInput,
  type TransferInput,
} from '../../../shared/lots.contract.ts';
import type { Location } from '../../../shared/plant.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { assertLocationActive, getLocation } from '../plant/index.ts';
import * as repo from './lots.repository.ts';
import {
  addDecimals,
  compareDecimal,
  isNegativeDecimal,
  normalizeDecimal,
  subtractDecimal,
} from '../../../shared/decimal.ts';
import {
  actorName,
  assertUsable,
  lockTraceUnitsOrFail,
  recordActivity,
  type Source,
  TRACE_UNIT_RECORD,
} from './trace-units.service.ts';

const ACTIVITY_OF: Record<MovementType, ActivityType> = {
  receipt: 'receive',
  transfer: 'transfer',
  issue: 'issue',
  adjustment: 'adjust',
  scrap: 'scrap',
  return_to_supplier: 'return',
  split: 'split',
  merge: 'merge',
};

export interface MovementSpec {
  type: MovementType;
  traceUnitId: string;
  fromLocationId: string | null;
  toLocationId: string | null;
  quantity: string;
  reason: string;
  reversesMovementId?: string | null;
  source?: Source | null;
  /** Refuse unless the lot may be used (released, unexpired): issues. */
  gated?: boolean;
}

async function locationOf(trx: Trx, id: string, asDestination: boolean): Promise<Location> {
  return asDestination ? assertLocationActive(trx, id) : getLocation(trx, id);
}

function isGatedKind(location: Location): boolean {
  return (GATED_LOCATION_KINDS as readonly string[]).includes(location.kind);
}

/**
 * Records one movement: locks, checks (gate, stock), updates the balances,
 * writes the activity, the movement and the audit entry. Returns the movement id.
 */
export async function moveStock(trx: Trx, actor: Actor, spec: MovementSpec): Promise<string> {
  const quantity = normalizeDecimal(spec.quantity);
  if (compareDecimal(quantity, '0') <= 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      { field: 'quantity' },
      'The quantity must be positive',
    );
  }
  if (spec.fromLocationId && spec.fromLocationId === spec.toLocationId) {
    throw new DomainError('STOCK_SAME_LOCATION', { locationId: spec.fromLocationId });
  }
  const from = spec.fromLocationId ? await locationOf(trx, spec.fromLocationId, false) : null;
  const to = spec.toLocationId ? await locationOf(trx, spec.toLocationId, true) : null;

  // Stock that appears (found, a reversal) locks the unit exclusively: a serial
  // must never be on hand twice, even with two such requests at once.
  const adds = to !== null && from === null;
  const unit = (await lockTraceUnitsOrFail(trx, [spec.traceUnitId], adds ? 'update' : 'share')).get(
    spec.traceUnitId,
  );
  if (!unit) throw new DomainError('LOT_NOT_FOUND', { lotId: spec.traceUnitId });
  if (unit.kind === 'serial' && quantity !== '1') {
    throw new DomainError('LOT_SERIAL_QUANTITY', { quantity });
  }
  if (unit.kind === 'serial' && adds) {
    const onHand = (await repo.balancesOf(trx, [unit.id])).reduce(
      (sum, b) => addDecimals(sum, b.quantity),
      '0',
    );
    if (compareDecimal(onHand, '0') > 0)
      throw new DomainError('LOT_SERIAL_QUANTITY', { quantity, onHand: normalizeDecimal(onHand) });
  }
  // Nothing reaches a production or shipping location unless it may be used,
  // however it gets there; only undoing an issue puts back what was taken out.
  const returnsIssued = spec.type === 'issue' && Boolean(spec.reversesMovementId);
  if (spec.gated || (to && isGatedKind(to) && !returnsIssued)) assertUsable(unit);

  const keys = [from, to]
    .filter((l): l is Location => l !== null)
    .map((l) => ({ traceUnitId: unit.id, locationId: l.id }));
  const balances = await repo.lockBalances(trx, keys);
  const balance = (l: Location) => balances.get(repo.balanceKey(unit.id, l.id))?.quantity ?? '0';

  if (from) {
    const left = subtractDecimal(balance(from), quantity);
    if (isNegativeDecimal(left)) {
      throw new DomainError('STOCK_INSUFFICIENT', {
        lotId: unit.id,
        code: unit.code,
        locationId: from.id,
        locationCode: from.code,
        available: normalizeDecimal(balance(from)),
        requested: quantity,
      });
    }
    await repo.setBalance(trx, unit.id, from.id, left);
  }
  if (to) await repo.setBalance(trx, unit.id, to.id, addDecimals(balance(to), quantity));

  const activityId = await recordActivity(trx, actor, {
    type: spec.reversesMovementId ? 'reverse' : ACTIVITY_OF[spec.type],
    locationId: to?.id ?? from?.id ?? null,
    reason: spec.reason,
    source: spec.source ?? null,
    units: [{ traceUnitId: unit.id, role: 'object', quantity }],
  });
  const movement = await repo.insertMovement(trx, {
    id: uuidv7(),
    type: spec.type,
    trace_unit_id: unit.id,
    from_location_id: from?.id ?? null,
    to_location_id: to?.id ?? null,
    quantity,
    reason: spec.reason,
    reverses_movement_id: spec.reversesMovementId ?? null,
    source_type: spec.source?.type ?? null,
    source_id: spec.source?.id ?? null,
    activity_id: activityId,
    created_by: actorName(actor),
  });
  await recordAudit(trx, actor, {
    action: spec.reversesMovementId ? 'trace_unit.stock_reversed' : 'trace_unit.stock_moved',
    entityType: TRACE_UNIT_RECORD,
    entityId: unit.id,
    after: {
      movementId: movement.id,
      type: spec.type,
      fromLocationId: from?.id ?? null,
      toLocationId: to?.id ?? null,
      quantity,
      reversesMovementId: spec.reversesMovementId ?? null,
    },
    reason: spec.reason,
  });
  return movement.id;
}

export async function transferStock(trx: Trx, actor: Actor, input: TransferInput): Promise<string> {
  return moveStock(trx, actor, {
    type: 'transfer',
    traceUnitId: input.lotId,
    fromLocationId: input.fromLocationId,
    toLocationId: input.toLocationId,
    quantity: input.quantity,
    reason: input.reason ?? 'Transfer',
  });
}

/** + adds stock at the location (found), - removes it (lost, counted short). */
export async function adjustStock(trx: Trx, actor: Actor, input: AdjustmentInput): Promise<string> {
  const negative = input.quantity.trim().startsWith('-');
  return moveStock(trx, actor, {
    type: 'adjustment',
    traceUnitId: input.lotId,
    fromLocationId: negative ? input.locationId : null,
    toLocationId: negative ? null : input.locationId,
    quantity: input.quantity.trim().replace(/^[-+]/, ''),
    reason: input.reason,
  });
}

export async function scrapStock(trx: Trx, actor: Actor, input: ScrapInput): Promise<string> {
  return moveStock(trx, actor, {
    type: 'scrap',
    traceUnitId: input.lotId,
    fromLocationId: input.locationId,
    toLocationId: null,
    quantity: input.quantity,
    reason: input.reason,
  });
}

/** For work orders: takes released, unexpired stock out of a location into use. */
export async function issueTraceUnit(
  trx: Trx,
  actor: Actor,
  input: {
    traceUnitId: string;
    locationId: string;
    quantity: string;
    reason: string;
    source?: Source;
  },
): Promise<string> {
  return moveStock(trx, actor, {
    type: 'issue',
    traceUnitId: input.traceUnitId,
    fromLocationId: input.locationId,
    toLocationId: null,
    quantity: input.quantity,
    reason: input.reason,
    source: input.source ?? null,
    gated: true,
  });
}

/** A `return_to_supplier` movement out of locationId. */
export async function returnTraceUnitToSupplier(
  trx: Trx,
  actor: Actor,
  input: {
    traceUnitId: string;
    locationId: string;
    quantity: string;
    reason: string;
    source: Source;
  },
): Promise<void> {
  await moveStock(trx, actor, {
    type: 'return_to_supplier',
    traceUnitId: input.traceUnitId,
    fromLocationId: input.locationId,
    toLocationId: null,
    quantity: input.quantity,
    reason: input.reason,
    source: input.source,
  });
}

/** A correction: the opposite movement, naming the one it reverses (each at most once). */
export async function reverseMovement(
  trx: Trx,
  actor: Actor,
  input: { movementId: string; reason: string },
): Promise<string> {
  const original = await repo.findMovement(trx, input.movementId);
  if (!original)
    throw new DomainError('NOT_FOUND', { entity: 'stock_movement', id: input.movementId });
  if (
    original.reverses_movement_id !== null ||
    !(REVERSIBLE_MOVEMENT_TYPES as readonly string[]).includes(original.type)
  ) {
    throw new DomainError('STOCK_MOVEMENT_NOT_REVERSIBLE', {
      movementId: original.id,
      type: original.type,
    });
  }
  if (await repo.reversalOf(trx, original.id)) {
    throw new DomainError('STOCK_MOVEMENT_ALREADY_REVERSED', { movementId: original.id });
  }
  return moveStock(trx, actor, {
    type: original.type,
    traceUnitId: original.trace_unit_id,
    fromLocationId: original.to_location_id,
    toLocationId: original.from_location_id,
    quantity: original.quantity,
    reason: input.reason,
    reversesMovementId: original.id,
    source: { type: 'stock_movement', id: original.id },
  });
}

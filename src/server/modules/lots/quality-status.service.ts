// Quality status transitions (DESIGN.md): quarantined → released | rejected;
// released ↔ on_hold; any → recalled; time → expired. Each one is an activity,
// a status history row and an audit entry; release, lifting a hold, rejection
// and recall are signed.
import { v7 as uuidv7 } from 'uuid';
import type {
  ActivityType,
  BulkHoldInput,
  BulkHoldResult,
  QualityStatus,
} from '../../../shared/lots.contract.ts';
import type { SignatureMeaning } from '../../../shared/signatures.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { signRecord, type VerifiedSigner } from '../../platform/signatures/signatures.service.ts';
import { checkDecisionGuards } from './decision-guards.ts';
import * as repo from './lots.repository.ts';
import {
  actorName,
  isPastExpiry,
  lockTraceUnitsOrFail,
  recordActivity,
  type Source,
  toTraceUnitRef,
  TRACE_UNIT_RECORD,
  traceUnitSignedContent,
  type TraceUnitRef,
} from './trace-units.service.ts';

interface Transition {
  from: readonly QualityStatus[];
  to: QualityStatus;
  activity: ActivityType;
  audit: string;
  /** Signature meanings accepted by default; none: not signed. */
  meanings: readonly SignatureMeaning[] | null;
}

const ANY_BUT_RECALLED: readonly QualityStatus[] = [
  'quarantined',
  'released',
  'rejected',
  'on_hold',
  'expired',
];

export const TRANSITIONS = {
  release: {
    from: ['quarantined'],
    to: 'released',
    activity: 'release',
    audit: 'trace_unit.released',
    meanings: ['released'],
  },
  reject: {
    from: ['quarantined', 'on_hold'],
    to: 'rejected',
    activity: 'reject',
    audit: 'trace_unit.rejected',
    meanings: ['rejected'],
  },
  hold: {
    from: ['released'],
    to: 'on_hold',
    activity: 'hold',
    audit: 'trace_unit.held',
    meanings: null,
  },
  releaseHold: {
    from: ['on_hold'],
    to: 'released',
    activity: 'release_hold',
    audit: 'trace_unit.hold_released',
    meanings: ['released'],
  },
  recall: {
    from: ANY_BUT_RECALLED,
    to: 'recalled',
    activity: 'recall',
    audit: 'trace_unit.recalled',
    // A recall is a decision, never a release: 'approved' only.
    meanings: ['approved'],
  },
  expire: {
    from: ['quarantined', 'released', 'on_hold'],
    to: 'expired',
    activity: 'expire',
    audit: 'trace_unit.expired',
    meanings: null,
  },
} as const satisfies Record<string, Transition>;
export type TransitionName = keyof typeof TRANSITIONS;

interface ApplyInput {
  reason?: string | null;
  signer?: VerifiedSigner;
  allowedMeanings?: readonly SignatureMeaning[];
  source?: Source | null;
}

/**
 * Applies a transition to a lot already locked FOR UPDATE by the caller (all
 * row locks come before the first audit entry of the transaction).
 */
export async function applyTransition(
  trx: Trx,
  actor: Actor,
  row: repo.TraceUnitRow,
  name: TransitionName,
  input: ApplyInput,
): Promise<repo.TraceUnitRow> {
  const t: Transition = TRANSITIONS[name];
  if (!t.from.includes(row.quality_status)) {
    throw new DomainError('LOT_STATUS_TRANSITION', {
      lotId: row.id,
      code: row.code,
      from: row.quality_status,
      to: t.to,
    });
  }
  // Releasing material whose date has passed would put expired stock into use.
  if (t.to === 'released' && isPastExpiry(row)) {
    throw new DomainError('LOT_EXPIRED', {
      lotId: row.id,
      code: row.code,
      expiresOn: row.expires_on,
    });
  }
  if (t.meanings && !input.signer) {
    throw new DomainError('SIGNATURE_REQUIRED', {}, 'This action needs an electronic signature');
  }
  if (name === 'release' || name === 'reject') {
    await checkDecisionGuards(trx, [row.id], name, input.source);
  }
  const updated = await repo.setQualityStatus(
    trx,
    row.id,
    t.to,
    t.to === 'on_hold' ? (input.reason ?? null) : null,
  );
  const activityId = await recordActivity(trx, actor, {
    type: t.activity,
    reason: input.reason ?? null,
    source: input.source ?? null,
    units: [{ traceUnitId: row.id, role: 'object' }],
  });
  const signature =
    t.meanings && input.signer
      ? await signRecord(trx, input.signer, {
          type: TRACE_UNIT_RECORD,
          id: row.id,
          content: traceUnitSignedContent(updated),
          allowedMeanings: input.allowedMeanings ?? t.meanings,
        })
      : null;
  await repo.insertStatusChange(trx, {
    id: uuidv7(),
    trace_unit_id: row.id,
    from_status: row.quality_status,
    to_status: t.to,
    reason: input.reason ?? null,
    activity_id: activityId,
    signature_id: signature?.id ?? null,
    changed_by: actorName(actor),
  });
  await recordAudit(trx, actor, {
    action: t.audit,
    entityType: TRACE_UNIT_RECORD,
    entityId: row.id,
    before: { qualityStatus: row.quality_status },
    after: { qualityStatus: t.to, activityId, signatureId: signature?.id ?? null },
    reason: input.reason ?? null,
  });
  return updated;
}

/** Locks one lot and applies a transition to it. */
export async function transitionTraceUnit(
  trx: Trx,
  actor: Actor,
  traceUnitId: string,
  name: TransitionName,
  input: ApplyInput,
): Promise<TraceUnitRef> {
  const row = (await lockTraceUnitsOrFail(trx, [traceUnitId])).get(traceUnitId);
  if (!row) throw new DomainError('LOT_NOT_FOUND', { lotId: traceUnitId });
  return toTraceUnitRef(await applyTransition(trx, actor, row, name, input));
}

export interface SignedTransitionInput {
  traceUnitId: string;
  signer: VerifiedSigner;
  reason?: string;
  source?: Source;
  allowedMeanings?: SignatureMeaning[];
}

/** quarantined → released, signed (meaning 'released' unless allowedMeanings says otherwise). */
export async function releaseTraceUnit(
  trx: Trx,
  actor: Actor,
  input: SignedTransitionInput,
): Promise<TraceUnitRef> {
  return transitionTraceUnit(trx, actor, input.traceUnitId, 'release', input);
}

/** quarantined | on_hold → rejected, signed (meaning 'rejected' unless allowedMeanings says otherwise). */
export async function rejectTraceUnit(
  trx: Trx,
  actor: Actor,
  input: SignedTransitionInput & { reason: string },
): Promise<TraceUnitRef> {
  return transitionTraceUnit(trx, actor, input.traceUnitId, 'reject', input);
}

/** on_hold → released, signed. */
export async function liftTraceUnitHold(
  trx: Trx,
  actor: Actor,
  input: SignedTransitionInput,
): Promise<TraceUnitRef> {
  return transitionTraceUnit(trx, actor, input.traceUnitId, 'releaseHold', input);
}

/** any → recalled, signed (meaning approved). */
export async function recallTraceUnit(
  trx: Trx,
  actor: Actor,
  input: SignedTransitionInput & { reason: string },
): Promise<TraceUnitRef> {
  return transitionTraceUnit(trx, actor, input.traceUnitId, 'recall', input);
}

/** released → on_hold, with a reason. */
export async function holdTraceUnit(
  trx: Trx,
  actor: Actor,
  input: { traceUnitId: string; reason: string; source?: Source },
): Promise<TraceUnitRef> {
  return transitionTraceUnit(trx, actor, input.traceUnitId, 'hold', input);
}

/**
 * Puts every released lot of an item, a supplier or a supplier lot on hold in
 * one transaction; the others in scope are reported as skipped.
 */
export async function holdTraceUnitsInScope(
  trx: Trx,
  actor: Actor,
  input: BulkHoldInput,
): Promise<BulkHoldResult> {
  const ids = await repo.traceUnitIdsInScope(
    trx,
    input.scope === 'item'
      ? { itemId: input.itemId }
      : input.scope === 'supplier'
        ? { supplierId: input.supplierId }
        : { supplierId: input.supplierId, supplierLot: input.supplierLot },
  );
  const rows = await lockTraceUnitsOrFail(trx, ids);
  const result: BulkHoldResult = { held: [], skipped: [] };
  for (const row of [...rows.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    if (row.quality_status !== 'released') {
      result.skipped.push({ id: row.id, code: row.code, qualityStatus: row.quality_status });
      continue;
    }
    await applyTransition(trx, actor, row, 'hold', {
      reason: input.reason,
      source: {
        type: `hold_${input.scope}`,
        id: 'itemId' in input ? input.itemId : input.supplierId,
      },
    });
    result.held.push({ id: row.id, code: row.code, qualityStatus: 'on_hold' });
  }
  return result;
}

// The decision on an inspection, signed by QA, in one transaction with its
// effects on the lot:
//   accept  → the lot is released            (signature meaning: released)
//   reject  → the lot is rejected, NCR opened (meaning: rejected)
//   partial → the accepted quantity is split off into a new lot and released;
//             the inspected lot keeps the rest, is rejected, NCR opened (meaning: approved)
// The inspection record itself is signed with the same meaning.
import {
  DECISION_SIGNATURE_MEANINGS,
  type DecideInspectionInput,
  type Inspection,
} from '../../../shared/inspection.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import {
  deriveSigner,
  signRecord,
  type VerifiedSigner,
} from '../../platform/signatures/signatures.service.ts';
import {
  lockTraceUnits,
  rejectTraceUnit,
  releaseTraceUnit,
  splitTraceUnit,
  traceUnitStock,
} from '../lots/index.ts';
import { openNonconformance } from '../quality/index.ts';
import { addDecimals, compareDecimal, subtractDecimal } from '../../../shared/decimal.ts';
import * as repo from './inspections.repository.ts';
import {
  characteristicsWithCounts,
  getInspection,
  INSPECTION_RECORD,
  inspectionSignedContent,
  samplingStateFor,
} from './inspections.service.ts';
import { lockOpenInspection } from './results.service.ts';
import { personOf } from './refs.ts';
import { inspectionVerdict } from './sampling.ts';

const AUDIT_ACTIONS = { accept: 'accepted', reject: 'rejected', partial: 'partially_accepted' };

/**
 * The checks that need no signature, run before the signer re-enters the
 * password (so a refused decision does not count as a signature attempt) and
 * again inside the transaction.
 */
export async function precheckDecision(
  db: Executor,
  id: string,
  input: Omit<DecideInspectionInput, 'signature'>,
): Promise<repo.InspectionRow> {
  const row = await repo.findInspection(db, id);
  if (!row) throw new DomainError('INSPECTION_NOT_FOUND', { id });
  if (row.status !== 'open')
    throw new DomainError('INSPECTION_ALREADY_DECIDED', { inspectionId: id, code: row.code });
  if (input.decision !== 'accept' && !input.reason) {
    throw new DomainError(
      'INSPECTION_DECISION_INVALID',
      { field: 'reason', decision: input.decision },
      'A rejection or partial acceptance needs a reason',
    );
  }
  if (input.decision === 'partial' && !input.acceptedQuantity) {
    throw new DomainError(
      'INSPECTION_DECISION_INVALID',
      { field: 'acceptedQuantity' },
      'A partial acceptance needs the accepted quantity',
    );
  }
  if (input.decision === 'accept') {
    const characteristics = (await characteristicsWithCounts(db, [id])).get(id) ?? [];
    const verdict = inspectionVerdict(characteristics.map((c) => c.verdict));
    if (verdict === 'reject')
      throw new DomainError('INSPECTION_DECISION_CONTRADICTS_RESULTS', { inspectionId: id });
    if (verdict === 'pending') {
      const missing = characteristics
        .filter((c) => c.verdict === 'pending')
        .map((c) => ({ seq: c.seq, inspected: c.inspectedCount, sampleSize: c.sampleSize }));
      throw new DomainError('INSPECTION_RESULTS_INCOMPLETE', { inspectionId: id, missing });
    }
  }
  // Nothing is released from a supplier whose acceptance is discontinued, in whole or in part.
  if (
    input.decision !== 'reject' &&
    row.supplier_id &&
    (await samplingStateFor(db, row.supplier_id, row.item_id)).discontinued
  )
    throw new DomainError('INSPECTION_SAMPLING_DISCONTINUED', {
      supplierId: row.supplier_id,
      itemId: row.item_id,
    });
  return row;
}

/** The location holding the lot's stock to split from: the one with the most. */
function splitLocation(
  stock: { byLocation: { locationId: string; quantity: string }[] },
  accepted: string,
): string {
  const sorted = [...stock.byLocation].sort((a, b) => compareDecimal(b.quantity, a.quantity));
  const from = sorted[0];
  const fits =
    compareDecimal(accepted, '0') > 0 && from && compareDecimal(from.quantity, accepted) > 0;
  if (!from || !fits) {
    throw new DomainError(
      'INSPECTION_DECISION_INVALID',
      { field: 'acceptedQuantity', acceptedQuantity: accepted, onHand: from?.quantity ?? '0' },
      'The accepted quantity must be above zero and below the quantity of the lot at its location',
    );
  }
  return from.locationId;
}

export async function decideInspection(
  trx: Trx,
  actor: Actor,
  signer: VerifiedSigner,
  id: string,
  input: Omit<DecideInspectionInput, 'signature'>,
): Promise<Inspection> {
  await lockOpenInspection(trx, id);
  const row = await precheckDecision(trx, id, input);
  const meaning = DECISION_SIGNATURE_MEANINGS[input.decision];
  const allowedMeanings = [meaning];
  const source = { type: INSPECTION_RECORD, id };
  const reason = input.reason ?? `${row.code}: accepted`;
  // The units (the lot, or the serials received together) are locked before
  // their stock is read, so the quantities signed are the ones decided on.
  const unitIds = await repo.unitsOf(trx, id);
  await lockTraceUnits(trx, unitIds);
  const stocks = await Promise.all(unitIds.map((unitId) => traceUnitStock(trx, unitId)));
  const stock = {
    total: addDecimals('0', ...stocks.map((s) => s.total)),
    byLocation: stocks.flatMap((s) => s.byLocation),
  };

  let released: string[] = [];
  let rejected: string[] = [];
  let acceptedQuantity = '0';
  if (input.decision === 'partial' && unitIds.length > 1) {
    throw new DomainError(
      'INSPECTION_DECISION_INVALID',
      { field: 'decision', units: unitIds.length },
      'Serials received together are accepted or rejected together; reject the inspection and release good serials one by one',
    );
  }
  if (input.decision === 'accept') {
    for (const traceUnitId of unitIds) {
      await releaseTraceUnit(trx, actor, { traceUnitId, signer, reason, source, allowedMeanings });
    }
    released = unitIds;
    acceptedQuantity = stock.total;
  } else if (input.decision === 'reject') {
    for (const traceUnitId of unitIds) {
      await rejectTraceUnit(trx, actor, { traceUnitId, signer, reason, source, allowedMeanings });
    }
    rejected = unitIds;
  } else {
    acceptedQuantity = input.acceptedQuantity ?? '0';
    const fromLocationId = splitLocation(stock, acceptedQuantity);
    const [part] = await splitTraceUnit(trx, actor, {
      traceUnitId: row.trace_unit_id,
      fromLocationId,
      parts: [{ quantity: acceptedQuantity }],
      reason: `${row.code}: partial acceptance: ${reason}`,
      source,
    });
    if (!part) throw new Error('splitTraceUnit returned no part');
    // The signer approved the partial acceptance; each lot's signature says what it means for that lot.
    await releaseTraceUnit(trx, actor, {
      traceUnitId: part.id,
      signer: deriveSigner(signer, 'released'),
      reason,
      source,
    });
    await rejectTraceUnit(trx, actor, {
      traceUnitId: row.trace_unit_id,
      signer: deriveSigner(signer, 'rejected'),
      reason,
      source,
    });
    released = [part.id];
    rejected = [row.trace_unit_id];
  }

  const ncr = rejected.length
    ? await openNonconformance(trx, actor, {
        source: { ...source, code: row.code },
        traceUnitIds: rejected,
        itemId: row.item_id,
        supplierId: row.supplier_id,
        description: reason,
      })
    : null;

  const person = personOf(actor);
  await trx
    .updateTable('inspections')
    .set({
      status: 'decided',
      decision: input.decision,
      decision_reason: input.reason ?? null,
      accepted_quantity: acceptedQuantity,
      rejected_quantity: subtractDecimal(stock.total, acceptedQuantity),
      released_unit_ids: JSON.stringify(released),
      rejected_unit_ids: JSON.stringify(rejected),
      nonconformance_id: ncr?.id ?? null,
      decided_by_id: person.id,
      decided_by_name: person.name,
      decided_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();

  await signRecord(trx, signer, {
    type: INSPECTION_RECORD,
    id,
    content: await inspectionSignedContent(trx, id),
    allowedMeanings,
  });
  await recordAudit(trx, actor, {
    action: `inspection.${AUDIT_ACTIONS[input.decision]}`,
    entityType: INSPECTION_RECORD,
    entityId: id,
    before: { status: 'open' },
    after: {
      status: 'decided',
      decision: input.decision,
      reason: input.reason ?? null,
      acceptedQuantity,
      releasedLotIds: released,
      rejectedLotIds: rejected,
      nonconformance: ncr,
    },
    reason: input.reason ?? null,
  });
  return getInspection(trx, id);
}

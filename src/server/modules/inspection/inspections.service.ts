// Inspections of received lots: opened from the item's default plan with the
// sampling for the lot size and the supplier + item's switching state, results
// per characteristic and sample unit, and reading them back. The decision is in
// decision.service.ts.
import { v7 as uuidv7 } from 'uuid';
import type {
  Inspection,
  InspectionCharacteristic,
  InspectionListQuery,
  InspectionSummary,
  SwitchingState,
} from '../../../shared/inspection.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { nextCode } from '../../platform/numbering.ts';
import { signaturesOf } from '../../platform/signatures/signatures.service.ts';
import { getTraceUnit } from '../lots/index.ts';
import { normalizeDecimal } from '../../../shared/decimal.ts';
import * as repo from './inspections.repository.ts';
import { findDefaultPlan } from './plans.service.ts';
import { personOf, Refs } from './refs.ts';
import {
  characteristicVerdict,
  inspectionVerdict,
  lotSizeUnits,
  samplingPlan,
} from './sampling.ts';
import { switchingState, type SwitchingEvent } from './switching.ts';

export const INSPECTION_RECORD = 'inspection';

const dec = (v: string | null) => (v === null ? null : normalizeDecimal(v));
const ids = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);

// ---- reading ----

function toCharacteristic(
  c: repo.CharacteristicRow,
  counts?: repo.Counts,
): InspectionCharacteristic {
  const inspectedCount = counts?.inspected ?? 0;
  const nonconformingCount = counts?.nonconforming ?? 0;
  return {
    seq: c.seq,
    name: c.name,
    kind: c.kind,
    method: c.method,
    nominal: dec(c.nominal),
    lowerLimit: dec(c.lower_limit),
    upperLimit: dec(c.upper_limit),
    unit: c.unit,
    inspectionLevel: c.inspection_level,
    aql: c.aql,
    defectClass: c.defect_class,
    codeLetter: c.code_letter,
    planLetter: c.plan_letter,
    sampleSize: c.sample_size,
    acceptanceNumber: c.acceptance_number,
    rejectionNumber: c.rejection_number,
    inspectedCount,
    nonconformingCount,
    verdict: characteristicVerdict({
      sampleSize: c.sample_size,
      inspectedCount,
      nonconformingCount,
      acceptanceNumber: c.acceptance_number,
      rejectionNumber: c.rejection_number,
    }),
  };
}

export async function characteristicsWithCounts(
  db: Executor,
  inspectionIds: string[],
): Promise<Map<string, InspectionCharacteristic[]>> {
  const [rows, counts] = await Promise.all([
    repo.characteristicsOf(db, inspectionIds),
    repo.countsOf(db, inspectionIds),
  ]);
  const map = new Map<string, InspectionCharacteristic[]>(inspectionIds.map((id) => [id, []]));
  for (const c of rows) {
    map.get(c.inspection_id)?.push(toCharacteristic(c, counts.get(`${c.inspection_id}:${c.seq}`)));
  }
  return map;
}

async function toSummaries(db: Executor, rows: repo.InspectionRow[]): Promise<InspectionSummary[]> {
  const refs = new Refs(db);
  const characteristics = await characteristicsWithCounts(
    db,
    rows.map((r) => r.id),
  );
  const plans = new Map(
    (rows.length
      ? await db
          .selectFrom('inspection_plans')
          .select(['id', 'code', 'name'])
          .where('id', 'in', [...new Set(rows.map((r) => r.plan_id))])
          .execute()
      : []
    ).map((p) => [p.id, p]),
  );
  const out: InspectionSummary[] = [];
  for (const row of rows) {
    const lot = await getTraceUnit(db, row.trace_unit_id);
    const plan = plans.get(row.plan_id);
    out.push({
      id: row.id,
      code: row.code,
      status: row.status,
      lot: {
        id: row.trace_unit_id,
        code: lot?.code ?? '?',
        qualityStatus: lot?.qualityStatus ?? null,
      },
      item: await refs.item(row.item_id),
      supplier: await refs.supplier(row.supplier_id),
      receiptId: row.receipt_id,
      plan: { id: row.plan_id, code: plan?.code ?? '?', name: plan?.name ?? '?' },
      lotSize: normalizeDecimal(row.lot_size),
      severity: row.severity,
      samplingDiscontinued: row.sampling_discontinued,
      codeLetter: row.code_letter,
      sampleSize: row.sample_size,
      verdict: inspectionVerdict((characteristics.get(row.id) ?? []).map((c) => c.verdict)),
      decision: row.decision,
      createdAt: row.created_at.toISOString(),
      decidedAt: row.decided_at?.toISOString() ?? null,
    });
  }
  return out;
}

export async function getInspection(db: Executor, id: string): Promise<Inspection> {
  const row = await repo.findInspection(db, id);
  if (!row) throw new DomainError('INSPECTION_NOT_FOUND', { id });
  const [[summary], characteristics, results, signatures] = await Promise.all([
    toSummaries(db, [row]),
    characteristicsWithCounts(db, [id]),
    repo.resultsOf(db, id),
    signaturesOf(db, INSPECTION_RECORD, [id]),
  ]);
  if (!summary) throw new DomainError('INSPECTION_NOT_FOUND', { id });
  const lotRef = async (unitId: string) => ({
    id: unitId,
    code: (await getTraceUnit(db, unitId))?.code ?? '?',
  });
  let decisionRecord: Inspection['decisionRecord'] = null;
  if (row.decision && row.decided_at) {
    const ncr = row.nonconformance_id
      ? await db
          .selectFrom('nonconformances')
          .select(['id', 'code'])
          .where('id', '=', row.nonconformance_id)
          .executeTakeFirst()
      : undefined;
    decisionRecord = {
      decision: row.decision,
      reason: row.decision_reason,
      acceptedQuantity: normalizeDecimal(row.accepted_quantity ?? '0'),
      rejectedQuantity: normalizeDecimal(row.rejected_quantity ?? '0'),
      releasedLots: await Promise.all(ids(row.released_unit_ids).map(lotRef)),
      rejectedLots: await Promise.all(ids(row.rejected_unit_ids).map(lotRef)),
      nonconformance: ncr ?? null,
      decidedBy: { id: row.decided_by_id, name: row.decided_by_name ?? '' },
      decidedAt: row.decided_at.toISOString(),
    };
  }
  return {
    ...summary,
    characteristics: characteristics.get(id) ?? [],
    results: results.map((r) => ({
      characteristicSeq: r.characteristic_seq,
      unitNo: r.unit_no,
      value: dec(r.value),
      passed: r.passed,
      conforming: r.conforming,
      note: r.note,
      recordedBy: { id: r.recorded_by_id, name: r.recorded_by_name },
      recordedAt: r.recorded_at.toISOString(),
    })),
    decisionRecord,
    signatures: signatures.get(id) ?? [],
    createdBy: { id: row.created_by_id, name: row.created_by_name },
  };
}

export async function listInspections(
  db: Executor,
  filter: InspectionListQuery,
): Promise<{ items: InspectionSummary[]; total: number }> {
  const { rows, total } = await repo.listInspections(db, filter);
  return { items: await toSummaries(db, rows), total };
}

/**
 * What the decision signature covers: the lot, the sampling, every result and
 * the decision itself. Not the status or the dates.
 */
export async function inspectionSignedContent(db: Executor, id: string): Promise<unknown> {
  const row = await repo.findInspection(db, id);
  if (!row) return undefined;
  const [characteristics, results] = await Promise.all([
    repo.characteristicsOf(db, [id]),
    repo.resultsOf(db, id),
  ]);
  return {
    code: row.code,
    lotId: row.trace_unit_id,
    itemId: row.item_id,
    supplierId: row.supplier_id,
    lotSize: normalizeDecimal(row.lot_size),
    severity: row.severity,
    characteristics: characteristics.map((c) => ({
      seq: c.seq,
      name: c.name,
      aql: c.aql,
      level: c.inspection_level,
      sampleSize: c.sample_size,
      ac: c.acceptance_number,
      re: c.rejection_number,
    })),
    results: results.map((r) => ({
      seq: r.characteristic_seq,
      unit: r.unit_no,
      value: dec(r.value),
      passed: r.passed,
      conforming: r.conforming,
    })),
    decision: row.decision,
    reason: row.decision_reason,
    acceptedQuantity: dec(row.accepted_quantity),
    rejectedQuantity: dec(row.rejected_quantity),
  };
}

// ---- switching ----

/** The switching state of a supplier + item, from its decided inspections and QA's resumptions. */
export async function samplingStateFor(
  db: Executor,
  supplierId: string,
  itemId: string,
): Promise<SwitchingState> {
  const { decided, resumptions } = await repo.switchingHistory(db, supplierId, itemId);
  const characteristics = await characteristicsWithCounts(
    db,
    decided.map((d) => d.id),
  );
  const events: (SwitchingEvent & { at: number })[] = [
    ...decided.map((d) => ({
      kind: 'decided' as const,
      at: d.decided_at?.getTime() ?? 0,
      accepted: d.decision === 'accept',
      characteristics: (characteristics.get(d.id) ?? []).map((c) => ({
        aql: c.aql,
        planLetter: c.planLetter,
        acceptanceNumber: c.acceptanceNumber,
        nonconformingCount: c.nonconformingCount,
      })),
    })),
    ...resumptions.map((r) => ({ kind: 'resumed' as const, at: r.resumed_at.getTime() })),
  ];
  return switchingState(events.sort((a, b) => a.at - b.at));
}

/** QA lets acceptance resume (on tightened inspection) after a discontinuation. Audited. */
export async function resumeSampling(
  trx: Trx,
  actor: Actor,
  input: { supplierId: string; itemId: string; reason: string },
): Promise<SwitchingState> {
  const before = await samplingStateFor(trx, input.supplierId, input.itemId);
  const id = uuidv7();
  const person = personOf(actor);
  await trx
    .insertInto('inspection_sampling_resumptions')
    .values({
      id,
      item_id: input.itemId,
      supplier_id: input.supplierId,
      reason: input.reason,
      resumed_by_id: person.id,
      resumed_by_name: person.name,
    })
    .execute();
  const after = await samplingStateFor(trx, input.supplierId, input.itemId);
  await recordAudit(trx, actor, {
    action: 'inspection.sampling_resumed',
    entityType: INSPECTION_RECORD,
    entityId: id,
    before: { ...before, ...input },
    after: { ...after, ...input },
    reason: input.reason,
  });
  return after;
}

// ---- opening ----

export async function openIncomingInspection(
  trx: Trx,
  actor: Actor,
  input: {
    traceUnitId: string;
    /** Every unit of the lot submitted, when it is several serials (the first is traceUnitId). */
    traceUnitIds?: string[];
    itemId: string;
    supplierId: string;
    lotSize: string;
    receiptId: string;
  },
): Promise<{ id: string; code: string; sampleSize: number } | null> {
  const found = await findDefaultPlan(trx, input.itemId);
  if (!found) return null;
  const state = await samplingStateFor(trx, input.supplierId, input.itemId);
  const lotSize = lotSizeUnits(input.lotSize);
  const sampled = found.characteristics.map((c) => ({
    c,
    plan: samplingPlan({
      lotSize,
      level: c.inspection_level,
      aql: c.aql,
      severity: state.severity,
    }),
  }));
  const largest = sampled.reduce((a, b) => (b.plan.sampleSize > a.plan.sampleSize ? b : a));
  const id = uuidv7();
  const code = await nextCode(trx, 'inspection', 'INS-', 4);
  const person = personOf(actor);
  await trx
    .insertInto('inspections')
    .values({
      id,
      code,
      status: 'open',
      trace_unit_id: input.traceUnitId,
      item_id: input.itemId,
      supplier_id: input.supplierId,
      receipt_id: input.receiptId,
      plan_id: found.plan.id,
      lot_size: input.lotSize,
      severity: state.severity,
      sampling_discontinued: state.discontinued,
      code_letter: largest.plan.codeLetter,
      sample_size: largest.plan.sampleSize,
      decision: null,
      decision_reason: null,
      accepted_quantity: null,
      rejected_quantity: null,
      released_unit_ids: null,
      rejected_unit_ids: null,
      nonconformance_id: null,
      decided_by_id: null,
      decided_by_name: null,
      decided_at: null,
      created_by_id: person.id,
      created_by_name: person.name,
    })
    .execute();
  await trx
    .insertInto('inspection_units')
    .values(
      [...new Set([input.traceUnitId, ...(input.traceUnitIds ?? [])])].map((traceUnitId) => ({
        inspection_id: id,
        trace_unit_id: traceUnitId,
      })),
    )
    .execute();
  await trx
    .insertInto('inspection_characteristics')
    .values(
      sampled.map(({ c, plan }) => ({
        inspection_id: id,
        seq: c.seq,
        name: c.name,
        kind: c.kind,
        method: c.method,
        nominal: c.nominal,
        lower_limit: c.lower_limit,
        upper_limit: c.upper_limit,
        unit: c.unit,
        inspection_level: c.inspection_level,
        aql: c.aql,
        defect_class: c.defect_class,
        code_letter: plan.codeLetter,
        plan_letter: plan.planLetter,
        sample_size: plan.sampleSize,
        acceptance_number: plan.acceptanceNumber,
        rejection_number: plan.rejectionNumber,
      })),
    )
    .execute();
  await recordAudit(trx, actor, {
    action: 'inspection.created',
    entityType: INSPECTION_RECORD,
    entityId: id,
    after: {
      code,
      ...input,
      planId: found.plan.id,
      severity: state.severity,
      sampled: sampled.map((s) => s.plan),
    },
  });
  return { id, code, sampleSize: largest.plan.sampleSize };
}

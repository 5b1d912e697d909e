// Results per characteristic and sample unit: measured values checked against
// the limits, pass/fail attributes; entered through the API or imported as CSV
// from a lab system (all rows or none, platform/csv).
import { v7 as uuidv7 } from 'uuid';
import type { ResultInput } from '../../../shared/inspection.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { compareDecimal } from '../../../shared/decimal.ts';
import * as repo from './inspections.repository.ts';
import { getInspection, INSPECTION_RECORD } from './inspections.service.ts';
import { personOf } from './refs.ts';
import type { Inspection } from '../../../shared/inspection.contract.ts';

export async function lockOpenInspection(trx: Trx, id: string): Promise<repo.InspectionRow> {
  const row = await repo.lockInspection(trx, id);
  if (!row) throw new DomainError('INSPECTION_NOT_FOUND', { id });
  if (row.status !== 'open')
    throw new DomainError('INSPECTION_ALREADY_DECIDED', { inspectionId: id, code: row.code });
  return row;
}

function invalid(result: ResultInput, field: string, problem: string): never {
  throw new DomainError(
    'INSPECTION_RESULT_INVALID',
    { field, characteristicSeq: result.characteristicSeq, unitNo: result.unitNo },
    `Characteristic ${result.characteristicSeq}, unit ${result.unitNo}: ${problem}`,
  );
}

/** Is the result conforming? Measured values are checked against the limits (inclusive). */
function judge(c: repo.CharacteristicRow, r: ResultInput): boolean {
  if (c.kind === 'attribute') {
    if (r.passed === undefined) invalid(r, 'passed', 'a pass/fail characteristic needs passed');
    if (r.value !== undefined) invalid(r, 'value', 'a pass/fail characteristic takes no value');
    return r.passed;
  }
  if (r.value === undefined) invalid(r, 'value', 'a measured characteristic needs a value');
  if (r.passed !== undefined) invalid(r, 'passed', 'a measured characteristic takes a value');
  const low = c.lower_limit === null || compareDecimal(r.value, c.lower_limit) >= 0;
  const high = c.upper_limit === null || compareDecimal(r.value, c.upper_limit) <= 0;
  return low && high;
}

const sameResult = (
  a: { value: string | null; passed: boolean | null; note: string | null },
  b: { value: string | null; passed: boolean | null; note: string | null },
): boolean =>
  (a.value === null
    ? b.value === null
    : b.value !== null && compareDecimal(a.value, b.value) === 0) &&
  a.passed === b.passed &&
  a.note === b.note;

/**
 * Writes results into an open, locked inspection; audited. Every result is an
 * append-only entry; a result that changes one already recorded is a correction
 * that names the entry it replaces and needs a reason. Re-sending a result
 * unchanged writes nothing.
 */
export async function writeResults(
  trx: Trx,
  actor: Actor,
  inspection: repo.InspectionRow,
  results: ResultInput[],
  reason?: string | null,
): Promise<void> {
  const [characteristics, earlier] = await Promise.all([
    repo.characteristicsOf(trx, [inspection.id]),
    repo.resultsOf(trx, inspection.id),
  ]);
  const bySeq = new Map(characteristics.map((c) => [c.seq, c]));
  const current = new Map(earlier.map((e) => [`${e.characteristic_seq}:${e.unit_no}`, e]));
  const person = personOf(actor);
  const seen = new Set<string>();
  const rows: (Omit<repo.ResultRow, 'recorded_at'> & { recorded_at: Date })[] = [];
  const replaced: repo.ResultRow[] = [];
  for (const r of results) {
    const c = bySeq.get(r.characteristicSeq);
    if (!c) invalid(r, 'characteristic', 'no such characteristic in this inspection');
    if (r.unitNo > c.sample_size) invalid(r, 'unit', `the sample has ${c.sample_size} units`);
    const key = `${r.characteristicSeq}:${r.unitNo}`;
    if (seen.has(key)) invalid(r, 'unit', 'the same unit is given twice');
    seen.add(key);
    const row = {
      inspection_id: inspection.id,
      characteristic_seq: r.characteristicSeq,
      unit_no: r.unitNo,
      value: r.value ?? null,
      passed: r.passed ?? null,
      conforming: judge(c, r),
      note: r.note ?? null,
      recorded_by_id: person.id,
      recorded_by_name: person.name,
      recorded_at: new Date(),
      entry_id: uuidv7(),
    };
    const before = current.get(key);
    if (before && sameResult(before, row)) continue;
    if (before && !reason) {
      throw new DomainError(
        'INSPECTION_RESULT_CORRECTION_REASON',
        { characteristicSeq: r.characteristicSeq, unitNo: r.unitNo },
        `Characteristic ${r.characteristicSeq}, unit ${r.unitNo} already has a result: give the reason for the correction`,
      );
    }
    if (before) replaced.push(before);
    rows.push(row);
  }
  if (rows.length === 0) return;
  await trx
    .insertInto('inspection_result_entries')
    .values(
      rows.map((row) => {
        const before = current.get(`${row.characteristic_seq}:${row.unit_no}`);
        return {
          id: row.entry_id,
          inspection_id: row.inspection_id,
          characteristic_seq: row.characteristic_seq,
          unit_no: row.unit_no,
          value: row.value,
          passed: row.passed,
          conforming: row.conforming,
          note: row.note,
          replaces_entry_id: before?.entry_id ?? null,
          correction_reason: before ? (reason ?? null) : null,
          recorded_by_id: row.recorded_by_id,
          recorded_by_name: row.recorded_by_name,
        };
      }),
    )
    .execute();
  await trx
    .insertInto('inspection_results')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['inspection_id', 'characteristic_seq', 'unit_no']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        passed: eb.ref('excluded.passed'),
        conforming: eb.ref('excluded.conforming'),
        note: eb.ref('excluded.note'),
        recorded_by_id: eb.ref('excluded.recorded_by_id'),
        recorded_by_name: eb.ref('excluded.recorded_by_name'),
        recorded_at: eb.ref('excluded.recorded_at'),
        entry_id: eb.ref('excluded.entry_id'),
      })),
    )
    .execute();
  await trx
    .updateTable('inspections')
    .set({ updated_at: new Date() })
    .where('id', '=', inspection.id)
    .execute();
  const brief = (r: {
    characteristic_seq: number;
    unit_no: number;
    value: string | null;
    passed: boolean | null;
    conforming: boolean;
  }) => ({
    seq: r.characteristic_seq,
    unit: r.unit_no,
    value: r.value,
    passed: r.passed,
    conforming: r.conforming,
  });
  await recordAudit(trx, actor, {
    action: 'inspection.results_recorded',
    entityType: INSPECTION_RECORD,
    entityId: inspection.id,
    before: replaced.length ? { results: replaced.map(brief) } : null,
    after: {
      results: rows.map(brief),
    },
    reason: replaced.length ? (reason ?? null) : null,
  });
}

export async function recordInspectionResults(
  trx: Trx,
  actor: Actor,
  id: string,
  results: ResultInput[],
  reason?: string | null,
): Promise<Inspection> {
  const inspection = await lockOpenInspection(trx, id);
  await writeResults(trx, actor, inspection, results, reason);
  return getInspection(trx, id);
}

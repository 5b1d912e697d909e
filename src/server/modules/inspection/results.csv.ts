// Results from a lab system as CSV: one row per characteristic and sample unit.
// `characteristic` is the characteristic's number or its name; `passed` takes
// pass/fail, true/false, yes/no, 1/0, OK/NG. Imported through platform/csv:
// dry run by default, and all rows or none.
import { z } from 'zod';
import { measuredValue } from '../../../shared/inspection.contract.ts';
import type { CsvImporter } from '../../platform/csv/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import * as repo from './inspections.repository.ts';
import { lockOpenInspection, writeResults } from './results.service.ts';

const PASSED = new Map<string, boolean>([
  ['pass', true],
  ['passed', true],
  ['true', true],
  ['yes', true],
  ['1', true],
  ['ok', true],
  ['fail', false],
  ['failed', false],
  ['false', false],
  ['no', false],
  ['0', false],
  ['ng', false],
]);

const rowSchema = z.object({
  characteristic: z.string().trim().min(1).max(200),
  unit: z.coerce.number().int().min(1),
  value: measuredValue.optional(),
  passed: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const passed = PASSED.get(v.trim().toLowerCase());
      if (passed === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'pass or fail (also true/false, yes/no, 1/0, OK/NG)',
        });
        return z.NEVER;
      }
      return passed;
    }),
  note: z.string().trim().max(500).optional(),
  reason: z.string().trim().max(500).optional(),
});
type ResultRow = z.infer<typeof rowSchema>;

/** An importer writing into one inspection; its characteristics are read once. */
export async function resultsImporter(
  db: Db,
  inspectionId: string,
): Promise<CsvImporter<ResultRow>> {
  const row = await repo.findInspection(db, inspectionId);
  if (!row) throw new DomainError('INSPECTION_NOT_FOUND', { id: inspectionId });
  if (row.status !== 'open')
    throw new DomainError('INSPECTION_ALREADY_DECIDED', { inspectionId, code: row.code });
  const characteristics = await repo.characteristicsOf(db, [inspectionId]);
  const seqOf = (name: string): number => {
    const byName = characteristics.find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (byName) return byName.seq;
    const seq = Number(name);
    if (Number.isInteger(seq) && characteristics.some((c) => c.seq === seq)) return seq;
    throw new DomainError(
      'INSPECTION_RESULT_INVALID',
      { field: 'characteristic', characteristic: name },
      `No characteristic "${name}" in this inspection (give its number or name)`,
    );
  };
  return {
    entity: `inspections/${inspectionId}/results`,
    permission: 'inspection.perform',
    columns: [
      { name: 'characteristic', required: true, description: 'number (1, 2, …) or name' },
      { name: 'unit', required: true, description: 'sample unit number, 1 … sample size' },
      { name: 'value', description: 'measured value (measured characteristics)' },
      { name: 'passed', description: 'pass or fail (attribute characteristics)' },
      { name: 'note', description: 'free text' },
      {
        name: 'reason',
        description: 'why a result already recorded is corrected (required for a correction)',
      },
    ],
    rowSchema,
    async importRow(trx, actor, input) {
      const inspection = await lockOpenInspection(trx, inspectionId);
      await writeResults(
        trx,
        actor,
        inspection,
        [
          {
            characteristicSeq: seqOf(input.characteristic),
            unitNo: input.unit,
            ...(input.value !== undefined && { value: input.value }),
            ...(input.passed !== undefined && { passed: input.passed }),
            ...(input.note && { note: input.note }),
          },
        ],
        input.reason || null,
      );
    },
  };
}

/**
 * The import template of one inspection: the header and a row per characteristic
 * and sample unit still to be filled in (value or passed), as a lab system expects.
 */
export async function resultsTemplateRows(db: Db, inspectionId: string): Promise<string[][]> {
  const row = await repo.findInspection(db, inspectionId);
  if (!row) throw new DomainError('INSPECTION_NOT_FOUND', { id: inspectionId });
  const rows = [['characteristic', 'unit', 'value', 'passed', 'note', 'reason']];
  for (const characteristic of await repo.characteristicsOf(db, [inspectionId])) {
    for (let unit = 1; unit <= characteristic.sample_size; unit++) {
      rows.push([String(characteristic.seq), String(unit), '', '', '', '']);
    }
  }
  return rows;
}

// CSV import for master data: every row is checked by the module's schema and
// written through the module's own service (so it is validated and audited like
// any other write), inside one transaction. A dry run, or any bad row, rolls the
// whole transaction back: the file imports completely or not at all.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Permission } from '../../../shared/permissions.ts';
import type { CsvImportReport, CsvRowError } from '../../../shared/csv.contract.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Db, Trx } from '../db/database.ts';
import { domainErrorFromDatabase } from '../db/database-errors.ts';
import { DomainError, isDomainError } from '../errors.ts';

export const MAX_IMPORT_ROWS = 10_000;

export interface CsvImportColumn {
  /** Header name, exactly as in the file (case-insensitive when matched). */
  name: string;
  required?: boolean;
  /** What the column holds, for the template and the API documentation. */
  description: string;
}

/** A cell as the row schema sees it: absent or empty cells are undefined. */
export type CsvRecord = Record<string, string | undefined>;

export interface CsvImporter<Input> {
  /** The URL segment: POST /api/<entity>/import. */
  entity: string;
  permission: Permission;
  columns: readonly CsvImportColumn[];
  /** Turns one record (header → cell) into the service's input. */
  rowSchema: z.ZodType<Input>;
  /** Writes one row through the module's service; throws DomainError to refuse it. */
  importRow(trx: Trx, actor: UserActor, input: Input): Promise<unknown>;
}

/** Thrown inside the transaction to roll it back on purpose. */
class RollBack extends Error {}

function readCsv(text: string): string[][] {
  try {
    return parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DomainError(
      'CSV_UNREADABLE',
      { line },
      `The file is not valid CSV${line ? ` (near line ${line})` : ''}: ${(error as Error).message}`,
    );
  }
}

/** Checks the header against the importer's columns; returns the column name per position. */
function readHeader(header: string[], columns: readonly CsvImportColumn[]): string[] {
  const byLowerName = new Map(columns.map((c) => [c.name.toLowerCase(), c.name]));
  const names = header.map((cell) => byLowerName.get(cell.toLowerCase()));
  const unknown = header.filter((_cell, i) => names[i] === undefined);
  const missing = columns.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  const repeated = names.filter((n, i) => n !== undefined && names.indexOf(n) !== i);
  if (unknown.length || missing.length || repeated.length) {
    throw new DomainError(
      'CSV_UNREADABLE',
      { unknownColumns: unknown, missingColumns: missing, repeatedColumns: repeated },
      [
        unknown.length ? `unknown columns: ${unknown.join(', ')}` : '',
        missing.length ? `missing columns: ${missing.join(', ')}` : '',
        repeated.length ? `repeated columns: ${repeated.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; '),
    );
  }
  return names as string[];
}

function zodRowErrors(row: number, error: z.ZodError): CsvRowError[] {
  return error.issues.map((issue) => ({
    row,
    column: typeof issue.path[0] === 'string' ? issue.path[0] : undefined,
    code: 'VALIDATION_FAILED',
    message: issue.message,
  }));
}

function domainRowError(row: number, error: DomainError): CsvRowError {
  const field = error.params.field;
  return {
    row,
    column: typeof field === 'string' ? field : undefined,
    code: error.code,
    message: error.message === error.code ? error.code : error.message,
  };
}

/**
 * Reads `text` as CSV and imports it row by row through `importer`. Returns the
 * report; a real import with any bad row throws CSV_IMPORT_REJECTED carrying the
 * same row errors, and nothing is written.
 */
export async function importCsv<Input>(
  db: Db,
  actor: UserActor,
  importer: CsvImporter<Input>,
  text: string,
  options: { dryRun: boolean },
): Promise<CsvImportReport> {
  const table = readCsv(text);
  const [header, ...rows] = table;
  if (!header) throw new DomainError('CSV_UNREADABLE', {}, 'The file is empty: no header row');
  if (rows.length === 0)
    throw new DomainError('CSV_UNREADABLE', {}, 'The file has a header but no rows');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new DomainError(
      'CSV_UNREADABLE',
      { maxRows: MAX_IMPORT_ROWS },
      `At most ${MAX_IMPORT_ROWS} rows per file`,
    );
  }
  const names = readHeader(header, importer.columns);
  const errors: CsvRowError[] = [];
  let imported = 0;

  try {
    await db.transaction().execute(async (trx) => {
      for (const [index, cells] of rows.entries()) {
        const rowNumber = index + 2; // as a spreadsheet numbers it: the header is row 1
        const record: CsvRecord = {};
        names.forEach((name, i) => {
          const cell = cells[i];
          record[name] = cell === undefined || cell === '' ? undefined : cell;
        });
        const parsed = importer.rowSchema.safeParse(record);
        if (!parsed.success) {
          errors.push(...zodRowErrors(rowNumber, parsed.error));
          continue;
        }
        // A refused row must not poison the rest of the dry run: each row runs
        // in its own savepoint.
        await sql`savepoint csv_row`.execute(trx);
        try {
          await importer.importRow(trx, actor, parsed.data);
          await sql`release savepoint csv_row`.execute(trx);
          imported++;
        } catch (error) {
          const refusal = isDomainError(error) ? error : domainErrorFromDatabase(error);
          if (!refusal) throw error;
          await sql`rollback to savepoint csv_row`.execute(trx);
          errors.push(domainRowError(rowNumber, refusal));
        }
      }
      if (errors.length > 0 || options.dryRun) throw new RollBack();
      await recordAudit(trx, actor, {
        action: 'csv.imported',
        entityType: 'csv_import',
        after: {
          entity: importer.entity,
          rows: rows.length,
          sha256: createHash('sha256').update(text).digest('hex'),
        },
      });
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }

  if (!options.dryRun && errors.length > 0) {
    throw new DomainError(
      'CSV_IMPORT_REJECTED',
      { errors },
      `${errors.length} problem(s) in the file; nothing was imported`,
    );
  }
  return {
    dryRun: options.dryRun,
    rowCount: rows.length,
    imported: options.dryRun || errors.length > 0 ? 0 : imported,
    valid: imported,
    errors,
  };
}

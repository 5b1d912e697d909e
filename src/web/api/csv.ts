import type { CsvImportReport, CsvRowError } from '../../shared/csv.contract.ts';
import {
  RawBody,
  apiFetchBlob,
  apiSend,
  queryString,
  toApiError,
  type QueryValue,
} from './client.ts';

export type { CsvImportReport, CsvRowError };

// Every master-data list offers the same CSV routes (server: platform/csv):
//   GET  /api/<entity>/export.csv?<list filters>
//   GET  /api/<entity>/import/template.csv
//   POST /api/<entity>/import?dryRun=true|false   (body: the file, text/csv)

/** The export's address with the list's current filters (empty ones left out). */
export function csvExportPath(entity: string, filters: Record<string, QueryValue> = {}): string {
  return `/api/${entity}/export.csv${queryString(filters)}`;
}

export function csvTemplatePath(entity: string): string {
  return `/api/${entity}/import/template.csv`;
}

/**
 * Sends the file's text to the import. With dryRun it only checks and reports;
 * without, it imports every row or, when any row is bad, none (422
 * CSV_IMPORT_REJECTED, see rejectedRows).
 */
export function importCsv(
  entity: string,
  text: string,
  options: { dryRun: boolean },
): Promise<CsvImportReport> {
  return apiSend<CsvImportReport>(
    'POST',
    `/api/${entity}/import${queryString({ dryRun: options.dryRun })}`,
    new RawBody(text, 'text/csv'),
  );
}

function isRowError(value: unknown): value is CsvRowError {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row.row === 'number' &&
    typeof row.code === 'string' &&
    typeof row.message === 'string' &&
    (row.column === undefined || typeof row.column === 'string')
  );
}

/** The bad rows of a refused import (CSV_IMPORT_REJECTED); null for any other error. */
export function rejectedRows(error: unknown): CsvRowError[] | null {
  const problem = toApiError(error);
  if (problem.code !== 'CSV_IMPORT_REJECTED') return null;
  const errors = problem.params?.errors;
  return Array.isArray(errors) ? errors.filter(isRowError) : [];
}

/** Hands a downloaded file to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; give the browser time to read the URL.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** GETs a file under /api and saves it; rejects with the ApiError when the server refuses. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  saveBlob(await apiFetchBlob('GET', path), fileName);
}

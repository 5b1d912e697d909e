import { z } from 'zod';

// CSV import of master data: POST /api/<entity>/import?dryRun=true|false with the
// file as a text/csv body. Row numbers are spreadsheet row numbers (header = 1).
export const csvRowErrorSchema = z.object({
  row: z.number().int().min(2),
  column: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

export const csvImportReportSchema = z.object({
  dryRun: z.boolean(),
  /** Data rows in the file. */
  rowCount: z.number().int().min(0),
  /** Rows written: all of them after a successful import, 0 after a dry run. */
  imported: z.number().int().min(0),
  /** Rows that passed every check (in a dry run: would be imported). */
  valid: z.number().int().min(0),
  errors: z.array(csvRowErrorSchema),
});

export const csvImportQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .meta({ description: 'Check only (default) or import' }),
});

export type CsvRowError = z.infer<typeof csvRowErrorSchema>;
export type CsvImportReport = z.infer<typeof csvImportReportSchema>;

import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvImportQuerySchema, csvImportReportSchema } from '../../../shared/csv.contract.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { actorOf } from '../http/access.ts';
import { CSV_BODY_LIMIT } from '../http/app.ts';
import { importCsv, type CsvImporter } from './csv-import.ts';

/**
 * Adds `POST /<entity>/import` (dry run by default) and
 * `GET /<entity>/import/template.csv` (the header row) for a module's importer.
 */
export function registerCsvImport<Input>(app: FastifyInstance, importer: CsvImporter<Input>): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const columnsDoc = importer.columns
    .map((c) => `\`${c.name}\`${c.required ? ' (required)' : ''}: ${c.description}`)
    .join('; ');
  api.post(
    `/${importer.entity}/import`,
    {
      config: { access: { permission: importer.permission } },
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags: ['csv import'],
        summary: `Import ${importer.entity} from CSV: all rows or none`,
        description: `Body: the CSV file (text/csv, UTF-8, header row). Columns: ${columnsDoc}`,
        consumes: ['text/csv'],
        querystring: csvImportQuerySchema,
        body: z.string(),
        response: {
          200: csvImportReportSchema,
          400: problemSchema,
          403: problemSchema,
          415: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) =>
      importCsv(app.lotline.database.db, actorOf(request), importer, request.body, {
        dryRun: request.query.dryRun,
      }),
  );
  api.get(
    `/${importer.entity}/import/template.csv`,
    {
      config: { access: { permission: importer.permission } },
      schema: { tags: ['csv import'], summary: `Empty CSV template for ${importer.entity}` },
    },
    async (_request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="lotline-${importer.entity}-template.csv"`,
        )
        .send(stringify([importer.columns.map((c) => c.name)], { bom: true })),
  );
}

import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema, auditQuerySchema } from '../../../shared/audit.contract.ts';
import { listQuerySchema, listResponseSchema } from '../../../shared/list.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { canReadRecordHistory } from '../../../shared/record-history.ts';
import { DomainError } from '../errors.ts';
import { actorOf } from '../http/access.ts';
import { iterateAudit, listAudit, recordAudit } from './audit.service.ts';

const CSV_COLUMNS = [
  'seq',
  'at',
  'actorType',
  'actorId',
  'actorName',
  'tokenId',
  'action',
  'entityType',
  'entityId',
  'before',
  'after',
  'reason',
  'requestId',
  'hash',
];

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: { permission: 'audit.read' } },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first, with filters',
        querystring: auditQuerySchema,
        response: { 200: listResponseSchema(auditEntrySchema) },
      },
    },
    async (request) => listAudit(app.lotline.database.db, request.query),
  );

  app.get(
    '/audit/records/:entityType/:entityId',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['audit'],
        summary:
          "One record's history, newest first: for anyone who may read the record (see shared/record-history.ts)",
        params: z.object({ entityType: z.string().max(100), entityId: z.string().max(200) }),
        querystring: listQuerySchema.omit({ q: true }),
        response: { 200: listResponseSchema(auditEntrySchema), 403: problemSchema },
      },
    },
    async (request) => {
      const { entityType, entityId } = request.params;
      if (!canReadRecordHistory(actorOf(request).permissions, entityType))
        throw new DomainError('FORBIDDEN', { entityType });
      return listAudit(app.lotline.database.db, { entityType, entityId, ...request.query });
    },
  );

  app.get(
    '/audit/export.csv',
    {
      config: { access: { permission: 'audit.export' } },
      schema: {
        tags: ['audit'],
        summary:
          'The audit trail as CSV (oldest first), with the same filters; the export itself is audited',
        querystring: auditQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) => {
      const db = app.lotline.database.db;
      const actor = actorOf(request);
      await db.transaction().execute((trx) =>
        recordAudit(trx, actor, {
          action: 'audit.exported',
          entityType: 'audit_log',
          after: { filters: request.query },
        }),
      );
      const rows = Readable.from(
        (async function* () {
          for await (const row of iterateAudit(db, request.query)) {
            yield [
              row.seq,
              row.at.toISOString(),
              row.actor_type,
              row.actor_id,
              row.actor_name,
              row.token_id,
              row.action,
              row.entity_type,
              row.entity_id,
              row.before === null ? '' : JSON.stringify(row.before),
              row.after === null ? '' : JSON.stringify(row.after),
              row.reason,
              row.request_id,
              row.hash,
            ];
          }
        })(),
      );
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="lotline-audit-${stamp}.csv"`)
        .send(rows.pipe(stringify({ header: true, columns: CSV_COLUMNS, bom: true })));
    },
  );
};

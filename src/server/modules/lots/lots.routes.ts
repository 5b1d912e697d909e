import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponseSchema } from '../../../shared/list.ts';
import {
  bulkHoldResultSchema,
  bulkHoldSchema,
  expiringLotsQuerySchema,
  expiringLotsSchema,
  holdLotSchema,
  lotDetailSchema,
  lotListItemSchema,
  lotListQuerySchema,
  lotRefListSchema,
  mergeLotsSchema,
  signedLotActionSchema,
  signedLotActionWithReasonSchema,
  splitLotSchema,
} from '../../../shared/lots.contract.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { allPages, sendCsv } from '../../platform/csv/index.ts';
import { actorOf, requestMeta } from '../../platform/http/access.ts';
import { verifySigner } from '../../platform/signatures/signatures.service.ts';
import { mergeTraceUnits, splitTraceUnit } from './genealogy.service.ts';
import { LOT_CSV_COLUMNS } from './lots.csv.ts';
import { getLotDetail, listExpiringLots, listLots, lotListItemsByIds } from './lots.queries.ts';
import {
  holdTraceUnitsInScope,
  transitionTraceUnit,
  type TransitionName,
} from './quality-status.service.ts';

const idParams = z.object({ id: z.uuid() });
const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
  423: problemSchema,
};
const read = { access: { permission: 'lot.read' as const } };
const manage = { access: { permission: 'lot.manage' as const } };
const release = { access: { permission: 'lot.release' as const } };

export const lotsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;
  const { security } = app.lotline;

  app.get(
    '/lots',
    {
      config: read,
      schema: {
        tags: ['lots'],
        summary: 'Lots and serials, newest first, with their quantity on hand',
        querystring: lotListQuerySchema,
        response: { 200: listResponseSchema(lotListItemSchema) },
      },
    },
    async (request) => listLots(db(), request.query),
  );

  app.get(
    '/lots/export.csv',
    {
      config: read,
      schema: {
        tags: ['lots'],
        summary: 'The lot list as CSV, with the same filters',
        querystring: lotListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'lots',
        columns: LOT_CSV_COLUMNS,
        rows: allPages((page) => listLots(db(), { ...request.query, ...page })),
      }),
  );

  app.get(
    '/lots/expiring',
    {
      config: read,
      schema: {
        tags: ['lots'],
        summary:
          'Lots in use (quarantined, released, on hold) whose expiry falls within the warning window or has passed',
        querystring: expiringLotsQuerySchema,
        response: { 200: expiringLotsSchema },
      },
    },
    async (request) => listExpiringLots(db(), { days: request.query.days }),
  );

  app.get(
    '/lots/:id',
    {
      config: read,
      schema: {
        tags: ['lots'],
        summary:
          'A lot with its quantities by location, status history, activities, genealogy and signatures',
        params: idParams,
        response: { 200: lotDetailSchema, 404: problemSchema },
      },
    },
    async (request) => getLotDetail(db(), request.params.id),
  );

  app.post(
    '/lots/:id/hold',
    {
      config: manage,
      schema: {
        tags: ['lots'],
        summary: 'Put a released lot on hold, with a reason',
        params: idParams,
        body: holdLotSchema,
        response: { 200: lotDetailSchema, ...errors },
      },
    },
    async (request) => {
      await db()
        .transaction()
        .execute((trx) =>
          transitionTraceUnit(trx, actorOf(request), request.params.id, 'hold', request.body),
        );
      return getLotDetail(db(), request.params.id);
    },
  );

  const signed = (
    path: string,
    name: TransitionName,
    summary: string,
    body: typeof signedLotActionSchema | typeof signedLotActionWithReasonSchema,
  ) =>
    app.post(
      `/lots/:id/${path}`,
      {
        config: release,
        schema: {
          tags: ['lots'],
          summary,
          params: idParams,
          body,
          response: { 200: lotDetailSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { signature, reason } = request.body;
        const signer = await verifySigner(db(), security, actor, signature, requestMeta(request));
        await db()
          .transaction()
          .execute((trx) =>
            transitionTraceUnit(trx, actor, request.params.id, name, { reason, signer }),
          );
        return getLotDetail(db(), request.params.id);
      },
    );
  signed(
    'release',
    'release',
    'Release a quarantined lot; signed (meaning released)',
    signedLotActionSchema,
  );
  signed(
    'release-hold',
    'releaseHold',
    'Lift the hold on a lot (back to released); signed (meaning released)',
    signedLotActionSchema,
  );
  signed(
    'reject',
    'reject',
    'Reject a quarantined or held lot, with a reason; signed (meaning rejected)',
    signedLotActionWithReasonSchema,
  );
  signed(
    'recall',
    'recall',
    'Recall a lot, whatever its status, with a reason; signed (meaning approved)',
    signedLotActionWithReasonSchema,
  );

  app.post(
    '/lots/holds',
    {
      config: manage,
      schema: {
        tags: ['lots'],
        summary:
          'Put every released lot of an item, a supplier or a supplier lot on hold in one action; the others are reported as skipped',
        body: bulkHoldSchema,
        response: { 200: bulkHoldResultSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => holdTraceUnitsInScope(trx, actorOf(request), request.body)),
  );

  app.post(
    '/lots/:id/split',
    {
      config: manage,
      schema: {
        tags: ['lots'],
        summary: 'Split part of a lot’s stock at one location into new lots (same item and status)',
        params: idParams,
        body: splitLotSchema,
        response: { 201: lotRefListSchema, ...errors },
      },
    },
    async (request, reply) => {
      const children = await db()
        .transaction()
        .execute((trx) =>
          splitTraceUnit(trx, actorOf(request), {
            traceUnitId: request.params.id,
            ...request.body,
          }),
        );
      const items = await lotListItemsByIds(
        db(),
        children.map((c) => c.id),
      );
      return reply.code(201).send({ items });
    },
  );

  app.post(
    '/lots/merge',
    {
      config: manage,
      schema: {
        tags: ['lots'],
        summary:
          'Merge stock of lots of the same item, unit and status at one location into a new lot',
        body: mergeLotsSchema,
        response: { 201: lotDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const merged = await db()
        .transaction()
        .execute((trx) => mergeTraceUnits(trx, actorOf(request), request.body));
      return reply.code(201).send(await getLotDetail(db(), merged.id));
    },
  );
};

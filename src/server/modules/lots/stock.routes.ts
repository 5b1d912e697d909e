import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponseSchema } from '../../../shared/list.ts';
import {
  adjustmentSchema,
  fefoQuerySchema,
  fefoSuggestionSchema,
  reverseMovementSchema,
  scrapSchema,
  stockBalanceListQuerySchema,
  stockBalanceSchema,
  stockMovementListQuerySchema,
  stockMovementSchema,
  transferSchema,
} from '../../../shared/lots.contract.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { allPages, sendCsv } from '../../platform/csv/index.ts';
import type { Trx } from '../../platform/db/database.ts';
import { actorOf } from '../../platform/http/access.ts';
import { BALANCE_CSV_COLUMNS, MOVEMENT_CSV_COLUMNS } from './lots.csv.ts';
import { getMovement, listBalances, listMovements, suggestFefo } from './stock.queries.ts';
import { adjustStock, reverseMovement, scrapStock, transferStock } from './stock.service.ts';

const idParams = z.object({ id: z.uuid() });
const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
const read = { access: { permission: 'lot.read' as const } };
const manage = { access: { permission: 'lot.manage' as const } };

export const stockRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;
  /** Records a movement in its own transaction and answers it as the ledger shows it. */
  const record = async (write: (trx: Trx) => Promise<string>) =>
    getMovement(db(), await db().transaction().execute(write));

  app.get(
    '/stock/movements',
    {
      config: read,
      schema: {
        tags: ['stock'],
        summary: 'The stock ledger, newest first',
        querystring: stockMovementListQuerySchema,
        response: { 200: listResponseSchema(stockMovementSchema) },
      },
    },
    async (request) => listMovements(db(), request.query),
  );

  app.get(
    '/stock/movements/export.csv',
    {
      config: read,
      schema: {
        tags: ['stock'],
        summary: 'The stock ledger as CSV, with the same filters',
        querystring: stockMovementListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'stock-movements',
        columns: MOVEMENT_CSV_COLUMNS,
        rows: allPages((page) => listMovements(db(), { ...request.query, ...page })),
      }),
  );

  app.get(
    '/stock/balances',
    {
      config: read,
      schema: {
        tags: ['stock'],
        summary: 'Stock on hand per lot and location',
        querystring: stockBalanceListQuerySchema,
        response: { 200: listResponseSchema(stockBalanceSchema) },
      },
    },
    async (request) => listBalances(db(), request.query),
  );

  app.get(
    '/stock/balances/export.csv',
    {
      config: read,
      schema: {
        tags: ['stock'],
        summary: 'Stock by location as CSV, with the same filters',
        querystring: stockBalanceListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'stock-balances',
        columns: BALANCE_CSV_COLUMNS,
        rows: allPages((page) => listBalances(db(), { ...request.query, ...page })),
      }),
  );

  app.get(
    '/stock/fefo',
    {
      config: read,
      schema: {
        tags: ['stock'],
        summary:
          'Where to pick an item from: released, unexpired lots, earliest expiry first (first expired, first out)',
        querystring: fefoQuerySchema,
        response: { 200: fefoSuggestionSchema, 400: problemSchema },
      },
    },
    async (request) => suggestFefo(db(), request.query),
  );

  app.post(
    '/stock/transfers',
    {
      config: manage,
      schema: {
        tags: ['stock'],
        summary:
          'Move stock of a lot between locations; into a production or customer location only when released and unexpired',
        body: transferSchema,
        response: { 201: stockMovementSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await record((trx) => transferStock(trx, actorOf(request), request.body))),
  );

  app.post(
    '/stock/adjustments',
    {
      config: manage,
      schema: {
        tags: ['stock'],
        summary:
          'Correct the counted stock of a lot at a location (+ found, - lost), with a reason',
        body: adjustmentSchema,
        response: { 201: stockMovementSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await record((trx) => adjustStock(trx, actorOf(request), request.body))),
  );

  app.post(
    '/stock/scrap',
    {
      config: manage,
      schema: {
        tags: ['stock'],
        summary: 'Scrap stock of a lot at a location, with a reason',
        body: scrapSchema,
        response: { 201: stockMovementSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await record((trx) => scrapStock(trx, actorOf(request), request.body))),
  );

  app.post(
    '/stock/movements/:id/reverse',
    {
      config: manage,
      schema: {
        tags: ['stock'],
        summary:
          'Correct a transfer, issue, adjustment or scrap by the opposite movement (each at most once)',
        params: idParams,
        body: reverseMovementSchema,
        response: { 201: stockMovementSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await record((trx) =>
          reverseMovement(trx, actorOf(request), {
            movementId: request.params.id,
            reason: request.body.reason,
          }),
        ),
      ),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponseSchema } from '../../../shared/list.ts';
import { problemSchema } from '../../../shared/problem.ts';
import {
  createPurchaseOrderSchema,
  endPurchaseOrderSchema,
  placePurchaseOrderSchema,
  purchaseOrderDetailSchema,
  purchaseOrderListQuerySchema,
  purchaseOrderSchema,
  scorecardQuerySchema,
  supplierScorecardSchema,
  updatePurchaseOrderSchema,
} from '../../../shared/purchasing.contract.ts';
import { allPages, sendCsv } from '../../platform/csv/index.ts';
import { actorOf } from '../../platform/http/access.ts';
import {
  changePurchaseOrderStatus,
  createPurchaseOrder,
  listPurchaseOrders,
  updatePurchaseOrder,
} from './orders.service.ts';
import {
  PURCHASE_ORDER_CSV_COLUMNS,
  purchaseOrderLineRows,
  SCORECARD_CSV_COLUMNS,
} from './purchasing.csv.ts';
import { getPurchaseOrder } from './returns.service.ts';
import { supplierScorecard } from './scorecard.service.ts';

const idParams = z.object({ id: z.uuid() });
const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
const read = { access: { permission: 'purchasing.read' as const } };
const manage = { access: { permission: 'purchasing.manage' as const } };
const tags = ['purchasing'];

/** /api/purchase-orders… and the supplier scorecard. */
export const ordersRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;

  app.get(
    '/purchase-orders',
    {
      config: read,
      schema: {
        tags,
        summary: 'Purchase orders with their lines; newest first',
        querystring: purchaseOrderListQuerySchema,
        response: { 200: listResponseSchema(purchaseOrderSchema) },
      },
    },
    async (request) => listPurchaseOrders(db(), request.query),
  );

  app.get(
    '/purchase-orders/export.csv',
    {
      config: read,
      schema: {
        tags,
        summary: 'Purchase order lines as CSV, with the same filters',
        querystring: purchaseOrderListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) => {
      const query = request.query;
      async function* rows() {
        for await (const po of allPages((page) => listPurchaseOrders(db(), { ...query, ...page })))
          yield* purchaseOrderLineRows([po]);
      }
      return sendCsv(reply, {
        filename: 'purchase-orders',
        columns: PURCHASE_ORDER_CSV_COLUMNS,
        rows: rows(),
      });
    },
  );

  app.get(
    '/purchase-orders/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A purchase order with its lines, receipts and returns',
        params: idParams,
        response: { 200: purchaseOrderDetailSchema, 404: problemSchema },
      },
    },
    async (request) => getPurchaseOrder(db(), request.params.id),
  );

  app.post(
    '/purchase-orders',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Create a draft purchase order; every item must be on the supplier’s approved list',
        body: createPurchaseOrderSchema,
        response: { 201: purchaseOrderDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const po = await db()
        .transaction()
        .execute((trx) => createPurchaseOrder(trx, actorOf(request), request.body));
      return reply.code(201).send(await getPurchaseOrder(db(), po.id));
    },
  );

  app.patch(
    '/purchase-orders/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Edit a draft; `lines` replaces all lines',
        params: idParams,
        body: updatePurchaseOrderSchema,
        response: { 200: purchaseOrderDetailSchema, ...errors },
      },
    },
    async (request) => {
      await db()
        .transaction()
        .execute((trx) =>
          updatePurchaseOrder(trx, actorOf(request), request.params.id, request.body),
        );
      return getPurchaseOrder(db(), request.params.id);
    },
  );

  const steps = [
    ['place', placePurchaseOrderSchema, 'Place a draft: it opens for receiving'],
    ['cancel', endPurchaseOrderSchema, 'Cancel a draft or an open order nothing was received on'],
    ['close', endPurchaseOrderSchema, 'Close an order (short if not all was received)'],
  ] as const;
  for (const [step, body, summary] of steps) {
    app.post(
      `/purchase-orders/:id/${step}`,
      {
        config: manage,
        schema: {
          tags,
          summary,
          params: idParams,
          body,
          response: { 200: purchaseOrderDetailSchema, ...errors },
        },
      },
      async (request) => {
        await db()
          .transaction()
          .execute((trx) =>
            changePurchaseOrderStatus(
              trx,
              actorOf(request),
              request.params.id,
              step,
              request.body.reason,
            ),
          );
        return getPurchaseOrder(db(), request.params.id);
      },
    );
  }

  app.get(
    '/suppliers/scorecard',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Per supplier: on-time delivery (receipts on or before the due date) and lot acceptance (released / decided)',
        querystring: scorecardQuerySchema,
        response: { 200: supplierScorecardSchema },
      },
    },
    async (request) => supplierScorecard(db(), request.query),
  );

  app.get(
    '/suppliers/scorecard/export.csv',
    {
      config: read,
      schema: { tags, summary: 'The supplier scorecard as CSV', querystring: scorecardQuerySchema },
    },
    async (request, reply) => {
      const { rows } = await supplierScorecard(db(), request.query);
      return sendCsv(reply, {
        filename: 'supplier-scorecard',
        columns: SCORECARD_CSV_COLUMNS,
        rows,
      });
    },
  );
};

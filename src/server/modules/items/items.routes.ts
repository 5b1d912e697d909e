import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createItemSchema,
  deviceModelInputSchema,
  endItemDocumentLinkSchema,
  itemDocumentLinkSchema,
  linkItemDocumentSchema,
  itemListQuerySchema,
  itemSchema,
  setItemStatusSchema,
  updateItemSchema,
} from '../../../shared/items.contract.ts';
import { listResponseSchema } from '../../../shared/list.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { allPages, registerCsvImport, sendCsv } from '../../platform/csv/index.ts';
import { actorOf } from '../../platform/http/access.ts';
import {
  endItemDocumentLink,
  linkItemDocument,
  listItemDocuments,
} from './item-documents.service.ts';
import { ITEM_CSV_COLUMNS, itemsImporter } from './items.csv.ts';
import {
  createItem,
  getItem,
  listItems,
  setDeviceModel,
  setItemStatus,
  updateItem,
} from './items.service.ts';

const idParams = z.object({ id: z.uuid() });
const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
const read = { access: { permission: 'item.read' as const } };
const manage = { access: { permission: 'item.manage' as const } };

export const itemsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;

  app.get(
    '/items',
    {
      config: read,
      schema: {
        tags: ['items'],
        querystring: itemListQuerySchema,
        response: { 200: listResponseSchema(itemSchema) },
      },
    },
    async (request) => listItems(db(), request.query),
  );

  app.get(
    '/items/export.csv',
    {
      config: read,
      schema: {
        tags: ['items'],
        summary: 'The item list as CSV, with the same filters',
        querystring: itemListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'items',
        columns: ITEM_CSV_COLUMNS,
        rows: allPages((page) => listItems(db(), { ...request.query, ...page })),
      }),
  );

  registerCsvImport(app, itemsImporter);

  app.get(
    '/items/:id',
    {
      config: read,
      schema: {
        tags: ['items'],
        params: idParams,
        response: { 200: itemSchema, 404: problemSchema },
      },
    },
    async (request) => getItem(db(), request.params.id),
  );

  app.post(
    '/items',
    {
      config: manage,
      schema: { tags: ['items'], body: createItemSchema, response: { 201: itemSchema, ...errors } },
    },
    async (request, reply) => {
      const item = await db()
        .transaction()
        .execute((trx) => createItem(trx, actorOf(request), request.body));
      return reply.code(201).send(item);
    },
  );

  app.patch(
    '/items/:id',
    {
      config: manage,
      schema: {
        tags: ['items'],
        params: idParams,
        body: updateItemSchema,
        response: { 200: itemSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => updateItem(trx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/items/:id/status',
    {
      config: manage,
      schema: {
        tags: ['items'],
        summary: 'Block, reactivate or make obsolete (final); items are never deleted',
        params: idParams,
        body: setItemStatusSchema,
        response: { 200: itemSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          setItemStatus(
            trx,
            actorOf(request),
            request.params.id,
            request.body.status,
            request.body.reason,
          ),
        ),
  );

  app.put(
    '/items/:id/device-model',
    {
      config: manage,
      schema: {
        tags: ['items'],
        summary: "Set a finished device's UDI-DI data (GTIN or HIBC DI checked) and package levels",
        params: idParams,
        body: deviceModelInputSchema,
        response: { 200: itemSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => setDeviceModel(trx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/items/:id/documents',
    {
      config: read,
      schema: {
        tags: ['items'],
        summary: 'The controlled document versions linked to the item',
        params: idParams,
        response: { 200: z.array(itemDocumentLinkSchema), 404: problemSchema },
      },
    },
    async (request) => listItemDocuments(db(), request.params.id),
  );

  app.post(
    '/items/:id/documents',
    {
      config: manage,
      schema: {
        tags: ['items'],
        summary: 'Link an approved or effective document version to the item',
        params: idParams,
        body: linkItemDocumentSchema,
        response: { 200: z.array(itemDocumentLinkSchema), ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => linkItemDocument(trx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/items/:id/documents/:linkId/end',
    {
      config: manage,
      schema: {
        tags: ['items'],
        summary: 'End a document link (kept, with the reason)',
        params: z.object({ id: z.uuid(), linkId: z.uuid() }),
        body: endItemDocumentLinkSchema,
        response: { 200: z.array(itemDocumentLinkSchema), ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          endItemDocumentLink(
            trx,
            actorOf(request),
            request.params.id,
            request.params.linkId,
            request.body.reason,
          ),
        ),
  );
};

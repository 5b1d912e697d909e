import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponseSchema } from '../../../shared/list.ts';
import { CERTIFICATE_FILE_MAX_BYTES } from '../../../shared/partners.contract.ts';
import { problemSchema } from '../../../shared/problem.ts';
import {
  createReceiptSchema,
  createSupplierReturnSchema,
  parseReceiptScanSchema,
  receiptListQuerySchema,
  receiptScanPreviewSchema,
  receiptSchema,
  supplierReturnListQuerySchema,
  supplierReturnSchema,
} from '../../../shared/purchasing.contract.ts';
import { allPages, sendCsv } from '../../platform/csv/index.ts';
import { actorOf } from '../../platform/http/access.ts';
import { RECEIPT_CSV_COLUMNS, SUPPLIER_RETURN_CSV_COLUMNS } from './purchasing.csv.ts';
import { getReceiptCertificateFile } from './receipt-files.ts';
import { previewReceiptScan } from './receipt-preview.ts';
import { getReceipt, listReceipts } from './receipts.queries.ts';
import { receiveGoods } from './receipts.service.ts';
import { listSupplierReturns, returnToSupplier } from './returns.service.ts';

const idParams = z.object({ id: z.uuid() });
const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  413: problemSchema,
  422: problemSchema,
};
const read = { access: { permission: 'purchasing.read' as const } };
const receive = { access: { permission: 'receiving.perform' as const } };
const tags = ['receiving'];
// Base64 makes 10 MB of certificate about 13.4 MB of JSON.
const UPLOAD_BODY_LIMIT = Math.ceil((CERTIFICATE_FILE_MAX_BYTES * 4) / 3) + 64 * 1024;

/** RFC 6266 / 8187: an ASCII fallback and the exact UTF-8 name. */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** /api/receipts… and /api/supplier-returns… */
export const receiptsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;

  app.get(
    '/receipts',
    {
      config: read,
      schema: {
        tags,
        summary: 'Receipts, newest first; q searches receipt, PO, supplier lot and lot codes',
        querystring: receiptListQuerySchema,
        response: { 200: listResponseSchema(receiptSchema) },
      },
    },
    async (request) => listReceipts(db(), request.query),
  );

  app.get(
    '/receipts/export.csv',
    {
      config: read,
      schema: {
        tags,
        summary: 'Receipts as CSV, with the same filters',
        querystring: receiptListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'receipts',
        columns: RECEIPT_CSV_COLUMNS,
        rows: allPages((page) => listReceipts(db(), { ...request.query, ...page })),
      }),
  );

  app.get(
    '/receipts/:id',
    {
      config: read,
      schema: {
        tags,
        params: idParams,
        response: { 200: receiptSchema, 404: problemSchema },
      },
    },
    async (request) => getReceipt(db(), request.params.id),
  );

  app.get(
    '/receipts/:id/certificate',
    {
      config: read,
      schema: {
        tags,
        summary: "Download the receipt's certificate of analysis; Repr-Digest carries its SHA-256",
        params: idParams,
        response: {
          200: {
            description: 'The file as uploaded',
            content: {
              'application/octet-stream': {
                schema: z.instanceof(Buffer).meta({ type: 'string', format: 'binary' }),
              },
            },
          },
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const file = await getReceiptCertificateFile(db(), request.params.id);
      return reply
        .type(file.mediaType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('etag', `"${file.sha256}"`)
        .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
        .send(file.content);
    },
  );

  app.post(
    '/receipts/parse',
    {
      config: receive,
      schema: {
        tags,
        summary:
          'What a scanned supplier label means for a PO line (item match, lot, dates, quantity); writes nothing',
        body: parseReceiptScanSchema,
        response: { 200: receiptScanPreviewSchema, ...errors },
      },
    },
    async (request) => previewReceiptScan(db(), request.body),
  );

  app.post(
    '/receipts',
    {
      config: receive,
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Receive against a PO line: creates quarantined lot(s) bound to the supplier lot, stores the certificate of analysis and opens the incoming inspection',
        body: createReceiptSchema,
        response: { 201: receiptSchema, ...errors },
      },
    },
    async (request, reply) => {
      const receipt = await db()
        .transaction()
        .execute((trx) => receiveGoods(trx, actorOf(request), request.body));
      return reply.code(201).send(receipt);
    },
  );

  app.get(
    '/supplier-returns',
    {
      config: read,
      schema: {
        tags,
        querystring: supplierReturnListQuerySchema,
        response: { 200: listResponseSchema(supplierReturnSchema) },
      },
    },
    async (request) => listSupplierReturns(db(), request.query),
  );

  app.get(
    '/supplier-returns/export.csv',
    {
      config: read,
      schema: {
        tags,
        summary: 'Returns to suppliers as CSV, with the same filters',
        querystring: supplierReturnListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'supplier-returns',
        columns: SUPPLIER_RETURN_CSV_COLUMNS,
        rows: allPages((page) => listSupplierReturns(db(), { ...request.query, ...page })),
      }),
  );

  app.post(
    '/supplier-returns',
    {
      config: receive,
      schema: {
        tags,
        summary: 'Return stock of a received lot or serial to its supplier',
        body: createSupplierReturnSchema,
        response: { 201: supplierReturnSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await db()
        .transaction()
        .execute((trx) => returnToSupplier(trx, actorOf(request), request.body));
      return reply.code(201).send(result);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponseSchema } from '../../../shared/list.ts';
import {
  addSupplierItemSchema,
  attachCertificateFileSchema,
  CERTIFICATE_FILE_MAX_BYTES,
  certificateSchema,
  changeSupplierStatusSchema,
  createCertificateSchema,
  createSupplierSchema,
  endSupplierItemSchema,
  expiringCertificateSchema,
  expiringCertificatesQuerySchema,
  supplierDetailSchema,
  supplierItemSchema,
  supplierItemsQuerySchema,
  supplierListQuerySchema,
  supplierSchema,
  updateSupplierSchema,
} from '../../../shared/partners.contract.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { allPages, registerCsvImport, sendCsv } from '../../platform/csv/index.ts';
import { actorOf, requestMeta } from '../../platform/http/access.ts';
import { verifySigner } from '../../platform/signatures/signatures.service.ts';
import {
  attachCertificateFile,
  createCertificate,
  getCertificateFile,
  listCertificates,
  listExpiringCertificates,
} from './certificates.service.ts';
import {
  CERTIFICATE_CSV_COLUMNS,
  EXPIRING_CERTIFICATE_CSV_COLUMNS,
  SUPPLIER_CSV_COLUMNS,
  SUPPLIER_ITEM_CSV_COLUMNS,
  suppliersImporter,
} from './partners.csv.ts';
import {
  addSupplierItem,
  changeSupplierStatus,
  createSupplier,
  endSupplierItem,
  getSupplier,
  listSupplierItems,
  listSuppliers,
  precheckSupplierStatusChange,
  updateSupplier,
} from './suppliers.service.ts';

const idParams = z.object({ id: z.uuid() });
const linkParams = z.object({ id: z.uuid(), linkId: z.uuid() });
const certificateParams = z.object({ id: z.uuid(), certificateId: z.uuid() });
const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  413: problemSchema,
  422: problemSchema,
  423: problemSchema,
};
const read = { access: { permission: 'supplier.read' as const } };
const manage = { access: { permission: 'supplier.manage' as const } };
const approve = { access: { permission: 'supplier.approve' as const } };
// Base64 makes 10 MB of file about 13.4 MB of JSON.
const UPLOAD_BODY_LIMIT = Math.ceil((CERTIFICATE_FILE_MAX_BYTES * 4) / 3) + 64 * 1024;

/** RFC 6266 / 8187: an ASCII fallback and the exact UTF-8 name (Chinese file names survive). */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const suppliersRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;
  const { security } = app.lotline;

  app.get(
    '/suppliers',
    {
      config: read,
      schema: {
        tags: ['suppliers'],
        querystring: supplierListQuerySchema,
        response: { 200: listResponseSchema(supplierSchema) },
      },
    },
    async (request) => listSuppliers(db(), request.query),
  );

  app.get(
    '/suppliers/export.csv',
    {
      config: read,
      schema: {
        tags: ['suppliers'],
        summary: 'The supplier list as CSV, with the same filters',
        querystring: supplierListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'suppliers',
        columns: SUPPLIER_CSV_COLUMNS,
        rows: allPages((page) => listSuppliers(db(), { ...request.query, ...page })),
      }),
  );

  registerCsvImport(app, suppliersImporter);

  app.get(
    '/suppliers/certificates/expiring/export.csv',
    {
      config: read,
      schema: {
        tags: ['suppliers'],
        summary: 'The expiring certificates as CSV, with the same filters',
        querystring: expiringCertificatesQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'expiring-certificates',
        columns: EXPIRING_CERTIFICATE_CSV_COLUMNS,
        rows: allPages((page) => listExpiringCertificates(db(), { ...request.query, ...page })),
      }),
  );

  app.get(
    '/suppliers/:id/items/export.csv',
    {
      config: read,
      schema: {
        tags: ['suppliers'],
        summary: "The supplier's approved items as CSV",
        params: idParams,
        querystring: supplierItemsQuerySchema,
      },
    },
    async (request, reply) => {
      const { items } = await listSupplierItems(
        db(),
        request.params.id,
        request.query.includeEnded,
      );
      return sendCsv(reply, {
        filename: 'supplier-items',
        columns: SUPPLIER_ITEM_CSV_COLUMNS,
        rows: items,
      });
    },
  );

  app.get(
    '/suppliers/:id/certificates/export.csv',
    {
      config: read,
      schema: {
        tags: ['suppliers'],
        summary: "The supplier's certificates as CSV",
        params: idParams,
      },
    },
    async (request, reply) => {
      await getSupplier(db(), request.params.id);
      const rows = await listCertificates(db(), request.params.id);
      return sendCsv(reply, { filename: 'certificates', columns: CERTIFICATE_CSV_COLUMNS, rows });
    },
  );

  app.get(
    '/suppliers/certificates/expiring',
    {
      config: read,
      schema: {
        tags: ['suppliers'],
        summary:
          'Current certificates of suppliers in use that lapse within `days` (default 30), soonest first',
        querystring: expiringCertificatesQuerySchema,
        response: { 200: listResponseSchema(expiringCertificateSchema) },
      },
    },
    async (request) => listExpiringCertificates(db(), request.query),
  );

  app.get(
    '/suppliers/:id',
    {
      config: read,
      schema: {
        tags: ['suppliers'],
        summary:
          'A supplier with certificates (status as of today), approved items, status history and warnings',
        params: idParams,
        response: { 200: supplierDetailSchema, 404: problemSchema },
      },
    },
    async (request) => getSupplier(db(), request.params.id),
  );

  app.post(
    '/suppliers',
    {
      config: manage,
      schema: {
        tags: ['suppliers'],
        summary: 'Create a supplier; it starts pending approval',
        body: createSupplierSchema,
        response: { 201: supplierDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const supplier = await db()
        .transaction()
        .execute((trx) => createSupplier(trx, actorOf(request), request.body));
      return reply.code(201).send(supplier);
    },
  );

  app.patch(
    '/suppliers/:id',
    {
      config: manage,
      schema: {
        tags: ['suppliers'],
        params: idParams,
        body: updateSupplierSchema,
        response: { 200: supplierDetailSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => updateSupplier(trx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/suppliers/:id/status',
    {
      config: approve,
      schema: {
        tags: ['suppliers'],
        summary:
          'Approve, approve with conditions, disqualify or re-evaluate; needs an electronic signature',
        params: idParams,
        body: changeSupplierStatusSchema,
        response: { 200: supplierDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const { status, signature } = request.body;
      await precheckSupplierStatusChange(db(), id, status, signature?.meaning);
      const signer = await verifySigner(db(), security, actor, signature, requestMeta(request));
      return db()
        .transaction()
        .execute((trx) => changeSupplierStatus(trx, actor, signer, id, request.body));
    },
  );

  app.get(
    '/suppliers/:id/items',
    {
      config: read,
      schema: {
        tags: ['suppliers'],
        summary: "The supplier's approved items (with ended links when includeEnded=true)",
        params: idParams,
        querystring: supplierItemsQuerySchema,
        response: { 200: listResponseSchema(supplierItemSchema), 404: problemSchema },
      },
    },
    async (request) => listSupplierItems(db(), request.params.id, request.query.includeEnded),
  );

  app.post(
    '/suppliers/:id/items',
    {
      config: manage,
      schema: {
        tags: ['suppliers'],
        summary: "Put an item on the supplier's approved list",
        params: idParams,
        body: addSupplierItemSchema,
        response: { 201: supplierItemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const link = await db()
        .transaction()
        .execute((trx) => addSupplierItem(trx, actorOf(request), request.params.id, request.body));
      return reply.code(201).send(link);
    },
  );

  app.post(
    '/suppliers/:id/items/:linkId/end',
    {
      config: manage,
      schema: {
        tags: ['suppliers'],
        summary: 'Take an item off the approved list (end-dated, never deleted)',
        params: linkParams,
        body: endSupplierItemSchema,
        response: { 200: supplierItemSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          endSupplierItem(
            trx,
            actorOf(request),
            request.params.id,
            request.params.linkId,
            request.body.reason,
          ),
        ),
  );

  app.get(
    '/suppliers/:id/certificates',
    {
      config: read,
      schema: {
        tags: ['suppliers'],
        params: idParams,
        response: { 200: listResponseSchema(certificateSchema), 404: problemSchema },
      },
    },
    async (request) => {
      await getSupplier(db(), request.params.id);
      const items = await listCertificates(db(), request.params.id);
      return { items, total: items.length };
    },
  );

  app.post(
    '/suppliers/:id/certificates',
    {
      config: manage,
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: ['suppliers'],
        summary:
          'Add a certificate, optionally with its scanned copy (PDF, PNG or JPEG, base64, at most 10 MB)',
        params: idParams,
        body: createCertificateSchema,
        response: { 201: certificateSchema, ...errors },
      },
    },
    async (request, reply) => {
      const certificate = await db()
        .transaction()
        .execute((trx) =>
          createCertificate(trx, actorOf(request), request.params.id, request.body),
        );
      return reply.code(201).send(certificate);
    },
  );

  app.put(
    '/suppliers/:id/certificates/:certificateId/file',
    {
      config: manage,
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: ['suppliers'],
        summary: "Attach or replace a certificate's scanned copy; earlier files stay stored",
        params: certificateParams,
        body: attachCertificateFileSchema,
        response: { 200: certificateSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          attachCertificateFile(
            trx,
            actorOf(request),
            request.params.id,
            request.params.certificateId,
            request.body,
          ),
        ),
  );

  app.get(
    '/suppliers/:id/certificates/:certificateId/file',
    {
      config: read,
      schema: {
        tags: ['suppliers'],
        summary: "Download a certificate's file; Repr-Digest carries its SHA-256",
        params: certificateParams,
        response: {
          200: {
            description: 'The file as uploaded',
            content: {
              'application/octet-stream': {
                // Sent as raw bytes (Fastify does not serialise a Buffer); OpenAPI: a binary string.
                schema: z.instanceof(Buffer).meta({ type: 'string', format: 'binary' }),
              },
            },
          },
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const file = await getCertificateFile(db(), request.params.id, request.params.certificateId);
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
};

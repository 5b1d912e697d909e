import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  controlledDocumentDetailSchema,
  controlledDocumentSchema,
  createDocumentSchema,
  createDocumentVersionSchema,
  documentFileInputSchema,
  documentListQuerySchema,
  documentVersionSchema,
  makeEffectiveSchema,
  MAX_DOCUMENT_FILE_BYTES,
  reasonSchema,
  signedActionSchema,
  signedReasonSchema,
  updateDocumentSchema,
  updateDocumentVersionSchema,
} from '../../../shared/documents.contract.ts';
import { listResponseSchema } from '../../../shared/list.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { allPages, sendCsv } from '../../platform/csv/index.ts';
import { actorOf, requestMeta } from '../../platform/http/access.ts';
import { verifySigner } from '../../platform/signatures/signatures.service.ts';
import { DOCUMENT_CSV_COLUMNS } from './documents.csv.ts';
import { contentDisposition, streamFile } from './documents.files.ts';
import {
  approveDocumentVersion,
  attachDocumentFile,
  createDocument,
  createDocumentVersion,
  documentVersionFile,
  getDocument,
  getDocumentVersion,
  listDocuments,
  makeDocumentVersionEffective,
  obsoleteDocumentVersion,
  precheckDocumentApproval,
  returnDocumentVersion,
  submitDocumentVersion,
  updateDocument,
  updateDocumentVersion,
} from './documents.service.ts';

const idParams = z.object({ id: z.uuid() });
const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  413: problemSchema,
  422: problemSchema,
  423: problemSchema,
};
const read = { access: { permission: 'document.read' as const } };
const manage = { access: { permission: 'document.manage' as const } };
const approve = { access: { permission: 'document.approve' as const } };
// Base64 of the largest file, and room for the rest of the JSON body.
const FILE_BODY_LIMIT = Math.ceil(MAX_DOCUMENT_FILE_BYTES / 3) * 4 + 64 * 1024;

export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;
  const { security } = app.lotline;

  app.get(
    '/documents',
    {
      config: read,
      schema: {
        tags: ['documents'],
        querystring: documentListQuerySchema,
        response: { 200: listResponseSchema(controlledDocumentSchema) },
      },
    },
    async (request) => listDocuments(db(), request.query),
  );

  app.get(
    '/documents/export.csv',
    {
      config: read,
      schema: {
        tags: ['documents'],
        summary: 'The document list as CSV, with the same filters',
        querystring: documentListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'documents',
        columns: DOCUMENT_CSV_COLUMNS,
        rows: allPages((page) => listDocuments(db(), { ...request.query, ...page })),
      }),
  );

  app.get(
    '/documents/:id',
    {
      config: read,
      schema: {
        tags: ['documents'],
        summary: 'A controlled document with all its versions',
        params: idParams,
        response: { 200: controlledDocumentDetailSchema, 404: problemSchema },
      },
    },
    async (request) => getDocument(db(), request.params.id),
  );

  app.post(
    '/documents',
    {
      config: manage,
      schema: {
        tags: ['documents'],
        body: createDocumentSchema,
        response: { 201: controlledDocumentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const doc = await db()
        .transaction()
        .execute((trx) => createDocument(trx, actorOf(request), request.body));
      return reply.code(201).send(doc);
    },
  );

  app.patch(
    '/documents/:id',
    {
      config: manage,
      schema: {
        tags: ['documents'],
        params: idParams,
        body: updateDocumentSchema,
        response: { 200: controlledDocumentDetailSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => updateDocument(trx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/documents/:id/versions',
    {
      config: manage,
      bodyLimit: FILE_BODY_LIMIT,
      schema: {
        tags: ['documents'],
        summary: 'Start the next revision (A, B, …) as a draft, optionally with its file (base64)',
        params: idParams,
        body: createDocumentVersionSchema,
        response: { 201: documentVersionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const version = await db()
        .transaction()
        .execute((trx) =>
          createDocumentVersion(trx, actorOf(request), request.params.id, request.body),
        );
      return reply.code(201).send(version);
    },
  );

  app.get(
    '/document-versions/:id',
    {
      config: read,
      schema: {
        tags: ['documents'],
        params: idParams,
        response: { 200: documentVersionSchema, 404: problemSchema },
      },
    },
    async (request) => getDocumentVersion(db(), request.params.id),
  );

  app.patch(
    '/document-versions/:id',
    {
      config: manage,
      schema: {
        tags: ['documents'],
        summary: 'Change the summary of a draft (VERSION_LOCKED once submitted)',
        params: idParams,
        body: updateDocumentVersionSchema,
        response: { 200: documentVersionSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          updateDocumentVersion(trx, actorOf(request), request.params.id, request.body),
        ),
  );

  app.put(
    '/document-versions/:id/file',
    {
      config: manage,
      bodyLimit: FILE_BODY_LIMIT,
      schema: {
        tags: ['documents'],
        summary: "Attach or replace a draft's file (base64, at most 10 MiB)",
        params: idParams,
        body: documentFileInputSchema,
        response: { 200: documentVersionSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          attachDocumentFile(trx, actorOf(request), request.params.id, request.body),
        ),
  );

  app.get(
    '/document-versions/:id/file',
    {
      config: read,
      schema: {
        tags: ['documents'],
        summary:
          'Download the file; X-Checksum-SHA256 (hex) and Repr-Digest (RFC 9530) carry its SHA-256',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await documentVersionFile(db(), request.params.id);
      return reply
        .type(file.media_type)
        .header('content-length', file.size_bytes)
        .header('content-disposition', contentDisposition(file.filename))
        .header('x-checksum-sha256', file.sha256)
        .header('x-content-type-options', 'nosniff')
        .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
        .header('etag', `"${file.sha256}"`)
        .send(streamFile(db(), file));
    },
  );

  app.post(
    '/document-versions/:id/submit',
    {
      config: manage,
      schema: {
        tags: ['documents'],
        summary: 'Draft → in review (needs a file)',
        params: idParams,
        response: { 200: documentVersionSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => submitDocumentVersion(trx, actorOf(request), request.params.id)),
  );

  app.post(
    '/document-versions/:id/return',
    {
      config: approve,
      schema: {
        tags: ['documents'],
        summary: 'In review → draft, with the reason',
        params: idParams,
        body: reasonSchema,
        response: { 200: documentVersionSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          returnDocumentVersion(trx, actorOf(request), request.params.id, request.body.reason),
        ),
  );

  app.post(
    '/document-versions/:id/approve',
    {
      config: approve,
      schema: {
        tags: ['documents'],
        summary: 'In review → approved; needs an electronic signature (meaning: approved)',
        params: idParams,
        body: signedActionSchema,
        response: { 200: documentVersionSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await precheckDocumentApproval(db(), actor, request.params.id);
      const signer = await verifySigner(
        db(),
        security,
        actor,
        request.body.signature,
        requestMeta(request),
      );
      return db()
        .transaction()
        .execute((trx) => approveDocumentVersion(trx, actor, signer, request.params.id));
    },
  );

  app.post(
    '/document-versions/:id/make-effective',
    {
      config: approve,
      schema: {
        tags: ['documents'],
        summary: 'Approved → effective now, superseding the effective version',
        params: idParams,
        body: makeEffectiveSchema,
        response: { 200: documentVersionSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          makeDocumentVersionEffective(trx, actorOf(request), request.params.id, {
            effectiveFrom: request.body.effectiveFrom,
          }),
        ),
  );

  app.post(
    '/document-versions/:id/obsolete',
    {
      config: approve,
      schema: {
        tags: ['documents'],
        summary: 'Withdraw a version; needs an electronic signature (meaning: approved)',
        params: idParams,
        body: signedReasonSchema,
        response: { 200: documentVersionSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const signer = await verifySigner(
        db(),
        security,
        actor,
        request.body.signature,
        requestMeta(request),
      );
      return db()
        .transaction()
        .execute((trx) =>
          obsoleteDocumentVersion(trx, actor, signer, request.params.id, request.body.reason),
        );
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listQuerySchema, listResponseSchema } from '../../../shared/list.ts';
import { problemSchema } from '../../../shared/problem.ts';
import {
  signatureSchema,
  signatureVerificationSchema,
} from '../../../shared/signatures.contract.ts';
import { listSignatures, verifySignature } from './signatures.service.ts';

export const signaturesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;

  app.get(
    '/signatures',
    {
      config: { access: { permission: 'signature.read' } },
      schema: {
        tags: ['signatures'],
        querystring: listQuerySchema.extend({
          recordType: z.string().max(100).optional(),
          recordId: z.string().max(200).optional(),
          signerId: z.uuid().optional(),
        }),
        response: { 200: listResponseSchema(signatureSchema) },
      },
    },
    async (request) => listSignatures(db(), request.query),
  );

  app.get(
    '/signatures/:id/verify',
    {
      config: { access: { permission: 'signature.read' } },
      schema: {
        tags: ['signatures'],
        summary:
          "Recompute the signed record's hash now: valid, broken (changed after signing) or record_missing",
        params: z.object({ id: z.uuid() }),
        response: { 200: signatureVerificationSchema, 404: problemSchema },
      },
    },
    async (request) => verifySignature(db(), app.lotline.signables, request.params.id),
  );
};

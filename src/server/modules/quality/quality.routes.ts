import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponseSchema } from '../../../shared/list.ts';
import { problemSchema } from '../../../shared/problem.ts';
import {
  nonconformanceListQuerySchema,
  nonconformanceSchema,
} from '../../../shared/quality.contract.ts';
import { getNonconformance, listNonconformances } from './quality.service.ts';

const tags = ['nonconformances'];
const read = { access: { permission: 'nonconformance.read' as const } };

export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;

  app.get(
    '/nonconformances',
    {
      config: read,
      schema: {
        tags,
        summary: 'Nonconformance records, newest first',
        querystring: nonconformanceListQuerySchema,
        response: { 200: listResponseSchema(nonconformanceSchema), 400: problemSchema },
      },
    },
    async (request) => listNonconformances(db(), request.query),
  );

  app.get(
    '/nonconformances/:id',
    {
      config: read,
      schema: {
        tags,
        params: z.object({ id: z.uuid() }),
        response: { 200: nonconformanceSchema, 404: problemSchema },
      },
    },
    async (request) => getNonconformance(db(), request.params.id),
  );
};

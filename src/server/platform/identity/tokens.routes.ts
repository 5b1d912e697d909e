import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  apiTokenSchema,
  createTokenSchema,
  createdTokenSchema,
  reasonSchema,
  tokenListQuerySchema,
} from '../../../shared/identity.contract.ts';
import { listResponseSchema } from '../../../shared/list.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { actorOf } from '../http/access.ts';
import { createToken, listTokens, revokeToken } from './tokens.service.ts';

const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

export const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;

  app.get(
    '/tokens',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['tokens'],
        summary: "Your API tokens; all=true lists everyone's (token.manage)",
        querystring: tokenListQuerySchema,
        response: { 200: listResponseSchema(apiTokenSchema), 403: problemSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return listTokens(db(), actor, { ...request.query, all: request.query.all === 'true' });
    },
  );

  app.post(
    '/tokens',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['tokens'],
        summary:
          'Create an API token for yourself (or, with token.manage, for another user); the secret is shown once',
        body: createTokenSchema,
        response: { 201: createdTokenSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const created = await db()
        .transaction()
        .execute((trx) =>
          createToken(trx, actor, { ...request.body, userId: request.body.userId ?? actor.userId }),
        );
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/tokens/:id/revoke',
    {
      config: { access: { signedIn: true } },
      schema: {
        tags: ['tokens'],
        params: z.object({ id: z.uuid() }),
        body: reasonSchema,
        response: { 200: apiTokenSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          revokeToken(trx, actorOf(request), request.params.id, request.body.reason),
        ),
  );
};

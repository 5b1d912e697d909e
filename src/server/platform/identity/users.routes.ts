import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createUserSchema,
  reasonSchema,
  resetPasswordSchema,
  setUserRolesSchema,
  updateUserSchema,
  userListQuerySchema,
  userSchema,
} from '../../../shared/identity.contract.ts';
import { listResponseSchema } from '../../../shared/list.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { actorOf } from '../http/access.ts';
import {
  createUser,
  getUser,
  listUsers,
  resetPassword,
  setUserRoles,
  setUserStatus,
  updateUser,
} from './users.service.ts';

const idParams = z.object({ id: z.uuid() });
const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
const manage = { access: { permission: 'user.manage' as const } };

export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;
  const { security } = app.lotline;

  app.get(
    '/users',
    {
      config: { access: { permission: 'user.read' } },
      schema: {
        tags: ['users'],
        querystring: userListQuerySchema,
        response: { 200: listResponseSchema(userSchema) },
      },
    },
    async (request) => listUsers(db(), request.query),
  );

  app.get(
    '/users/:id',
    {
      config: { access: { permission: 'user.read' } },
      schema: {
        tags: ['users'],
        params: idParams,
        response: { 200: userSchema, 404: problemSchema },
      },
    },
    async (request) => getUser(db(), request.params.id),
  );

  app.post(
    '/users',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary: 'Create a user; they must change the initial password at first sign-in',
        body: createUserSchema,
        response: { 201: userSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = await db()
        .transaction()
        .execute((trx) => createUser(trx, actorOf(request), security, request.body));
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/users/:id',
    {
      config: manage,
      schema: {
        tags: ['users'],
        params: idParams,
        body: updateUserSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => updateUser(trx, actorOf(request), request.params.id, request.body)),
  );

  app.put(
    '/users/:id/roles',
    {
      config: manage,
      schema: {
        tags: ['users'],
        params: idParams,
        body: setUserRolesSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => setUserRoles(trx, actorOf(request), request.params.id, request.body)),
  );

  for (const change of ['disable', 'enable', 'unlock'] as const) {
    app.post(
      `/users/:id/${change}`,
      {
        config: manage,
        schema: {
          tags: ['users'],
          params: idParams,
          body: reasonSchema,
          response: { 200: userSchema, ...errors },
        },
      },
      async (request) =>
        db()
          .transaction()
          .execute((trx) =>
            setUserStatus(trx, actorOf(request), request.params.id, change, request.body.reason),
          ),
    );
  }

  app.post(
    '/users/:id/reset-password',
    {
      config: manage,
      schema: {
        tags: ['users'],
        summary:
          'Set a new password; the user must change it at next sign-in, and their sessions end',
        params: idParams,
        body: resetPasswordSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          resetPassword(trx, actorOf(request), security, request.params.id, request.body),
        ),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createRoleSchema,
  permissionInfoSchema,
  roleSchema,
  setRolePermissionsSchema,
} from '../../../shared/identity.contract.ts';
import { listQuerySchema, listResponseSchema } from '../../../shared/list.ts';
import { PERMISSIONS } from '../../../shared/permissions.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { actorOf, requestMeta } from '../http/access.ts';
import { verifySigner } from '../signatures/signatures.service.ts';
import {
  createRole,
  getRole,
  listRoles,
  precheckRoleChange,
  setRolePermissions,
} from './roles.service.ts';

const keyParams = z.object({ key: z.string().min(1).max(64) });
const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
  423: problemSchema,
};

export const rolesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;
  const { security } = app.lotline;

  app.get(
    '/roles',
    {
      config: { access: { permission: 'role.read' } },
      schema: {
        tags: ['roles'],
        querystring: listQuerySchema,
        response: { 200: listResponseSchema(roleSchema) },
      },
    },
    async (request) => {
      const { q, limit, offset } = request.query;
      const roles = await listRoles(db(), q);
      return { items: roles.slice(offset, offset + limit), total: roles.length };
    },
  );

  app.get(
    '/roles/:key',
    {
      config: { access: { permission: 'role.read' } },
      schema: {
        tags: ['roles'],
        params: keyParams,
        response: { 200: roleSchema, 404: problemSchema },
      },
    },
    async (request) => getRole(db(), request.params.key),
  );

  app.post(
    '/roles',
    {
      config: { access: { permission: 'role.manage' } },
      schema: {
        tags: ['roles'],
        summary: 'Create a role; needs an electronic signature (meaning: approved)',
        body: createRoleSchema,
        response: { 201: roleSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { key, permissions } = request.body;
      await precheckRoleChange(db(), actor, { kind: 'create', key, permissions });
      const signer = await verifySigner(
        db(),
        security,
        actor,
        request.body.signature,
        requestMeta(request),
      );
      const role = await db()
        .transaction()
        .execute((trx) => createRole(trx, actor, signer, request.body));
      return reply.code(201).send(role);
    },
  );

  app.put(
    '/roles/:key/permissions',
    {
      config: { access: { permission: 'role.manage' } },
      schema: {
        tags: ['roles'],
        summary: "Replace a role's permissions; needs an electronic signature (meaning: approved)",
        params: keyParams,
        body: setRolePermissionsSchema,
        response: { 200: roleSchema, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { key } = request.params;
      await precheckRoleChange(db(), actor, {
        kind: 'permissions',
        key,
        permissions: request.body.permissions,
      });
      const signer = await verifySigner(
        db(),
        security,
        actor,
        request.body.signature,
        requestMeta(request),
      );
      return db()
        .transaction()
        .execute((trx) => setRolePermissions(trx, actor, signer, request.params.key, request.body));
    },
  );

  app.get(
    '/permissions',
    {
      config: { access: { permission: 'role.read' } },
      schema: {
        tags: ['roles'],
        summary: 'The catalogue of permissions',
        response: { 200: z.object({ items: z.array(permissionInfoSchema), total: z.number() }) },
      },
    },
    async () => {
      const items = Object.entries(PERMISSIONS).map(([key, text]) => ({
        key,
        en: text.en,
        zh: text.zh,
      }));
      return { items, total: items.length };
    },
  );
};

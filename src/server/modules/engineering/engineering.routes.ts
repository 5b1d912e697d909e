import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approvalRolesSchema, setApprovalRolesSchema } from '../../../shared/approvals.contract.ts';
import {
  bomContentSchema,
  bomVersionSchema,
  createBomSchema,
  createRoutingSchema,
  engineeringListQuerySchema,
  engineeringVersionSchema,
  engineeringVersionSummarySchema,
  makeVersionEffectiveSchema,
  routingContentSchema,
  routingVersionSchema,
  whereUsedEntrySchema,
  whereUsedQuerySchema,
  approveVersionSchema,
  type EngineeringKind,
  type EngineeringVersion,
} from '../../../shared/engineering.contract.ts';
import { listResponseSchema } from '../../../shared/list.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { requiredApprovalRoles, setRequiredApprovalRoles } from '../../platform/approvals.ts';
import { allPages, sendCsv } from '../../platform/csv/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { actorOf, requestMeta } from '../../platform/http/access.ts';
import { verifySigner } from '../../platform/signatures/signatures.service.ts';
import { whereUsed } from './bom.service.ts';
import { ENGINEERING_VERSION_CSV_COLUMNS } from './engineering.csv.ts';
import {
  approveVersion,
  copyVersion,
  createBomVersion,
  createRoutingVersion,
  ENGINEERING_APPROVAL,
  getBomVersion,
  getRoutingVersion,
  listVersions,
  makeVersionEffective,
  obsoleteVersion,
  precheckVersionApproval,
  returnVersionToDraft,
  submitVersion,
  updateBomVersion,
  updateRoutingVersion,
} from './versions.service.ts';

type App = Parameters<FastifyPluginAsyncZod>[0];

const idParams = z.object({ id: z.uuid() });
const reasonBody = z.object({ reason: z.string().trim().min(1).max(500) });
const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
  423: problemSchema,
};
const read = { access: { permission: 'engineering.read' as const } };
const manage = { access: { permission: 'engineering.manage' as const } };
const approve = { access: { permission: 'engineering.approve' as const } };

/** The lifecycle routes, the same for BOM and routing versions. */
function lifecycleRoutes(
  app: App,
  kind: EngineeringKind,
  path: string,
  get: (db: Executor, id: string) => Promise<EngineeringVersion>,
): void {
  const db = () => app.lotline.database.db;
  const tags = [path];
  const response = { 200: engineeringVersionSchema, ...errors };

  app.get(
    `/${path}`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Versions, newest first per item; q searches the parent item code and names',
        querystring: engineeringListQuerySchema,
        response: { 200: listResponseSchema(engineeringVersionSummarySchema) },
      },
    },
    async (request) => listVersions(db(), kind, request.query),
  );

  app.get(
    `/${path}/export.csv`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The version list as CSV, with the same filters',
        querystring: engineeringListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: path,
        columns: ENGINEERING_VERSION_CSV_COLUMNS,
        rows: allPages((page) => listVersions(db(), kind, { ...request.query, ...page })),
      }),
  );

  app.get(
    `/${path}/:id`,
    {
      config: read,
      schema: {
        tags,
        params: idParams,
        response: { 200: engineeringVersionSchema, 404: problemSchema },
      },
    },
    async (request) => get(db(), request.params.id),
  );

  app.post(
    `/${path}/:id/copy`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'A new draft (next version number) with the same content as this version',
        params: idParams,
        response: { 201: engineeringVersionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const id = await db()
        .transaction()
        .execute((trx) => copyVersion(trx, actorOf(request), kind, request.params.id));
      return reply.code(201).send(await get(db(), id));
    },
  );

  app.post(
    `/${path}/:id/submit`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Draft → in review (content re-checked)',
        params: idParams,
        response,
      },
    },
    async (request) => {
      await db()
        .transaction()
        .execute((trx) => submitVersion(trx, actorOf(request), kind, request.params.id));
      return get(db(), request.params.id);
    },
  );

  app.post(
    `/${path}/:id/return`,
    {
      config: approve,
      schema: {
        tags,
        summary: 'In review → draft; approvals collected so far no longer count',
        params: idParams,
        body: reasonBody,
        response,
      },
    },
    async (request) => {
      await db()
        .transaction()
        .execute((trx) =>
          returnVersionToDraft(trx, actorOf(request), kind, request.params.id, request.body.reason),
        );
      return get(db(), request.params.id);
    },
  );

  app.post(
    `/${path}/:id/approve`,
    {
      config: approve,
      schema: {
        tags,
        summary:
          'Sign the approval (meaning: approved) for one required role; approved when every required role has signed',
        params: idParams,
        body: approveVersionSchema,
        response,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      await precheckVersionApproval(db(), actor, kind, id, request.body.role);
      const signer = await verifySigner(
        db(),
        app.lotline.security,
        actor,
        request.body.signature,
        requestMeta(request),
      );
      await db()
        .transaction()
        .execute((trx) => approveVersion(trx, actor, signer, kind, id, request.body.role));
      return get(db(), id);
    },
  );

  app.post(
    `/${path}/:id/make-effective`,
    {
      config: approve,
      schema: {
        tags,
        summary:
          'Approved → effective, only while the item has no effective version (otherwise CHANGE_REQUEST_REQUIRED)',
        params: idParams,
        body: makeVersionEffectiveSchema,
        response,
      },
    },
    async (request) => {
      await db()
        .transaction()
        .execute((trx) =>
          makeVersionEffective(trx, actorOf(request), kind, request.params.id, request.body),
        );
      return get(db(), request.params.id);
    },
  );

  app.post(
    `/${path}/:id/obsolete`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Withdraw a draft, in-review or approved version that never became effective',
        params: idParams,
        body: reasonBody,
        response,
      },
    },
    async (request) => {
      await db()
        .transaction()
        .execute((trx) =>
          obsoleteVersion(trx, actorOf(request), kind, request.params.id, request.body.reason),
        );
      return get(db(), request.params.id);
    },
  );
}

export const engineeringRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;

  app.get(
    '/boms/where-used',
    {
      config: read,
      schema: {
        tags: ['boms'],
        summary: 'BOM versions that use an item as a component, with their status',
        querystring: whereUsedQuerySchema,
        response: { 200: listResponseSchema(whereUsedEntrySchema) },
      },
    },
    async (request) => {
      const { itemId, status } = request.query;
      const items = await whereUsed(db(), itemId, status ? [status] : undefined);
      return { items, total: items.length };
    },
  );

  app.post(
    '/boms',
    {
      config: manage,
      schema: {
        tags: ['boms'],
        summary: 'A new draft BOM version of an item (next version number)',
        body: createBomSchema,
        response: { 201: bomVersionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const bom = await db()
        .transaction()
        .execute((trx) => createBomVersion(trx, actorOf(request), request.body));
      return reply.code(201).send(bom);
    },
  );

  app.put(
    '/boms/:id',
    {
      config: manage,
      schema: {
        tags: ['boms'],
        summary: "Replace a draft's lines, note and document links (VERSION_LOCKED once submitted)",
        params: idParams,
        body: bomContentSchema,
        response: { 200: bomVersionSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => updateBomVersion(trx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/routings',
    {
      config: manage,
      schema: {
        tags: ['routings'],
        summary: 'A new draft routing version of an item (next version number)',
        body: createRoutingSchema,
        response: { 201: routingVersionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const routing = await db()
        .transaction()
        .execute((trx) => createRoutingVersion(trx, actorOf(request), request.body));
      return reply.code(201).send(routing);
    },
  );

  app.put(
    '/routings/:id',
    {
      config: manage,
      schema: {
        tags: ['routings'],
        summary: "Replace a draft's operations and note (VERSION_LOCKED once submitted)",
        params: idParams,
        body: routingContentSchema,
        response: { 200: routingVersionSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          updateRoutingVersion(trx, actorOf(request), request.params.id, request.body),
        ),
  );

  lifecycleRoutes(app, 'bom', 'boms', getBomVersion);
  lifecycleRoutes(app, 'routing', 'routings', getRoutingVersion);

  app.get(
    '/engineering/approval-roles',
    {
      config: read,
      schema: {
        tags: ['engineering'],
        summary: 'The roles whose signatures approve a BOM or routing version',
        response: { 200: approvalRolesSchema },
      },
    },
    async () => ({ roles: await requiredApprovalRoles(db(), ENGINEERING_APPROVAL) }),
  );

  app.put(
    '/engineering/approval-roles',
    {
      config: { access: { permission: 'role.manage' as const } },
      schema: {
        tags: ['engineering'],
        summary: 'Set the roles whose signatures approve a BOM or routing version (audited)',
        body: setApprovalRolesSchema,
        response: { 200: approvalRolesSchema, ...errors },
      },
    },
    async (request) => ({
      roles: await db()
        .transaction()
        .execute((trx) =>
          setRequiredApprovalRoles(
            trx,
            actorOf(request),
            ENGINEERING_APPROVAL,
            request.body.roles,
            request.body.reason,
          ),
        ),
    }),
  );
};

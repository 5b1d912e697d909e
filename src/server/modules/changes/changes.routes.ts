import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approvalRolesSchema, setApprovalRolesSchema } from '../../../shared/approvals.contract.ts';
import {
  approveChangeSchema,
  changeImpactSchema,
  changeListQuerySchema,
  changeReasonSchema,
  changeRequestSchema,
  changeRequestSummarySchema,
  createChangeSchema,
  implementChangeSchema,
  rejectChangeSchema,
  updateChangeSchema,
} from '../../../shared/changes.contract.ts';
import { listResponseSchema } from '../../../shared/list.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { requiredApprovalRoles, setRequiredApprovalRoles } from '../../platform/approvals.ts';
import { allPages, sendCsv } from '../../platform/csv/index.ts';
import { actorOf, requestMeta } from '../../platform/http/access.ts';
import { verifySigner } from '../../platform/signatures/signatures.service.ts';
import { CHANGE_CSV_COLUMNS } from './changes.csv.ts';
import {
  approveChange,
  cancelChange,
  CHANGE_APPROVAL,
  changeImpact,
  createChange,
  getChange,
  implementChange,
  listChanges,
  precheckChangeApproval,
  precheckChangeRejection,
  rejectChange,
  returnChange,
  submitChange,
  updateChange,
} from './changes.service.ts';

const idParams = z.object({ id: z.uuid() });
const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
  423: problemSchema,
};
const tags = ['changes'];
const read = { access: { permission: 'change.read' as const } };
const manage = { access: { permission: 'change.manage' as const } };
const approve = { access: { permission: 'change.approve' as const } };
const response = { 200: changeRequestSchema, ...errors };

export const changesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;
  const { security } = app.lotline;

  app.get(
    '/changes',
    {
      config: read,
      schema: {
        tags,
        summary: 'Change requests, newest first',
        querystring: changeListQuerySchema,
        response: { 200: listResponseSchema(changeRequestSummarySchema) },
      },
    },
    async (request) => listChanges(db(), request.query),
  );

  app.get(
    '/changes/export.csv',
    {
      config: read,
      schema: {
        tags,
        summary: 'The change request list as CSV, with the same filters',
        querystring: changeListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'change-requests',
        columns: CHANGE_CSV_COLUMNS,
        rows: allPages((page) => listChanges(db(), { ...request.query, ...page })),
      }),
  );

  app.get(
    '/changes/approval-roles',
    {
      config: read,
      schema: {
        tags,
        summary: 'The roles whose signatures approve a change request',
        response: { 200: approvalRolesSchema },
      },
    },
    async () => ({ roles: await requiredApprovalRoles(db(), CHANGE_APPROVAL) }),
  );

  app.put(
    '/changes/approval-roles',
    {
      config: { access: { permission: 'role.manage' as const } },
      schema: {
        tags,
        summary: 'Set the roles whose signatures approve a change request (audited)',
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
            CHANGE_APPROVAL,
            request.body.roles,
            request.body.reason,
          ),
        ),
    }),
  );

  app.get(
    '/changes/:id',
    {
      config: read,
      schema: {
        tags,
        params: idParams,
        response: { 200: changeRequestSchema, 404: problemSchema },
      },
    },
    async (request) => getChange(db(), request.params.id),
  );

  app.get(
    '/changes/:id/impact',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Impact analysis as of now: affected items, BOM line changes, where-used, open work orders (not_available until work orders exist), stock on hand by quality status',
        params: idParams,
        response: { 200: changeImpactSchema, 404: problemSchema },
      },
    },
    async (request) => changeImpact(db(), request.params.id),
  );

  app.post(
    '/changes',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Raise a change request (draft, numbered CR-0001, …)',
        body: createChangeSchema,
        response: { 201: changeRequestSchema, ...errors },
      },
    },
    async (request, reply) => {
      const change = await db()
        .transaction()
        .execute((trx) => createChange(trx, actorOf(request), request.body));
      return reply.code(201).send(change);
    },
  );

  app.patch(
    '/changes/:id',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Edit a draft; `targets` replaces the affected records (CHANGE_REQUEST_LOCKED once submitted)',
        params: idParams,
        body: updateChangeSchema,
        response,
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => updateChange(trx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/changes/:id/submit',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Draft → in review; the impact analysis is snapshotted',
        params: idParams,
        response,
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => submitChange(trx, actorOf(request), request.params.id)),
  );

  app.post(
    '/changes/:id/return',
    {
      config: approve,
      schema: {
        tags,
        summary: 'In review → draft; approvals collected so far no longer count',
        params: idParams,
        body: changeReasonSchema,
        response,
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          returnChange(trx, actorOf(request), request.params.id, request.body.reason),
        ),
  );

  app.post(
    '/changes/:id/approve',
    {
      config: approve,
      schema: {
        tags,
        summary:
          'Sign the approval (meaning: approved) for one required role; approved when every required role has signed',
        params: idParams,
        body: approveChangeSchema,
        response,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      await precheckChangeApproval(db(), actor, id, request.body.role);
      const signer = await verifySigner(
        db(),
        security,
        actor,
        request.body.signature,
        requestMeta(request),
      );
      return db()
        .transaction()
        .execute((trx) => approveChange(trx, actor, signer, id, request.body.role));
    },
  );

  app.post(
    '/changes/:id/reject',
    {
      config: approve,
      schema: {
        tags,
        summary: 'In review → rejected; needs an electronic signature (meaning: rejected)',
        params: idParams,
        body: rejectChangeSchema,
        response,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      await precheckChangeRejection(db(), id);
      const signer = await verifySigner(
        db(),
        security,
        actor,
        request.body.signature,
        requestMeta(request),
      );
      return db()
        .transaction()
        .execute((trx) => rejectChange(trx, actor, signer, id, request.body.reason));
    },
  );

  app.post(
    '/changes/:id/implement',
    {
      config: { access: { permission: 'change.implement' as const } },
      schema: {
        tags,
        summary:
          'Approved → implemented: every proposed version becomes effective and supersedes the old one, in one transaction',
        params: idParams,
        body: implementChangeSchema,
        response,
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => implementChange(trx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/changes/:id/cancel',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Draft, in review or approved → cancelled (final)',
        params: idParams,
        body: changeReasonSchema,
        response,
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          cancelChange(trx, actorOf(request), request.params.id, request.body.reason),
        ),
  );
};

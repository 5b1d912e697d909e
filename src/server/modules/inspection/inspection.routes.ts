import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { csvImportQuerySchema, csvImportReportSchema } from '../../../shared/csv.contract.ts';
import {
  createInspectionPlanSchema,
  decideInspectionSchema,
  inspectionListQuerySchema,
  inspectionPlanListQuerySchema,
  inspectionPlanReasonSchema,
  inspectionPlanSchema,
  inspectionSchema,
  inspectionSummarySchema,
  recordResultsSchema,
  samplingPlanSchema,
  samplingQuerySchema,
  switchingStateSchema,
  updateInspectionPlanSchema,
} from '../../../shared/inspection.contract.ts';
import { listResponseSchema } from '../../../shared/list.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { importCsv } from '../../platform/csv/index.ts';
import { actorOf, requestMeta } from '../../platform/http/access.ts';
import { CSV_BODY_LIMIT } from '../../platform/http/app.ts';
import { verifySigner } from '../../platform/signatures/signatures.service.ts';
import { decideInspection, precheckDecision } from './decision.service.ts';
import {
  getInspection,
  listInspections,
  resumeSampling,
  samplingStateFor,
} from './inspections.service.ts';
import {
  activateInspectionPlan,
  createInspectionPlan,
  getInspectionPlan,
  listInspectionPlans,
  retireInspectionPlan,
  updateInspectionPlan,
} from './plans.service.ts';
import { resultsImporter, resultsTemplateRows } from './results.csv.ts';
import { recordInspectionResults } from './results.service.ts';
import { samplingPlan } from './sampling.ts';

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
const read = { access: { permission: 'inspection.read' as const } };
const plan = { access: { permission: 'inspection.plan' as const } };
const perform = { access: { permission: 'inspection.perform' as const } };
const release = { access: { permission: 'lot.release' as const } };
const planResponse = { 200: inspectionPlanSchema, ...errors };
const inspectionResponse = { 200: inspectionSchema, ...errors };
const supplierItem = z.object({ supplierId: z.uuid(), itemId: z.uuid() });

export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;
  const { security } = app.lotline;
  const tx = () => db().transaction();

  // ---- sampling ----
  app.get(
    '/sampling/plan',
    {
      config: read,
      schema: {
        tags: ['sampling'],
        summary:
          'ISO 2859-1 / ANSI/ASQ Z1.4 single sampling plan for a lot size, level, AQL and severity',
        querystring: samplingQuerySchema,
        response: { 200: samplingPlanSchema, 400: problemSchema, 422: problemSchema },
      },
    },
    async (request) => samplingPlan(request.query),
  );

  app.get(
    '/sampling/state',
    {
      config: read,
      schema: {
        tags: ['sampling'],
        summary:
          'Switching state (normal / tightened / reduced, discontinued) of a supplier + item',
        querystring: supplierItem,
        response: { 200: switchingStateSchema, 400: problemSchema },
      },
    },
    async (request) => samplingStateFor(db(), request.query.supplierId, request.query.itemId),
  );

  app.post(
    '/sampling/resume',
    {
      config: release,
      schema: {
        tags: ['sampling'],
        summary: 'Resume acceptance (on tightened inspection) after a discontinuation; audited',
        body: supplierItem.extend(inspectionPlanReasonSchema.shape),
        response: { 200: switchingStateSchema, ...errors },
      },
    },
    async (request) => tx().execute((trx) => resumeSampling(trx, actorOf(request), request.body)),
  );

  // ---- plans ----
  const plans = ['inspection plans'];
  app.get(
    '/inspection-plans',
    {
      config: read,
      schema: {
        tags: plans,
        summary:
          'Inspection plans (filter by item: its plans; status active + default: the one used)',
        querystring: inspectionPlanListQuerySchema,
        response: { 200: listResponseSchema(inspectionPlanSchema), 400: problemSchema },
      },
    },
    async (request) => listInspectionPlans(db(), request.query),
  );

  app.get(
    '/inspection-plans/:id',
    { config: read, schema: { tags: plans, params: idParams, response: planResponse } },
    async (request) => getInspectionPlan(db(), request.params.id),
  );

  app.post(
    '/inspection-plans',
    {
      config: plan,
      schema: {
        tags: plans,
        summary: 'New inspection plan (draft, IP-0001, …)',
        body: createInspectionPlanSchema,
        response: { 201: inspectionPlanSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await tx().execute((trx) => createInspectionPlan(trx, actorOf(request), request.body)),
        ),
  );

  app.patch(
    '/inspection-plans/:id',
    {
      config: plan,
      schema: {
        tags: plans,
        summary: 'Edit a draft plan (with a reason); `characteristics` replaces them all',
        params: idParams,
        body: updateInspectionPlanSchema,
        response: planResponse,
      },
    },
    async (request) =>
      tx().execute((trx) =>
        updateInspectionPlan(trx, actorOf(request), request.params.id, request.body),
      ),
  );

  app.post(
    '/inspection-plans/:id/activate',
    {
      config: plan,
      schema: {
        tags: plans,
        summary: "Draft → active; a default plan retires the item's previous active default plan",
        params: idParams,
        body: inspectionPlanReasonSchema,
        response: planResponse,
      },
    },
    async (request) =>
      tx().execute((trx) =>
        activateInspectionPlan(trx, actorOf(request), request.params.id, request.body.reason),
      ),
  );

  app.post(
    '/inspection-plans/:id/retire',
    {
      config: plan,
      schema: {
        tags: plans,
        summary: 'Active → retired',
        params: idParams,
        body: inspectionPlanReasonSchema,
        response: planResponse,
      },
    },
    async (request) =>
      tx().execute((trx) =>
        retireInspectionPlan(trx, actorOf(request), request.params.id, request.body.reason),
      ),
  );

  // ---- inspections ----
  const tags = ['inspections'];
  app.get(
    '/inspections',
    {
      config: read,
      schema: {
        tags,
        summary: 'Inspections, newest first',
        querystring: inspectionListQuerySchema,
        response: { 200: listResponseSchema(inspectionSummarySchema), 400: problemSchema },
      },
    },
    async (request) => listInspections(db(), request.query),
  );

  app.get(
    '/inspections/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'An inspection with its sampling, results, decision and signatures',
        params: idParams,
        response: { 200: inspectionSchema, 404: problemSchema },
      },
    },
    async (request) => getInspection(db(), request.params.id),
  );

  app.post(
    '/inspections/:id/results',
    {
      config: perform,
      schema: {
        tags,
        summary:
          "Record results per characteristic and sample unit (a unit's earlier result is replaced)",
        params: idParams,
        body: recordResultsSchema,
        response: inspectionResponse,
      },
    },
    async (request) =>
      tx().execute((trx) =>
        recordInspectionResults(
          trx,
          actorOf(request),
          request.params.id,
          request.body.results,
          request.body.reason,
        ),
      ),
  );

  app.post(
    '/inspections/:id/results/import',
    {
      config: perform,
      bodyLimit: CSV_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import results from a lab system as CSV: dry run by default; all rows or none',
        description:
          'Body: text/csv with the header characteristic,unit,value,passed,note. `characteristic` is the number or the name.',
        consumes: ['text/csv'],
        params: idParams,
        querystring: csvImportQuerySchema,
        body: z.string(),
        response: { 200: csvImportReportSchema, ...errors, 415: problemSchema },
      },
    },
    async (request) =>
      importCsv(
        db(),
        actorOf(request),
        await resultsImporter(db(), request.params.id),
        request.body,
        { dryRun: request.query.dryRun },
      ),
  );

  app.get(
    '/inspections/:id/results/import/template.csv',
    {
      config: perform,
      schema: {
        tags,
        summary: 'CSV template for the results import: a row per characteristic and sample unit',
        params: idParams,
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="lotline-inspection-results-template.csv"`,
        )
        .send(stringify(await resultsTemplateRows(db(), request.params.id), { bom: true })),
  );

  app.post(
    '/inspections/:id/decision',
    {
      config: release,
      schema: {
        tags,
        summary:
          'Decide, signed: accept → lot released (meaning released); reject → lot rejected + NCR (rejected); partial → split, accepted part released, rest rejected + NCR (approved)',
        params: idParams,
        body: decideInspectionSchema,
        response: inspectionResponse,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const { signature, ...decision } = request.body;
      await precheckDecision(db(), id, decision);
      const signer = await verifySigner(db(), security, actor, signature, requestMeta(request));
      return tx().execute((trx) => decideInspection(trx, actor, signer, id, decision));
    },
  );
};

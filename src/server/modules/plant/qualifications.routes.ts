import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponseSchema } from '../../../shared/list.ts';
import {
  createSkillSchema,
  createTrainingRecordSchema,
  skillListQuerySchema,
  skillSchema,
  trainingRecordListQuerySchema,
  trainingRecordSchema,
  updateSkillSchema,
  userQualificationSchema,
} from '../../../shared/plant.contract.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { allPages, sendCsv } from '../../platform/csv/index.ts';
import { actorOf } from '../../platform/http/access.ts';
import {
  createSkill,
  getSkill,
  listSkills,
  listTrainingRecords,
  qualificationsOfUser,
  recordTraining,
  updateSkill,
} from './qualifications.service.ts';
import {
  SKILL_CSV_COLUMNS,
  TRAINING_RECORD_CSV_COLUMNS,
  USER_QUALIFICATION_CSV_COLUMNS,
} from './plant.csv.ts';

const idParams = z.object({ id: z.uuid() });
const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
const read = { access: { permission: 'qualification.read' as const } };
const manage = { access: { permission: 'qualification.manage' as const } };

export const qualificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;

  app.get(
    '/qualifications/skills',
    {
      config: read,
      schema: {
        tags: ['qualifications'],
        querystring: skillListQuerySchema,
        response: { 200: listResponseSchema(skillSchema) },
      },
    },
    async (request) => listSkills(db(), request.query),
  );

  app.get(
    '/qualifications/skills/export.csv',
    {
      config: read,
      schema: {
        tags: ['qualifications'],
        summary: 'The skills catalogue as CSV',
        querystring: skillListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'skills',
        columns: SKILL_CSV_COLUMNS,
        rows: allPages((page) => listSkills(db(), { ...request.query, ...page })),
      }),
  );

  app.get(
    '/qualifications/records/export.csv',
    {
      config: read,
      schema: {
        tags: ['qualifications'],
        summary: 'Training records as CSV, with the same filters',
        querystring: trainingRecordListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'training-records',
        columns: TRAINING_RECORD_CSV_COLUMNS,
        rows: allPages((page) => listTrainingRecords(db(), { ...request.query, ...page })),
      }),
  );

  app.get(
    '/qualifications/users/:id/export.csv',
    {
      config: read,
      schema: {
        tags: ['qualifications'],
        summary: "A person's qualifications as CSV",
        params: idParams,
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'qualifications',
        columns: USER_QUALIFICATION_CSV_COLUMNS,
        rows: await qualificationsOfUser(db(), request.params.id),
      }),
  );

  app.get(
    '/qualifications/skills/:id',
    {
      config: read,
      schema: {
        tags: ['qualifications'],
        params: idParams,
        response: { 200: skillSchema, 404: problemSchema },
      },
    },
    async (request) => getSkill(db(), request.params.id),
  );

  app.post(
    '/qualifications/skills',
    {
      config: manage,
      schema: {
        tags: ['qualifications'],
        body: createSkillSchema,
        response: { 201: skillSchema, ...errors },
      },
    },
    async (request, reply) => {
      const skill = await db()
        .transaction()
        .execute((trx) => createSkill(trx, actorOf(request), request.body));
      return reply.code(201).send(skill);
    },
  );

  app.patch(
    '/qualifications/skills/:id',
    {
      config: manage,
      schema: {
        tags: ['qualifications'],
        params: idParams,
        body: updateSkillSchema,
        response: { 200: skillSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => updateSkill(trx, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/qualifications/records',
    {
      config: read,
      schema: {
        tags: ['qualifications'],
        summary: 'Training records, newest first; filter by person, skill and validity today',
        querystring: trainingRecordListQuerySchema,
        response: { 200: listResponseSchema(trainingRecordSchema) },
      },
    },
    async (request) => listTrainingRecords(db(), request.query),
  );

  app.post(
    '/qualifications/records',
    {
      config: manage,
      schema: {
        tags: ['qualifications'],
        summary: "Record training (append-only); expiry defaults to the skill's validity",
        body: createTrainingRecordSchema,
        response: { 201: trainingRecordSchema, ...errors },
      },
    },
    async (request, reply) => {
      const record = await db()
        .transaction()
        .execute((trx) => recordTraining(trx, actorOf(request), request.body));
      return reply.code(201).send(record);
    },
  );

  app.get(
    '/qualifications/users/:id',
    {
      config: read,
      schema: {
        tags: ['qualifications'],
        summary: "A person's standing on every skill they were trained in, as of today",
        params: idParams,
        response: {
          200: z.object({ items: z.array(userQualificationSchema), total: z.number().int() }),
          404: problemSchema,
        },
      },
    },
    async (request) => {
      const items = await qualificationsOfUser(db(), request.params.id);
      return { items, total: items.length };
    },
  );
};

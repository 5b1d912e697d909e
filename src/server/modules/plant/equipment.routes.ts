import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listQuerySchema, listResponseSchema } from '../../../shared/list.ts';
import {
  addEquipmentRecordSchema,
  createEquipmentSchema,
  equipmentListQuerySchema,
  equipmentRecordSchema,
  equipmentSchema,
  setEquipmentStatusSchema,
  updateEquipmentSchema,
} from '../../../shared/plant.contract.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { allPages, registerCsvImport, sendCsv } from '../../platform/csv/index.ts';
import { actorOf } from '../../platform/http/access.ts';
import type { RecordTable } from './equipment.repository.ts';
import {
  createEquipment,
  getEquipment,
  listEquipment,
  listEquipmentWork,
  recordEquipmentWork,
  setEquipmentStatus,
  updateEquipment,
} from './equipment.service.ts';
import {
  EQUIPMENT_CSV_COLUMNS,
  EQUIPMENT_RECORD_CSV_COLUMNS,
  equipmentImporter,
} from './plant.csv.ts';

const idParams = z.object({ id: z.uuid() });
const pageQuery = listQuerySchema.omit({ q: true });
const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
const read = { access: { permission: 'equipment.read' as const } };
const manage = { access: { permission: 'equipment.manage' as const } };

export const equipmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;

  app.get(
    '/equipment',
    {
      config: read,
      schema: {
        tags: ['equipment'],
        summary: 'Equipment with its status derived as of today (status=calibration_due_soon …)',
        querystring: equipmentListQuerySchema,
        response: { 200: listResponseSchema(equipmentSchema) },
      },
    },
    async (request) => listEquipment(db(), request.query),
  );

  app.get(
    '/equipment/export.csv',
    {
      config: read,
      schema: {
        tags: ['equipment'],
        summary: 'The equipment list as CSV (status as of today), with the same filters',
        querystring: equipmentListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'equipment',
        columns: EQUIPMENT_CSV_COLUMNS,
        rows: allPages((page) => listEquipment(db(), { ...request.query, ...page })),
      }),
  );

  registerCsvImport(app, equipmentImporter);

  app.get(
    '/equipment/:id',
    {
      config: read,
      schema: {
        tags: ['equipment'],
        params: idParams,
        response: { 200: equipmentSchema, 404: problemSchema },
      },
    },
    async (request) => getEquipment(db(), request.params.id),
  );

  app.post(
    '/equipment',
    {
      config: manage,
      schema: {
        tags: ['equipment'],
        body: createEquipmentSchema,
        response: { 201: equipmentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const equipment = await db()
        .transaction()
        .execute((trx) => createEquipment(trx, actorOf(request), request.body));
      return reply.code(201).send(equipment);
    },
  );

  app.patch(
    '/equipment/:id',
    {
      config: manage,
      schema: {
        tags: ['equipment'],
        params: idParams,
        body: updateEquipmentSchema,
        response: { 200: equipmentSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => updateEquipment(trx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/equipment/:id/status',
    {
      config: manage,
      schema: {
        tags: ['equipment'],
        summary: 'Take out of service, return to service or retire (final), with a reason',
        params: idParams,
        body: setEquipmentStatusSchema,
        response: { 200: equipmentSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          setEquipmentStatus(
            trx,
            actorOf(request),
            request.params.id,
            request.body.status,
            request.body.reason,
          ),
        ),
  );

  const work = (path: string, table: RecordTable, what: string) => {
    app.get(
      `/equipment/:id/${path}`,
      {
        config: read,
        schema: {
          tags: ['equipment'],
          summary: `${what} records, latest first`,
          params: idParams,
          querystring: pageQuery,
          response: { 200: listResponseSchema(equipmentRecordSchema), 404: problemSchema },
        },
      },
      async (request) => listEquipmentWork(db(), table, request.params.id, request.query),
    );
    app.get(
      `/equipment/:id/${path}/export.csv`,
      {
        config: read,
        schema: { tags: ['equipment'], summary: `${what} records as CSV`, params: idParams },
      },
      async (request, reply) =>
        sendCsv(reply, {
          filename: path,
          columns: EQUIPMENT_RECORD_CSV_COLUMNS,
          rows: allPages((page) => listEquipmentWork(db(), table, request.params.id, page)),
        }),
    );
    app.post(
      `/equipment/:id/${path}`,
      {
        config: manage,
        schema: {
          tags: ['equipment'],
          summary: `Record ${what.toLowerCase()} (append-only); next due = performed on + interval`,
          params: idParams,
          body: addEquipmentRecordSchema,
          response: { 201: equipmentRecordSchema, ...errors },
        },
      },
      async (request, reply) => {
        const record = await db()
          .transaction()
          .execute((trx) =>
            recordEquipmentWork(trx, actorOf(request), table, request.params.id, request.body),
          );
        return reply.code(201).send(record);
      },
    );
  };
  work('calibrations', 'equipment_calibrations', 'Calibration');
  work('maintenance', 'equipment_maintenance', 'Maintenance');
};

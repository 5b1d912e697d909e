import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponseSchema } from '../../../shared/list.ts';
import {
  createLocationSchema,
  locationListQuerySchema,
  locationSchema,
  locationTreeNodeSchema,
  locationTreeQuerySchema,
  updateLocationSchema,
} from '../../../shared/plant.contract.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { allPages, registerCsvImport, sendCsv } from '../../platform/csv/index.ts';
import { actorOf } from '../../platform/http/access.ts';
import {
  createLocation,
  getLocation,
  listLocations,
  locationTree,
  updateLocation,
} from './locations.service.ts';
import { LOCATION_CSV_COLUMNS, locationsImporter } from './plant.csv.ts';

const idParams = z.object({ id: z.uuid() });
const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
const read = { access: { permission: 'location.read' as const } };
const manage = { access: { permission: 'location.manage' as const } };

export const locationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;

  app.get(
    '/locations',
    {
      config: read,
      schema: {
        tags: ['locations'],
        summary: 'Locations with their full path, ordered by path',
        querystring: locationListQuerySchema,
        response: { 200: listResponseSchema(locationSchema) },
      },
    },
    async (request) => listLocations(db(), request.query),
  );

  app.get(
    '/locations/export.csv',
    {
      config: read,
      schema: {
        tags: ['locations'],
        summary: 'The location list as CSV, with the same filters',
        querystring: locationListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'locations',
        columns: LOCATION_CSV_COLUMNS,
        rows: allPages((page) => listLocations(db(), { ...request.query, ...page })),
      }),
  );

  registerCsvImport(app, locationsImporter);

  app.get(
    '/locations/tree',
    {
      config: read,
      schema: {
        tags: ['locations'],
        summary: 'Site → warehouse → zone → bin as nested nodes',
        querystring: locationTreeQuerySchema,
        response: { 200: z.object({ items: z.array(locationTreeNodeSchema) }), 404: problemSchema },
      },
    },
    async (request) => ({ items: await locationTree(db(), request.query) }),
  );

  app.get(
    '/locations/:id',
    {
      config: read,
      schema: {
        tags: ['locations'],
        params: idParams,
        response: { 200: locationSchema, 404: problemSchema },
      },
    },
    async (request) => getLocation(db(), request.params.id),
  );

  app.post(
    '/locations',
    {
      config: manage,
      schema: {
        tags: ['locations'],
        summary: 'Create a location under the level above (a site has no parent)',
        body: createLocationSchema,
        response: { 201: locationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const location = await db()
        .transaction()
        .execute((trx) => createLocation(trx, actorOf(request), request.body));
      return reply.code(201).send(location);
    },
  );

  app.patch(
    '/locations/:id',
    {
      config: manage,
      schema: {
        tags: ['locations'],
        summary: 'Rename, change kind, move under another parent, deactivate or reactivate',
        params: idParams,
        body: updateLocationSchema,
        response: { 200: locationSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => updateLocation(trx, actorOf(request), request.params.id, request.body)),
  );
};

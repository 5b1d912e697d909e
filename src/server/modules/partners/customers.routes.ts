import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listResponseSchema } from '../../../shared/list.ts';
import {
  addAddressSchema,
  addContactSchema,
  createCustomerSchema,
  customerAddressSchema,
  customerContactSchema,
  customerDetailSchema,
  customerListQuerySchema,
  customerSchema,
  setCustomerStatusSchema,
  updateAddressSchema,
  updateContactSchema,
  updateCustomerSchema,
} from '../../../shared/partners.contract.ts';
import { problemSchema } from '../../../shared/problem.ts';
import { allPages, registerCsvImport, sendCsv } from '../../platform/csv/index.ts';
import { actorOf } from '../../platform/http/access.ts';
import {
  addAddress,
  addContact,
  createCustomer,
  getCustomer,
  listCustomers,
  setCustomerStatus,
  updateAddress,
  updateContact,
  updateCustomer,
} from './customers.service.ts';
import { CUSTOMER_CSV_COLUMNS, customersImporter } from './partners.csv.ts';

const idParams = z.object({ id: z.uuid() });
const addressParams = z.object({ id: z.uuid(), addressId: z.uuid() });
const contactParams = z.object({ id: z.uuid(), contactId: z.uuid() });
const errors = {
  400: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};
const read = { access: { permission: 'customer.read' as const } };
const manage = { access: { permission: 'customer.manage' as const } };

export const customersRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.lotline.database.db;

  app.get(
    '/customers',
    {
      config: read,
      schema: {
        tags: ['customers'],
        querystring: customerListQuerySchema,
        response: { 200: listResponseSchema(customerSchema) },
      },
    },
    async (request) => listCustomers(db(), request.query),
  );

  app.get(
    '/customers/export.csv',
    {
      config: read,
      schema: {
        tags: ['customers'],
        summary: 'The customer list as CSV, with the same filters',
        querystring: customerListQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) =>
      sendCsv(reply, {
        filename: 'customers',
        columns: CUSTOMER_CSV_COLUMNS,
        rows: allPages((page) => listCustomers(db(), { ...request.query, ...page })),
      }),
  );

  registerCsvImport(app, customersImporter);

  app.get(
    '/customers/:id',
    {
      config: read,
      schema: {
        tags: ['customers'],
        summary: 'A customer with its ship-to addresses and contacts (inactive ones included)',
        params: idParams,
        response: { 200: customerDetailSchema, 404: problemSchema },
      },
    },
    async (request) => getCustomer(db(), request.params.id),
  );

  app.post(
    '/customers',
    {
      config: manage,
      schema: {
        tags: ['customers'],
        body: createCustomerSchema,
        response: { 201: customerDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const customer = await db()
        .transaction()
        .execute((trx) => createCustomer(trx, actorOf(request), request.body));
      return reply.code(201).send(customer);
    },
  );

  app.patch(
    '/customers/:id',
    {
      config: manage,
      schema: {
        tags: ['customers'],
        params: idParams,
        body: updateCustomerSchema,
        response: { 200: customerDetailSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) => updateCustomer(trx, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/customers/:id/status',
    {
      config: manage,
      schema: {
        tags: ['customers'],
        summary: 'Deactivate or reactivate; customers are never deleted',
        params: idParams,
        body: setCustomerStatusSchema,
        response: { 200: customerDetailSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          setCustomerStatus(
            trx,
            actorOf(request),
            request.params.id,
            request.body.status,
            request.body.reason,
          ),
        ),
  );

  app.post(
    '/customers/:id/addresses',
    {
      config: manage,
      schema: {
        tags: ['customers'],
        summary: 'Add a ship-to address',
        params: idParams,
        body: addAddressSchema,
        response: { 201: customerAddressSchema, ...errors },
      },
    },
    async (request, reply) => {
      const address = await db()
        .transaction()
        .execute((trx) => addAddress(trx, actorOf(request), request.params.id, request.body));
      return reply.code(201).send(address);
    },
  );

  app.patch(
    '/customers/:id/addresses/:addressId',
    {
      config: manage,
      schema: {
        tags: ['customers'],
        summary: 'Change or deactivate (active: false) a ship-to address',
        params: addressParams,
        body: updateAddressSchema,
        response: { 200: customerAddressSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          updateAddress(
            trx,
            actorOf(request),
            request.params.id,
            request.params.addressId,
            request.body,
          ),
        ),
  );

  app.post(
    '/customers/:id/contacts',
    {
      config: manage,
      schema: {
        tags: ['customers'],
        summary: 'Add a contact (phone or e-mail required; recallNotices: receives recall notices)',
        params: idParams,
        body: addContactSchema,
        response: { 201: customerContactSchema, ...errors },
      },
    },
    async (request, reply) => {
      const contact = await db()
        .transaction()
        .execute((trx) => addContact(trx, actorOf(request), request.params.id, request.body));
      return reply.code(201).send(contact);
    },
  );

  app.patch(
    '/customers/:id/contacts/:contactId',
    {
      config: manage,
      schema: {
        tags: ['customers'],
        summary: 'Change or deactivate (active: false) a contact',
        params: contactParams,
        body: updateContactSchema,
        response: { 200: customerContactSchema, ...errors },
      },
    },
    async (request) =>
      db()
        .transaction()
        .execute((trx) =>
          updateContact(
            trx,
            actorOf(request),
            request.params.id,
            request.params.contactId,
            request.body,
          ),
        ),
  );
};

import type { FastifyPluginAsync } from 'fastify';
import { customersRoutes } from './customers.routes.ts';
import { suppliersRoutes } from './suppliers.routes.ts';

/** /api/suppliers… and /api/customers… */
export const partnersRoutes: FastifyPluginAsync = async (app) => {
  await app.register(suppliersRoutes);
  await app.register(customersRoutes);
};

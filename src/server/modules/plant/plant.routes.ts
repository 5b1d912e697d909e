import type { FastifyPluginAsync } from 'fastify';
import { equipmentRoutes } from './equipment.routes.ts';
import { locationsRoutes } from './locations.routes.ts';
import { qualificationsRoutes } from './qualifications.routes.ts';

/** /api/locations…, /api/equipment… and /api/qualifications… */
export const plantRoutes: FastifyPluginAsync = async (app) => {
  await app.register(locationsRoutes);
  await app.register(equipmentRoutes);
  await app.register(qualificationsRoutes);
};

import type { FastifyPluginAsync } from 'fastify';
import { ordersRoutes } from './orders.routes.ts';
import { receiptsRoutes } from './receipts.routes.ts';

/** /api/purchase-orders…, /api/receipts…, /api/supplier-returns…, /api/suppliers/scorecard */
export const purchasingRoutes: FastifyPluginAsync = async (app) => {
  await app.register(ordersRoutes);
  await app.register(receiptsRoutes);
};

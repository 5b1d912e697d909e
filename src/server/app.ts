// Composition root: the one place that knows every module and wires them into the
// platform's HTTP app. Tests build the same app (with `inject`).
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { changesRoutes, registerChangesSignables } from './modules/changes/index.ts';
import { documentsRoutes, registerDocumentsSignables } from './modules/documents/index.ts';
import { engineeringRoutes, registerEngineeringSignables } from './modules/engineering/index.ts';
import {
  inspectionRoutes,
  registerInspectionLotGuard,
  registerInspectionSignables,
} from './modules/inspection/index.ts';
import { itemsRoutes } from './modules/items/index.ts';
import {
  lotsRoutes,
  registerLotsImpactProvider,
  registerLotsSignables,
  stockRoutes,
} from './modules/lots/index.ts';
import { partnersRoutes, registerPartnersSignables } from './modules/partners/index.ts';
import { plantRoutes } from './modules/plant/index.ts';
import { purchasingRoutes } from './modules/purchasing/index.ts';
import { qualityRoutes } from './modules/quality/index.ts';
import { udiRoutes } from './modules/udi/index.ts';
import type { SecurityPolicy } from './platform/config.ts';
import type { LotlineDatabase } from './platform/db/connect.ts';
import { createHttpApp } from './platform/http/app.ts';

export interface BuildAppOptions {
  database: LotlineDatabase;
  logger?: FastifyServerOptions['logger'];
  webRoot?: string | null;
  security?: SecurityPolicy;
  trustProxy?: boolean;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  registerLotsImpactProvider();
  registerInspectionLotGuard();
  return createHttpApp({
    database: options.database,
    logger: options.logger ?? false,
    webRoot: options.webRoot ?? null,
    security: options.security,
    trustProxy: options.trustProxy,
    registerSignables: (registry) => {
      registerPartnersSignables(registry);
      registerDocumentsSignables(registry);
      registerEngineeringSignables(registry);
      registerChangesSignables(registry);
      registerInspectionSignables(registry);
      registerLotsSignables(registry);
    },
    routes: async (api) => {
      await api.register(udiRoutes);
      await api.register(itemsRoutes);
      await api.register(documentsRoutes);
      await api.register(engineeringRoutes);
      await api.register(changesRoutes);
      await api.register(partnersRoutes);
      await api.register(plantRoutes);
      await api.register(purchasingRoutes);
      await api.register(inspectionRoutes);
      await api.register(qualityRoutes);
      await api.register(lotsRoutes);
      await api.register(stockRoutes);
    },
  });
}

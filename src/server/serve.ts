import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { scheduleLotExpiry } from './modules/lots/index.ts';
import type { Config } from './platform/config.ts';
import { openDatabase, targetFromConfig, type LotlineDatabase } from './platform/db/connect.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { installSignalHandlers } from './platform/shutdown.ts';
import { demoSeededAt, seedDemo } from './seed.ts';

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export interface ServeOptions {
  /** Load the demo plant when this start created a new embedded database. */
  demoIfNew?: boolean;
  webRoot?: string | null;
  signals?: boolean;
}

export interface RunningServer {
  app: FastifyInstance;
  database: LotlineDatabase;
  url: string;
}

export async function startServer(
  config: Config,
  options: ServeOptions = {},
): Promise<RunningServer> {
  const database = await openDatabase(targetFromConfig(config));
  try {
    const applied = await migrateToLatest(database.db);
    const app = await buildApp({
      database,
      logger: {
        level: config.logLevel,
        redact: ['req.headers.authorization', 'req.headers.cookie'],
      },
      webRoot: options.webRoot === undefined ? WEB_ROOT : options.webRoot,
      security: config.security,
      trustProxy: config.trustProxy,
    });
    if (applied.length > 0) app.log.info({ migrations: applied }, 'database migrated');
    const isNewDatabase = applied.includes('0001_platform_settings');
    if (
      options.demoIfNew &&
      isNewDatabase &&
      database.kind === 'pglite' &&
      !(await demoSeededAt(database.db))
    ) {
      const { seeders } = await seedDemo(database.db);
      app.log.info({ seeders }, 'demo data loaded into the new embedded database');
    }
    const stopLotExpiry = scheduleLotExpiry(database.db, { log: app.log });
    app.addHook('onClose', async () => stopLotExpiry());
    if (options.signals !== false) installSignalHandlers(app, database);
    await app.listen({ port: config.port, host: config.host });
    const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      app,
      database,
      url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

import type { FastifyInstance } from 'fastify';
import type { LotlineDatabase } from './db/connect.ts';

export interface ShutdownOptions {
  /** How long in-flight requests may take before connections are cut. */
  graceMs?: number;
  exit?: (code: number) => void;
}

/**
 * Stops taking requests, lets in-flight ones finish, then closes the database so
 * an embedded PGlite directory is left consistent. Resolves when done.
 */
export async function shutdown(
  app: FastifyInstance,
  database: LotlineDatabase,
  graceMs = 10_000,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const closed = app.close().then(() => 'closed' as const);
  const outcome = await Promise.race([closed, deadline]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    app.log.warn({ graceMs }, 'in-flight requests did not finish in time; closing connections');
    app.server.closeAllConnections();
    await closed;
  }
  await database.close();
}

/** SIGINT/SIGTERM → graceful shutdown; a second signal exits at once. */
export function installSignalHandlers(
  app: FastifyInstance,
  database: LotlineDatabase,
  options: ShutdownOptions = {},
): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting without waiting');
      exit(1);
      return;
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    shutdown(app, database, options.graceMs).then(
      () => {
        app.log.info('stopped cleanly');
        exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

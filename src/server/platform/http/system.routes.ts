import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../../../shared/problem.ts';
import { aboutSchema, healthSchema } from '../../../shared/system.contract.ts';
import { pingDatabase } from '../db/connect.ts';
import { LOTLINE_VERSION } from '../version.ts';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      const { database, startedAt } = app.lotline;
      const ping = await pingDatabase(database.db);
      return reply.code(ping.ok ? 200 : 503).send({
        status: ping.ok ? 'ok' : 'unavailable',
        version: LOTLINE_VERSION,
        database: { kind: database.kind, ok: ping.ok, latencyMs: ping.latencyMs },
        uptimeSeconds: Math.floor((Date.now() - startedAt.getTime()) / 1000),
      });
    },
  );

  app.get(
    '/about',
    {
      config: { access: { signedIn: true, duringPasswordChange: true } },
      schema: {
        tags: ['system'],
        summary: 'Version, database kind and server version',
        response: { 200: aboutSchema, 503: problemSchema },
      },
    },
    async () => {
      const { database, startedAt } = app.lotline;
      const db = database.db;
      const [version, instance] = await Promise.all([
        sql<{ server_version: string }>`show server_version`.execute(db),
        db
          .selectFrom('platform_settings')
          .select('value')
          .where('key', '=', 'instance_id')
          .executeTakeFirst(),
      ]);
      return {
        name: 'Lotline' as const,
        version: LOTLINE_VERSION,
        instanceId: String(instance?.value ?? ''),
        nodeVersion: process.version,
        startedAt: startedAt.toISOString(),
        database: {
          kind: database.kind,
          serverVersion: version.rows[0]?.server_version ?? 'unknown',
          embedded: database.kind === 'pglite',
        },
      };
    },
  );
};

import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/db.ts';
import { deferred } from '../../../test/support/deferred.ts';
import { createHttpApp } from './http/app.ts';
import { shutdown } from './shutdown.ts';

describe('graceful shutdown', () => {
  it('lets an in-flight request finish, then closes the database', async () => {
    const database = await createTestDatabase();
    const entered = deferred();
    const gate = deferred();
    const app = await createHttpApp({
      database,
      routes: async (api) => {
        api.get('/probe/slow', { config: { access: { public: true } } }, async () => {
          entered.resolve();
          await gate.promise;
          return { done: true };
        });
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;

    const response = fetch(`http://127.0.0.1:${port}/api/probe/slow`);
    await entered.promise;
    const stopping = shutdown(app, database, 5_000);
    await new Promise((r) => setTimeout(r, 100));
    gate.resolve();

    const res = await response;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await stopping;
    await expect(sql`select 1`.execute(database.db)).rejects.toThrow();
  });
});

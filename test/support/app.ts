import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { DEFAULT_SECURITY_POLICY, type SecurityPolicy } from '../../src/server/platform/config.ts';
import type { LotlineDatabase } from '../../src/server/platform/db/connect.ts';
import { createTestDatabase } from './db.ts';

export interface TestContext {
  app: FastifyInstance;
  database: LotlineDatabase;
}

/** The real app on an isolated database, for `app.inject(…)`. */
export function useTestApp(
  options: { webRoot?: string | null; security?: Partial<SecurityPolicy> } = {},
): () => TestContext {
  let ctx: TestContext | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase();
    const app = await buildApp({
      database,
      webRoot: options.webRoot ?? null,
      // Tests sign in often from one address; the rate limit has its own test.
      security: { ...DEFAULT_SECURITY_POLICY, loginRateLimit: 10_000, ...options.security },
    });
    await app.ready();
    ctx = { app, database };
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });
  return () => {
    if (!ctx) throw new Error('useTestApp(): the app is available only inside tests');
    return ctx;
  };
}

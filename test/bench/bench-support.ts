import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SECURITY_POLICY, type Config } from '../../src/server/platform/config.ts';
import { startServer, type RunningServer } from '../../src/server/serve.ts';

/** A real Lotline server on a free port, on PostgreSQL when DATABASE_URL is set, else a fresh embedded database. */
export async function startBenchServer(): Promise<RunningServer & { stop(): Promise<void> }> {
  const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'lotline-bench-'));
  const config: Config = {
    port: 0,
    host: '127.0.0.1',
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir,
    logLevel: 'warn',
    security: DEFAULT_SECURITY_POLICY,
    trustProxy: false,
  };
  const server = await startServer(config, { webRoot: null, signals: false });
  return {
    ...server,
    async stop() {
      await server.app.close();
      await server.database.close();
      await fsp.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function writeResult(result: Record<string, unknown>): void {
  const outFile = process.argv[2];
  const json = JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2);
  if (outFile) fs.writeFileSync(outFile, json);
  else console.log(json);
}

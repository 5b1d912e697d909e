import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database, DatabaseKind } from './database.ts';

// Both drivers must hand the same JavaScript values to the code above them:
// numeric and int8 stay strings (never floating point), date stays 'YYYY-MM-DD',
// timestamptz becomes a Date. PGlite would otherwise parse numbers as floats.
const KEEP_AS_TEXT = [pgliteTypes.NUMERIC, pgliteTypes.INT8, pgliteTypes.DATE] as const;

const pgliteParsers = Object.fromEntries(KEEP_AS_TEXT.map((oid) => [oid, (v: string) => v]));

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if ((KEEP_AS_TEXT as readonly number[]).includes(oid)) return (v: string) => v;
    return format === 'binary'
      ? pg.types.getTypeParser(oid, 'binary')
      : pg.types.getTypeParser(oid, 'text');
  },
} as pg.CustomTypesConfig;

export interface LotlineDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for people: the PGlite folder or the server's host/database. */
  location: string;
  /** The embedded engine, when kind is 'pglite' (for dumps in tests and backups). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite'; memory: true; loadDataDir?: Blob };

export function targetFromConfig(config: {
  databaseUrl: string | undefined;
  dataDir: string;
}): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') };
}

export function describePostgresUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

export async function openDatabase(target: DatabaseTarget): Promise<LotlineDatabase> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, types: pgTypes, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      location: describePostgresUrl(target.url),
      close: () => db.destroy(),
    };
  }
  let pglite: PGlite;
  let location: string;
  if ('memory' in target) {
    pglite = await PGlite.create({ parsers: pgliteParsers, loadDataDir: target.loadDataDir });
    location = 'memory';
  } else {
    fs.mkdirSync(target.dataDir, { recursive: true });
    pglite = await PGlite.create(target.dataDir, { parsers: pgliteParsers });
    location = target.dataDir;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    location,
    pglite,
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** Answers whether the database executes a query, and how long it took. */
export async function pingDatabase(
  db: Kysely<Database>,
): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  try {
    await sql`select 1`.execute(db);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch {
    return { ok: false, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  }
}

// An isolated, migrated database for one test file.
import fs from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type LotlineDatabase } from '../../src/server/platform/db/connect.ts';
import { databaseUrlFor } from './test-db-info.ts';

const SOURCE_IN_USE = '55006';

async function createPostgresCopy(
  adminUrl: string,
  template: string,
): Promise<{ name: string; admin: pg.Client }> {
  const name = `lotline_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Parallel workers clone the same template; PostgreSQL refuses a clone while
  // another one holds it, so wait and try again.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${template}`);
      return { name, admin };
    } catch (error) {
      if ((error as { code?: string }).code !== SOURCE_IN_USE || attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

/** A fresh migrated database; on PostgreSQL also its URL, for tests that start a process on it. */
/**
 * Drops a test database once its own connections have gone. Forcing it while a
 * pool is still saying goodbye makes those clients emit FATAL 57P01 errors.
 */
async function dropWhenIdle(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { rows } = await admin.query<{ n: string }>(
      'select count(*) as n from pg_stat_activity where datname = $1',
      [name],
    );
    if (rows[0]?.n === '0') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}

export async function createTestDatabase(): Promise<LotlineDatabase & { url?: string }> {
  const info = inject('testDb');
  if (info.kind === 'pglite') {
    const dump = await fs.readFile(info.dumpFile);
    return openDatabase({ kind: 'pglite', memory: true, loadDataDir: new Blob([dump]) });
  }
  const { name, admin } = await createPostgresCopy(info.adminUrl, info.template);
  const database = await openDatabase({
    kind: 'postgres',
    url: databaseUrlFor(info.adminUrl, name),
  });
  return {
    ...database,
    async close() {
      await database.close();
      await dropWhenIdle(admin, name);
      await admin.end();
    },
  };
}

/** Registers beforeAll/afterAll for the file and returns the database (valid inside tests). */
export function useTestDatabase(): () => LotlineDatabase {
  let database: LotlineDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database)
      throw new Error('useTestDatabase(): the database is available only inside tests');
    return database;
  };
}

// Migrates once per test run; every test file then gets its own copy quickly
// (PGlite: load a dumped data directory; PostgreSQL: CREATE DATABASE … TEMPLATE).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/platform/db/connect.ts';
import { migrateToLatest } from '../../src/server/platform/db/migrate.ts';
import { databaseUrlFor, type TestDbInfo } from './test-db-info.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `lotline_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const database = await openDatabase({ kind: 'postgres', url: databaseUrlFor(url, template) });
    await migrateToLatest(database.db);
    await database.close();
    const info: TestDbInfo = { kind: 'postgres', adminUrl: url, template };
    project.provide('testDb', info);
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lotline-test-'));
  const database = await openDatabase({ kind: 'pglite', memory: true });
  await migrateToLatest(database.db);
  if (!database.pglite) throw new Error('an in-memory database must be PGlite');
  const dump = await database.pglite.dumpDataDir('none');
  const dumpFile = path.join(dir, 'migrated.tar');
  await fs.writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  const info: TestDbInfo = { kind: 'pglite', dumpFile };
  project.provide('testDb', info);
  return async () => {
    await fs.rm(dir, { recursive: true, force: true });
  };
}

import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import {
  Migrator,
  type Migration,
  type MigrationProvider,
  type MigrationResult,
} from 'kysely/migration';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../db/migrations/', import.meta.url));

// File names: NNNN_<module>_<what>.ts — one global order across modules.
const MIGRATION_FILE = /^\d{4}_[a-z0-9]+_[a-z0-9_]+\.ts$/;

/** Reads the one ordered migrations folder. */
export class FolderMigrationProvider implements MigrationProvider {
  readonly folder: string;

  constructor(folder: string = MIGRATIONS_DIR) {
    this.folder = folder;
  }

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(this.folder)).filter((f) => f.endsWith('.ts')).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      if (!MIGRATION_FILE.test(file)) {
        throw new Error(`Migration file name "${file}" must look like 0001_<module>_<what>.ts`);
      }
      const mod = (await import(path.join(this.folder, file))) as Partial<Migration>;
      if (typeof mod.up !== 'function') throw new Error(`Migration ${file} exports no up()`);
      migrations[file.replace(/\.ts$/, '')] = { up: mod.up, down: mod.down };
    }
    return migrations;
  }
}

export class MigrationError extends Error {
  readonly results: MigrationResult[];

  constructor(failed: string | undefined, cause: unknown, results: MigrationResult[]) {
    super(
      `Migration ${failed ?? '(unknown)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'MigrationError';
    this.results = results;
  }
}

/** Brings the schema to the newest migration; returns the names applied now. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderMigrationProvider() });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    throw new MigrationError(
      results.find((r) => r.status === 'Error')?.migrationName,
      error,
      results,
    );
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

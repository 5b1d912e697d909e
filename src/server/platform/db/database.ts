import type { Generated, Kysely, Transaction } from 'kysely';

/**
 * The whole schema as Kysely sees it. Each module adds its tables by declaration
 * merging in its `*.tables.ts`:
 *
 *   declare module '../../platform/db/database.ts' {
 *     interface Database { lots: LotsTable }
 *   }
 *
 * so the platform never imports a business module.
 */
export interface Database {
  platform_settings: PlatformSettingsTable;
}

export interface PlatformSettingsTable {
  key: string;
  value: unknown;
  updated_at: Generated<Date>;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either a transaction or the root handle: for reads that may run inside or outside one. */
export type Executor = Kysely<Database> | Transaction<Database>;

export type DatabaseKind = 'pglite' | 'postgres';

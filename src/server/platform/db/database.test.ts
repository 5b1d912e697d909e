import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.ts';
import { FolderMigrationProvider, migrateToLatest } from './migrate.ts';

const database = useTestDatabase();

describe('database drivers', () => {
  it('runs on the database the suite was started for', () => {
    expect(database().kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('hands back numeric, bigint and date as exact strings and timestamptz as a Date', async () => {
    const { rows } = await sql<{ n: unknown; big: unknown; d: unknown; ts: unknown }>`
      select 0.1::numeric + 0.2::numeric as n,
             9007199254740993::int8 as big,
             date '2027-12-31' as d,
             timestamptz '2026-01-02T03:04:05Z' as ts`.execute(database().db);
    expect(rows[0]).toEqual({
      n: '0.3',
      big: '9007199254740993',
      d: '2027-12-31',
      ts: new Date('2026-01-02T03:04:05Z'),
    });
  });

  it('rolls a failing transaction back entirely', async () => {
    const db = database().db;
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('platform_settings')
          .values({ key: 'probe', value: JSON.stringify('x') })
          .execute();
        throw new Error('second step failed');
      }),
    ).rejects.toThrow('second step failed');
    const row = await db
      .selectFrom('platform_settings')
      .select('key')
      .where('key', '=', 'probe')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });
});

describe('migrations', () => {
  it('are already applied to a test database, so a second run applies nothing', async () => {
    expect(await migrateToLatest(database().db)).toEqual([]);
  });

  it('all follow the NNNN_<module>_<what> naming in one global order', async () => {
    const names = Object.keys(await new FolderMigrationProvider().getMigrations());
    expect(names.length).toBeGreaterThan(0);
    expect([...names].sort()).toEqual(names);
    const numbers = names.map((n) => n.slice(0, 4));
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

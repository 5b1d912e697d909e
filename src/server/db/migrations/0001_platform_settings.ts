import { sql, type Kysely } from 'kysely';

// Instance-wide settings and markers (instance id, when demo data was loaded).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('platform_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into platform_settings (key, value) values ('instance_id', to_jsonb(gen_random_uuid()::text))`.execute(
    db,
  );
}

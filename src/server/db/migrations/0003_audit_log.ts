import { sql, type Kysely } from 'kysely';

// 21 CFR 11.10(e): the audit trail. Append-only: the database itself refuses
// UPDATE, DELETE and TRUNCATE; each row carries a SHA-256 over the previous
// row's hash and its own canonical content (platform/audit).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_log (
      seq bigint primary key,
      at timestamptz not null,
      actor_type text not null check (actor_type in ('user', 'token', 'system')),
      actor_id text,
      actor_name text not null,
      token_id text,
      action text not null,
      entity_type text not null,
      entity_id text,
      before jsonb,
      after jsonb,
      reason text,
      request_id text,
      prev_hash text not null,
      hash text not null
    )`.execute(db);
  await sql`create index audit_log_entity on audit_log (entity_type, entity_id, seq)`.execute(db);
  await sql`create index audit_log_actor on audit_log (actor_id, seq)`.execute(db);
  await sql`create index audit_log_at on audit_log (at)`.execute(db);

  await sql`
    create function lotline_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`
    create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function lotline_refuse_change()`.execute(db);
  await sql`
    create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function lotline_refuse_change()`.execute(db);
}

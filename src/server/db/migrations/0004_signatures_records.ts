import { sql, type Kysely } from 'kysely';

// 21 CFR 11.50 / 11.70: electronic signatures, linked to their record by the
// SHA-256 of its canonical content at signing. Append-only like the audit trail.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table signatures (
      id uuid primary key,
      signer_id uuid not null references users (id),
      signer_username text not null,
      signer_name text not null,
      signed_at timestamptz not null,
      meaning text not null,
      comment text,
      record_type text not null,
      record_id text not null,
      record_hash text not null,
      request_id text
    )`.execute(db);
  await sql`create index signatures_record on signatures (record_type, record_id, signed_at)`.execute(
    db,
  );
  await sql`
    create trigger signatures_append_only before update or delete on signatures
    for each row execute function lotline_refuse_change()`.execute(db);
  await sql`
    create trigger signatures_no_truncate before truncate on signatures
    for each statement execute function lotline_refuse_change()`.execute(db);
}

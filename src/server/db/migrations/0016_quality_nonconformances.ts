import { sql, type Kysely } from 'kysely';

// Nonconformance records (NCR-0001, …): a minimal record for now, opened when
// incoming inspection rejects material; the lots it concerns.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table nonconformances (
      id uuid primary key,
      code text not null unique,
      status text not null default 'open' check (status in ('open', 'closed')),
      source_type text not null,
      source_id uuid not null,
      source_code text,
      item_id uuid not null references items (id),
      supplier_id uuid references suppliers (id),
      description text not null,
      created_by_id uuid references users (id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index nonconformances_source on nonconformances (source_type, source_id)`.execute(
    db,
  );
  await sql`
    create trigger nonconformances_no_delete before delete on nonconformances
    for each row execute function lotline_refuse_change()`.execute(db);

  await sql`
    create table nonconformance_trace_units (
      nonconformance_id uuid not null references nonconformances (id),
      trace_unit_id uuid not null references trace_units (id),
      primary key (nonconformance_id, trace_unit_id)
    )`.execute(db);
  await sql`
    create index nonconformance_trace_units_unit on nonconformance_trace_units (trace_unit_id)`.execute(
    db,
  );
  await sql`
    create trigger nonconformance_trace_units_append_only before update or delete on nonconformance_trace_units
    for each row execute function lotline_refuse_change()`.execute(db);

  await sql`
    alter table inspections
      add constraint inspections_nonconformance_fk
      foreign key (nonconformance_id) references nonconformances (id)`.execute(db);
}

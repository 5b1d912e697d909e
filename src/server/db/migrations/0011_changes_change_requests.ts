import { sql, type Kysely } from 'kysely';

// Change control (ECO): change requests, the records they affect, and the
// per-kind counters that number them (CR-0001, …; platform/numbering.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table numbering_counters (
      kind text primary key,
      last_value bigint not null check (last_value >= 1)
    )`.execute(db);

  await sql`
    create table change_requests (
      id uuid primary key,
      code text not null unique,
      title text not null,
      description text not null,
      reason text not null,
      risk_class text not null check (risk_class in ('low', 'medium', 'high')),
      status text not null default 'draft' check (status in ('draft', 'in_review', 'approved', 'rejected', 'implemented', 'cancelled')),
      review_round integer not null default 1 check (review_round >= 1),
      impact_snapshot jsonb,
      impact_snapshot_at timestamptz,
      submitted_at timestamptz,
      approved_at timestamptz,
      rejected_at timestamptz,
      implemented_at timestamptz,
      cancelled_at timestamptz,
      created_by_id uuid references users (id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index change_requests_status on change_requests (status)`.execute(db);

  await sql`
    create table change_request_targets (
      change_request_id uuid not null references change_requests (id),
      seq integer not null check (seq >= 1),
      target_type text not null check (target_type in ('item', 'bom_version', 'routing_version', 'document_version', 'supplier')),
      target_id uuid not null,
      supersedes_id uuid,
      note text,
      primary key (change_request_id, seq),
      unique (change_request_id, target_type, target_id)
    )`.execute(db);
  await sql`create index change_request_targets_target on change_request_targets (target_id)`.execute(
    db,
  );

  await sql`
    alter table engineering_versions
      add constraint engineering_versions_change_request_fk
      foreign key (change_request_id) references change_requests (id)`.execute(db);
  await sql`
    alter table document_versions
      add constraint document_versions_change_request_fk
      foreign key (change_request_id) references change_requests (id)`.execute(db);

  await sql`
    insert into platform_settings (key, value)
    values ('changes.approval_roles', '["engineer", "qa_manager"]'::jsonb)
    on conflict (key) do nothing`.execute(db);
}

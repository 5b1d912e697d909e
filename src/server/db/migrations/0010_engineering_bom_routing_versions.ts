import { sql, type Kysely } from 'kysely';

// BOM and routing versions of an item, one table for both kinds so that the
// lifecycle (draft → in_review → approved → effective → superseded | obsolete)
// and "at most one effective version per item and kind" live in one place.
// Also the platform's record of which required role each approval signature
// covers (role_approvals), used by engineering and change control.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table engineering_versions (
      id uuid primary key,
      kind text not null check (kind in ('bom', 'routing')),
      item_id uuid not null references items (id),
      version_no integer not null check (version_no >= 1),
      status text not null default 'draft' check (status in ('draft', 'in_review', 'approved', 'effective', 'superseded', 'obsolete')),
      note text,
      review_round integer not null default 1 check (review_round >= 1),
      copied_from_id uuid references engineering_versions (id),
      submitted_at timestamptz,
      approved_at timestamptz,
      effective_from date,
      effective_at timestamptz,
      superseded_at timestamptz,
      superseded_by_id uuid references engineering_versions (id),
      obsoleted_at timestamptz,
      change_request_id uuid,
      created_by_id uuid references users (id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (item_id, kind, version_no),
      check (status not in ('approved', 'effective', 'superseded') or approved_at is not null),
      check (status not in ('effective', 'superseded') or (effective_at is not null and effective_from is not null))
    )`.execute(db);
  await sql`create unique index engineering_versions_one_effective on engineering_versions (item_id, kind) where status = 'effective'`.execute(
    db,
  );
  await sql`create index engineering_versions_kind_status on engineering_versions (kind, status)`.execute(
    db,
  );

  await sql`
    create table bom_lines (
      version_id uuid not null references engineering_versions (id),
      line_no integer not null check (line_no >= 1),
      component_item_id uuid not null references items (id),
      -- numeric without scale: the decimal comes back exactly as it was entered
      quantity_per numeric not null check (quantity_per > 0),
      uom text not null,
      scrap_pct numeric not null default 0 check (scrap_pct >= 0 and scrap_pct < 100),
      record_tracking boolean not null,
      reference_designator text,
      note text,
      primary key (version_id, line_no),
      unique (version_id, component_item_id)
    )`.execute(db);
  await sql`create index bom_lines_component on bom_lines (component_item_id)`.execute(db);

  await sql`
    create table engineering_version_documents (
      version_id uuid not null references engineering_versions (id),
      document_version_id uuid not null references document_versions (id),
      primary key (version_id, document_version_id)
    )`.execute(db);

  await sql`
    create table routing_operations (
      id uuid primary key,
      version_id uuid not null references engineering_versions (id),
      op_no integer not null check (op_no between 1 and 9999),
      name_zh text not null,
      name_en text not null,
      work_centre text not null,
      equipment_class text,
      skill_code text,
      note text,
      unique (version_id, op_no)
    )`.execute(db);
  await sql`
    create table routing_operation_documents (
      operation_id uuid not null references routing_operations (id),
      document_version_id uuid not null references document_versions (id),
      primary key (operation_id, document_version_id)
    )`.execute(db);
  await sql`create index routing_operation_documents_document on routing_operation_documents (document_version_id)`.execute(
    db,
  );
  await sql`
    create table routing_parameters (
      operation_id uuid not null references routing_operations (id),
      seq integer not null check (seq >= 1),
      name text not null,
      target numeric,
      min_value numeric,
      max_value numeric,
      unit text,
      primary key (operation_id, seq),
      check (min_value is null or max_value is null or min_value <= max_value),
      check (target is null or min_value is null or min_value <= target),
      check (target is null or max_value is null or target <= max_value)
    )`.execute(db);
  await sql`
    create table routing_inspections (
      operation_id uuid not null references routing_operations (id),
      seq integer not null check (seq >= 1),
      characteristic text not null,
      kind text not null check (kind in ('in_process', 'final')),
      method text not null,
      result_type text not null check (result_type in ('measured', 'pass_fail')),
      min_value numeric,
      max_value numeric,
      unit text,
      primary key (operation_id, seq),
      check (min_value is null or max_value is null or min_value <= max_value),
      check (result_type = 'measured' or (min_value is null and max_value is null))
    )`.execute(db);

  await sql`
    create table role_approvals (
      record_type text not null,
      record_id text not null,
      round integer not null check (round >= 1),
      role_key text not null references roles (key),
      signature_id uuid not null references signatures (id),
      signer_id uuid not null references users (id),
      signed_at timestamptz not null,
      primary key (record_type, record_id, round, role_key),
      unique (record_type, record_id, round, signer_id)
    )`.execute(db);
  await sql`
    create trigger role_approvals_append_only before update or delete on role_approvals
    for each row execute function lotline_refuse_change()`.execute(db);

  await sql`
    insert into platform_settings (key, value)
    values ('engineering.approval_roles', '["engineer", "qa_manager"]'::jsonb)
    on conflict (key) do nothing`.execute(db);
}

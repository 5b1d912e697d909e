import { sql, type Kysely } from 'kysely';

// Controlled documents (SOPs, work instructions, specifications, label artwork,
// drawings, forms) and their versions, each with its file. Files are stored in
// the database with their SHA-256 and never changed; a draft that gets a new
// file points to a new row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table documents (
      id uuid primary key,
      number text not null,
      title_zh text not null,
      title_en text not null,
      kind text not null check (kind in ('sop', 'work_instruction', 'specification', 'label_artwork', 'drawing', 'form', 'other')),
      owner_id uuid not null references users (id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index documents_number_key on documents (lower(number))`.execute(db);

  await sql`
    create table document_files (
      id uuid primary key,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes integer not null check (size_bytes between 1 and 10485760),
      media_type text not null,
      filename text not null,
      content bytea not null,
      created_at timestamptz not null default now(),
      check (octet_length(content) = size_bytes)
    )`.execute(db);
  await sql`
    create trigger document_files_append_only before update or delete on document_files
    for each row execute function lotline_refuse_change()`.execute(db);

  await sql`
    create table document_versions (
      id uuid primary key,
      document_id uuid not null references documents (id),
      seq integer not null check (seq >= 1),
      label text not null,
      change_summary text not null,
      file_id uuid references document_files (id),
      status text not null default 'draft' check (status in ('draft', 'in_review', 'approved', 'effective', 'superseded', 'obsolete')),
      review_round integer not null default 1 check (review_round >= 1),
      submitted_at timestamptz,
      approved_at timestamptz,
      effective_from date,
      effective_at timestamptz,
      superseded_at timestamptz,
      superseded_by_id uuid references document_versions (id),
      obsoleted_at timestamptz,
      change_request_id uuid,
      created_by_id uuid references users (id),
      created_by_name text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (document_id, seq),
      check (status not in ('approved', 'effective', 'superseded') or (file_id is not null and approved_at is not null)),
      check (status not in ('effective', 'superseded') or (effective_at is not null and effective_from is not null))
    )`.execute(db);
  // At most one effective version per document, whatever the code above does.
  await sql`create unique index document_versions_one_effective on document_versions (document_id) where status = 'effective'`.execute(
    db,
  );
  await sql`create index document_versions_status on document_versions (status)`.execute(db);
}

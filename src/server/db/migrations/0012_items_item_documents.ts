import { sql, type Kysely } from 'kysely';

// Items link to the controlled document versions that define them (drawing,
// specification, label artwork). A link is ended, never deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table item_document_links (
      id uuid primary key,
      item_id uuid not null references items (id),
      document_version_id uuid not null references document_versions (id),
      linked_at timestamptz not null default now(),
      linked_by text not null,
      link_reason text,
      ended_at timestamptz,
      ended_by text,
      end_reason text,
      check ((ended_at is null) = (ended_by is null))
    )`.execute(db);
  await sql`
    create unique index item_document_links_active
    on item_document_links (item_id, document_version_id) where ended_at is null`.execute(db);
  await sql`
    create trigger item_document_links_no_delete before delete on item_document_links
    for each row execute function lotline_refuse_change()`.execute(db);
}

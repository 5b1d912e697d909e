import type { ColumnType } from 'kysely';
import type { DocumentKind, DocumentVersionStatus } from '../../../shared/documents.contract.ts';

type CreatedAt = ColumnType<Date, Date | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export interface DocumentsTable {
  id: string;
  number: string;
  title_zh: string;
  title_en: string;
  kind: DocumentKind;
  owner_id: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Append-only: the database refuses updates and deletes. */
export interface DocumentFilesTable {
  id: string;
  sha256: string;
  size_bytes: number;
  media_type: string;
  filename: string;
  content: Uint8Array;
  created_at: CreatedAt;
}

export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  seq: number;
  label: string;
  change_summary: string;
  file_id: string | null;
  status: DocumentVersionStatus;
  review_round: ColumnType<number, number | undefined, number>;
  submitted_at: Date | null;
  approved_at: Date | null;
  /** date: 'YYYY-MM-DD' */
  effective_from: string | null;
  effective_at: Date | null;
  superseded_at: Date | null;
  superseded_by_id: string | null;
  obsoleted_at: Date | null;
  change_request_id: string | null;
  created_by_id: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    documents: DocumentsTable;
    document_files: DocumentFilesTable;
    document_versions: DocumentVersionsTable;
  }
}

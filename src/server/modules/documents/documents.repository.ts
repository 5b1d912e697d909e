import { sql, type Selectable } from 'kysely';
import type { DocumentKind } from '../../../shared/documents.contract.ts';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import type {
  DocumentFilesTable,
  DocumentsTable,
  DocumentVersionsTable,
} from './documents.tables.ts';
import './documents.tables.ts';

export type DocumentRow = Selectable<DocumentsTable>;
export type DocumentVersionRow = Selectable<DocumentVersionsTable>;
export type DocumentFileMeta = Omit<Selectable<DocumentFilesTable>, 'content'>;

const FILE_META = ['id', 'sha256', 'size_bytes', 'media_type', 'filename', 'created_at'] as const;

export async function findDocument(db: Executor, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockDocument(db: Executor, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findDocumentByNumber(
  db: Executor,
  number: string,
): Promise<DocumentRow | undefined> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['number']), '=', number.toLowerCase()))
    .executeTakeFirst();
}

export async function findDocuments(db: Executor, ids: string[]): Promise<DocumentRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('documents').selectAll().where('id', 'in', ids).execute();
}

export interface DocumentFilter {
  q?: string;
  kind?: DocumentKind;
  hasEffective?: 'true' | 'false';
  limit: number;
  offset: number;
}

export async function listDocuments(
  db: Executor,
  f: DocumentFilter,
): Promise<{ rows: DocumentRow[]; total: number }> {
  let query = db.selectFrom('documents');
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('number', 'ilike', like),
        eb('title_zh', 'ilike', like),
        eb('title_en', 'ilike', like),
      ]),
    );
  }
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.hasEffective) {
    const effective = sql<boolean>`exists (select 1 from document_versions v where v.document_id = documents.id and v.status = 'effective')`;
    query = query.where(f.hasEffective === 'true' ? effective : sql<boolean>`not ${effective}`);
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('number').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findVersion(
  db: Executor,
  id: string,
): Promise<DocumentVersionRow | undefined> {
  return db.selectFrom('document_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockVersion(
  db: Executor,
  id: string,
): Promise<DocumentVersionRow | undefined> {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function findVersions(db: Executor, ids: string[]): Promise<DocumentVersionRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('document_versions').selectAll().where('id', 'in', ids).execute();
}

export async function versionsOfDocuments(
  db: Executor,
  documentIds: string[],
): Promise<DocumentVersionRow[]> {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', 'in', documentIds)
    .orderBy('seq')
    .execute();
}

export async function effectiveVersionOf(
  db: Executor,
  documentId: string,
): Promise<DocumentVersionRow | undefined> {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('status', '=', 'effective')
    .executeTakeFirst();
}

export async function lastSeqOf(db: Executor, documentId: string): Promise<number> {
  const row = await db
    .selectFrom('document_versions')
    .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return row?.seq ?? 0;
}

export async function fileMetas(
  db: Executor,
  ids: string[],
): Promise<Map<string, DocumentFileMeta>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('document_files')
    .select(FILE_META)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function fileChunk(
  db: Executor,
  id: string,
  offset: number,
  length: number,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('document_files')
    .select(
      sql<Uint8Array>`substring(content from ${offset + 1}::int for ${length}::int)`.as('chunk'),
    )
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.chunk;
}

import { v7 as uuidv7 } from 'uuid';
import { calendarDateOf } from '../../../shared/calendar-date.ts';
import type {
  ControlledDocument,
  ControlledDocumentDetail,
  DocumentFileInput,
  DocumentKind,
  DocumentVersion,
  DocumentVersionRef,
  DocumentVersionStatus,
} from '../../../shared/documents.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { findUserById } from '../../platform/identity/index.ts';
import {
  signRecord,
  signaturesOf,
  type VerifiedSigner,
} from '../../platform/signatures/signatures.service.ts';
import * as repo from './documents.repository.ts';
import { storeFile } from './documents.files.ts';

export const DOCUMENT_VERSION_RECORD = 'document_version';

/** 1 → A, 26 → Z, 27 → AA: the revision letters of a document. */
export function revisionLabel(seq: number): string {
  let n = seq;
  let label = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    label = String.fromCharCode(65 + rest) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}

function personOf(actor: Actor): { id: string | null; name: string } {
  return actor.kind === 'user'
    ? { id: actor.userId, name: actor.fullName }
    : { id: null, name: `Lotline (${actor.name})` };
}

/** An effectivity date: today (UTC) by default, never earlier. */
export function effectivityDate(requested: string | undefined, now = new Date()): string {
  const today = calendarDateOf(now);
  if (requested === undefined) return today;
  if (requested < today) {
    throw new DomainError(
      'EFFECTIVE_DATE_IN_PAST',
      { effectiveFrom: requested, today },
      'An effectivity date cannot be in the past',
    );
  }
  return requested;
}

// ---- reading ----

function summaryOf(v: repo.DocumentVersionRow) {
  return {
    id: v.id,
    label: v.label,
    status: v.status,
    changeSummary: v.change_summary,
    effectiveFrom: v.effective_from,
    updatedAt: v.updated_at.toISOString(),
  };
}

async function ownersOf(
  db: Executor,
  ids: string[],
): Promise<Map<string, { id: string; username: string; fullName: string }>> {
  const map = new Map<string, { id: string; username: string; fullName: string }>();
  for (const id of new Set(ids)) {
    const user = await findUserById(db, id);
    map.set(id, { id, username: user?.username ?? '?', fullName: user?.full_name ?? '?' });
  }
  return map;
}

async function toDocuments(
  db: Executor,
  rows: repo.DocumentRow[],
): Promise<ControlledDocumentDetail[]> {
  const [versions, owners] = await Promise.all([
    repo.versionsOfDocuments(
      db,
      rows.map((r) => r.id),
    ),
    ownersOf(
      db,
      rows.map((r) => r.owner_id),
    ),
  ]);
  return rows.map((row) => {
    const mine = versions.filter((v) => v.document_id === row.id);
    const effective = mine.find((v) => v.status === 'effective');
    const latest = mine.at(-1);
    return {
      id: row.id,
      number: row.number,
      titleZh: row.title_zh,
      titleEn: row.title_en,
      kind: row.kind,
      owner: owners.get(row.owner_id) ?? { id: row.owner_id, username: '?', fullName: '?' },
      effectiveVersion: effective ? summaryOf(effective) : null,
      latestVersion: latest ? summaryOf(latest) : null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      versions: mine.map(summaryOf),
    };
  });
}

export async function getDocument(db: Executor, id: string): Promise<ControlledDocumentDetail> {
  const row = await repo.findDocument(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'document', id });
  const [doc] = await toDocuments(db, [row]);
  if (!doc) throw new DomainError('NOT_FOUND', { entity: 'document', id });
  return doc;
}

export async function listDocuments(
  db: Executor,
  filter: repo.DocumentFilter,
): Promise<{ items: ControlledDocument[]; total: number }> {
  const { rows, total } = await repo.listDocuments(db, filter);
  const docs = await toDocuments(db, rows);
  return { items: docs.map(({ versions: _v, ...doc }) => doc), total };
}

async function toVersions(
  db: Executor,
  rows: repo.DocumentVersionRow[],
): Promise<DocumentVersion[]> {
  const [docs, files, signatures] = await Promise.all([
    repo.findDocuments(db, [...new Set(rows.map((r) => r.document_id))]),
    repo.fileMetas(
      db,
      rows.flatMap((r) => (r.file_id ? [r.file_id] : [])),
    ),
    signaturesOf(
      db,
      DOCUMENT_VERSION_RECORD,
      rows.map((r) => r.id),
    ),
  ]);
  const docById = new Map(docs.map((d) => [d.id, d]));
  return rows.map((v) => {
    const doc = docById.get(v.document_id);
    const file = v.file_id ? files.get(v.file_id) : undefined;
    return {
      id: v.id,
      documentId: v.document_id,
      documentNumber: doc?.number ?? '?',
      documentTitleZh: doc?.title_zh ?? '?',
      documentTitleEn: doc?.title_en ?? '?',
      seq: v.seq,
      label: v.label,
      changeSummary: v.change_summary,
      status: v.status,
      file: file
        ? {
            sha256: file.sha256,
            sizeBytes: file.size_bytes,
            mediaType: file.media_type,
            filename: file.filename,
            uploadedAt: file.created_at.toISOString(),
          }
        : null,
      reviewRound: v.review_round,
      submittedAt: v.submitted_at?.toISOString() ?? null,
      approvedAt: v.approved_at?.toISOString() ?? null,
      effectiveFrom: v.effective_from,
      effectiveAt: v.effective_at?.toISOString() ?? null,
      supersededAt: v.superseded_at?.toISOString() ?? null,
      supersededById: v.superseded_by_id,
      obsoletedAt: v.obsoleted_at?.toISOString() ?? null,
      changeRequestId: v.change_request_id,
      createdBy: { id: v.created_by_id, name: v.created_by_name },
      createdAt: v.created_at.toISOString(),
      updatedAt: v.updated_at.toISOString(),
      signatures: signatures.get(v.id) ?? [],
    };
  });
}

export async function getDocumentVersion(db: Executor, id: string): Promise<DocumentVersion> {
  const row = await repo.findVersion(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'document_version', id });
  const [version] = await toVersions(db, [row]);
  if (!version) throw new DomainError('NOT_FOUND', { entity: 'document_version', id });
  return version;
}

/** The file of a version, for download. */
export async function documentVersionFile(
  db: Executor,
  id: string,
): Promise<repo.DocumentFileMeta> {
  const row = await repo.findVersion(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'document_version', id });
  const file = row.file_id ? (await repo.fileMetas(db, [row.file_id])).get(row.file_id) : undefined;
  if (!file) throw new DomainError('DOCUMENT_FILE_MISSING', { documentVersionId: id });
  return file;
}

/**
 * What an approval signature covers: the document number, the revision, the
 * change summary and the file (by its SHA-256). Not the status, which moves on
 * after signing; not the title, which belongs to the document.
 */
export async function documentVersionSignedContent(db: Executor, id: string): Promise<unknown> {
  const v = await repo.findVersion(db, id);
  if (!v) return undefined;
  const doc = await repo.findDocument(db, v.document_id);
  const file = v.file_id ? (await repo.fileMetas(db, [v.file_id])).get(v.file_id) : undefined;
  return {
    documentId: v.document_id,
    documentNumber: doc?.number ?? null,
    seq: v.seq,
    label: v.label,
    changeSummary: v.change_summary,
    file: file
      ? {
          sha256: file.sha256,
          sizeBytes: file.size_bytes,
          mediaType: file.media_type,
          filename: file.filename,
        }
      : null,
  };
}

/** Document versions as other modules show their links to them. */
export async function documentVersionRefs(
  db: Executor,
  ids: string[],
): Promise<Map<string, DocumentVersionRef>> {
  const rows = await repo.findVersions(db, [...new Set(ids)]);
  const docs = new Map(
    (await repo.findDocuments(db, [...new Set(rows.map((r) => r.document_id))])).map((d) => [
      d.id,
      d,
    ]),
  );
  const map = new Map<string, DocumentVersionRef>();
  for (const v of rows) {
    const doc = docs.get(v.document_id);
    map.set(v.id, {
      id: v.id,
      documentId: v.document_id,
      number: doc?.number ?? '?',
      titleZh: doc?.title_zh ?? '?',
      titleEn: doc?.title_en ?? '?',
      label: v.label,
      status: v.status,
    });
  }
  return map;
}

/** For links from routing operations and items: the version must exist and be effective now. */
export async function assertDocumentVersionEffective(
  db: Executor,
  id: string,
): Promise<DocumentVersionRef> {
  const ref = (await documentVersionRefs(db, [id])).get(id);
  if (!ref) throw new DomainError('NOT_FOUND', { entity: 'document_version', id });
  if (ref.status !== 'effective') {
    throw new DomainError(
      'DOCUMENT_VERSION_NOT_EFFECTIVE',
      { documentVersionId: id, number: ref.number, label: ref.label, status: ref.status },
      `${ref.number} ${ref.label} is ${ref.status}, not effective`,
    );
  }
  return ref;
}

/** What a draft may link to: document versions that are approved or effective. */
export async function assertDocumentVersionsLinkable(
  db: Executor,
  ids: string[],
  field: string,
): Promise<void> {
  const refs = await documentVersionRefs(db, ids);
  for (const id of ids) {
    const ref = refs.get(id);
    if (!ref) {
      throw new DomainError('NOT_FOUND', { entity: 'document_version', id, field });
    }
    if (ref.status !== 'approved' && ref.status !== 'effective') {
      throw new DomainError(
        'DOCUMENT_VERSION_NOT_USABLE',
        { documentVersionId: id, number: ref.number, label: ref.label, status: ref.status, field },
        `${ref.number} ${ref.label} is ${ref.status}`,
      );
    }
  }
}

export async function effectiveDocumentVersion(
  db: Executor,
  documentId: string,
): Promise<DocumentVersion | null> {
  const row = await repo.effectiveVersionOf(db, documentId);
  return row ? ((await toVersions(db, [row]))[0] ?? null) : null;
}

// ---- documents ----

async function assertOwner(db: Executor, ownerId: string | undefined): Promise<string> {
  if (!ownerId) throw new DomainError('DOCUMENT_OWNER_UNKNOWN', { field: 'ownerId' });
  const user = await findUserById(db, ownerId);
  if (!user || user.status === 'disabled') {
    throw new DomainError('DOCUMENT_OWNER_UNKNOWN', { field: 'ownerId', ownerId });
  }
  return user.id;
}

function auditDocument(d: ControlledDocumentDetail) {
  return {
    number: d.number,
    titleZh: d.titleZh,
    titleEn: d.titleEn,
    kind: d.kind,
    ownerId: d.owner.id,
  };
}

export async function createDocument(
  trx: Trx,
  actor: Actor,
  input: {
    number: string;
    titleZh: string;
    titleEn: string;
    kind: DocumentKind;
    ownerId?: string;
    reason?: string;
  },
): Promise<ControlledDocumentDetail> {
  if (await repo.findDocumentByNumber(trx, input.number)) {
    throw new DomainError('DOCUMENT_NUMBER_TAKEN', { number: input.number });
  }
  const ownerId = await assertOwner(
    trx,
    input.ownerId ?? (actor.kind === 'user' ? actor.userId : undefined),
  );
  const id = uuidv7();
  await trx
    .insertInto('documents')
    .values({
      id,
      number: input.number,
      title_zh: input.titleZh,
      title_en: input.titleEn,
      kind: input.kind,
      owner_id: ownerId,
    })
    .execute();
  const doc = await getDocument(trx, id);
  await recordAudit(trx, actor, {
    action: 'document.created',
    entityType: 'document',
    entityId: id,
    after: auditDocument(doc),
    reason: input.reason ?? null,
  });
  return doc;
}

export async function updateDocument(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { titleZh?: string; titleEn?: string; ownerId?: string; reason: string },
): Promise<ControlledDocumentDetail> {
  const row = await repo.lockDocument(trx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'document', id });
  const before = await getDocument(trx, id);
  const ownerId = input.ownerId ? await assertOwner(trx, input.ownerId) : row.owner_id;
  await trx
    .updateTable('documents')
    .set({
      title_zh: input.titleZh ?? row.title_zh,
      title_en: input.titleEn ?? row.title_en,
      owner_id: ownerId,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  const after = await getDocument(trx, id);
  await recordAudit(trx, actor, {
    action: 'document.updated',
    entityType: 'document',
    entityId: id,
    before: auditDocument(before),
    after: auditDocument(after),
    reason: input.reason,
  });
  return after;
}

// ---- versions ----

function auditVersion(v: DocumentVersion) {
  const { signatures: _s, createdAt: _c, updatedAt: _u, ...rest } = v;
  return rest;
}

async function lockVersionWithDocument(trx: Trx, id: string): Promise<repo.DocumentVersionRow> {
  const peek = await repo.findVersion(trx, id);
  if (!peek) throw new DomainError('NOT_FOUND', { entity: 'document_version', id });
  // Document first, then version: the order every writer takes.
  await repo.lockDocument(trx, peek.document_id);
  const row = await repo.lockVersion(trx, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'document_version', id });
  return row;
}

function assertDraft(row: repo.DocumentVersionRow): void {
  if (row.status !== 'draft') {
    throw new DomainError(
      'VERSION_LOCKED',
      { documentVersionId: row.id, status: row.status },
      `Revision ${row.label} is ${row.status}; only a draft can be changed`,
    );
  }
}

function assertStatus(
  row: repo.DocumentVersionRow,
  allowed: DocumentVersionStatus[],
  action: string,
): void {
  if (!allowed.includes(row.status)) {
    throw new DomainError(
      'VERSION_WRONG_STATUS',
      { documentVersionId: row.id, status: row.status, allowed, action },
      `Revision ${row.label} is ${row.status}; ${action} needs ${allowed.join(' or ')}`,
    );
  }
}

async function audited(
  trx: Trx,
  actor: Actor,
  action: string,
  id: string,
  before: DocumentVersion | null,
  reason?: string | null,
): Promise<DocumentVersion> {
  const after = await getDocumentVersion(trx, id);
  await recordAudit(trx, actor, {
    action,
    entityType: DOCUMENT_VERSION_RECORD,
    entityId: id,
    before: before ? auditVersion(before) : null,
    after: auditVersion(after),
    reason: reason ?? null,
  });
  return after;
}

export async function createDocumentVersion(
  trx: Trx,
  actor: Actor,
  documentId: string,
  input: { changeSummary: string; file?: DocumentFileInput },
): Promise<DocumentVersion> {
  const doc = await repo.lockDocument(trx, documentId);
  if (!doc) throw new DomainError('NOT_FOUND', { entity: 'document', id: documentId });
  const seq = (await repo.lastSeqOf(trx, documentId)) + 1;
  const file = input.file ? await storeFile(trx, input.file) : null;
  const person = personOf(actor);
  const id = uuidv7();
  await trx
    .insertInto('document_versions')
    .values({
      id,
      document_id: documentId,
      seq,
      label: revisionLabel(seq),
      change_summary: input.changeSummary,
      file_id: file?.id ?? null,
      status: 'draft',
      submitted_at: null,
      approved_at: null,
      effective_from: null,
      effective_at: null,
      superseded_at: null,
      superseded_by_id: null,
      obsoleted_at: null,
      change_request_id: null,
      created_by_id: person.id,
      created_by_name: person.name,
    })
    .execute();
  await trx
    .updateTable('documents')
    .set({ updated_at: new Date() })
    .where('id', '=', documentId)
    .execute();
  return audited(trx, actor, 'document_version.created', id, null);
}

export async function updateDocumentVersion(
  trx: Trx,
  actor: Actor,
  id: string,
  input: { changeSummary: string },
): Promise<DocumentVersion> {
  const row = await lockVersionWithDocument(trx, id);
  assertDraft(row);
  const before = await getDocumentVersion(trx, id);
  await trx
    .updateTable('document_versions')
    .set({ change_summary: input.changeSummary, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'document_version.updated', id, before);
}

export async function attachDocumentFile(
  trx: Trx,
  actor: Actor,
  id: string,
  input: DocumentFileInput,
): Promise<DocumentVersion> {
  const row = await lockVersionWithDocument(trx, id);
  assertDraft(row);
  const before = await getDocumentVersion(trx, id);
  const file = await storeFile(trx, input);
  await trx
    .updateTable('document_versions')
    .set({ file_id: file.id, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'document_version.file_attached', id, before);
}

export async function submitDocumentVersion(
  trx: Trx,
  actor: Actor,
  id: string,
): Promise<DocumentVersion> {
  const row = await lockVersionWithDocument(trx, id);
  assertDraft(row);
  if (!row.file_id) throw new DomainError('DOCUMENT_FILE_MISSING', { documentVersionId: id });
  const before = await getDocumentVersion(trx, id);
  await trx
    .updateTable('document_versions')
    .set({ status: 'in_review', submitted_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'document_version.submitted', id, before);
}

/** In review back to draft, to be corrected; the next review starts a new round. */
export async function returnDocumentVersion(
  trx: Trx,
  actor: Actor,
  id: string,
  reason: string,
): Promise<DocumentVersion> {
  const row = await lockVersionWithDocument(trx, id);
  // A draft is already there; anything past review is locked for good.
  if (row.status === 'draft') assertStatus(row, ['in_review'], 'sending back to draft');
  if (row.status !== 'in_review') assertDraft(row);
  const before = await getDocumentVersion(trx, id);
  await trx
    .updateTable('document_versions')
    .set({
      status: 'draft',
      review_round: row.review_round + 1,
      submitted_at: null,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'document_version.returned', id, before, reason);
}

/** The checks an approval can fail before anyone signs (so a doomed request costs no password attempt). */
export async function precheckDocumentApproval(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<void> {
  const row = await repo.findVersion(db, id);
  if (!row) throw new DomainError('NOT_FOUND', { entity: 'document_version', id });
  assertStatus(row, ['in_review'], 'approval');
  assertNotAuthor(row, actor);
}

// Document control wants an independent review: whoever wrote a revision may
// submit it, but another person approves it.
function assertNotAuthor(row: { id: string; created_by_id: string | null }, actor: Actor): void {
  if (actor.kind === 'user' && row.created_by_id === actor.userId) {
    throw new DomainError('DOCUMENT_APPROVER_IS_AUTHOR', { documentVersionId: row.id });
  }
}

export async function approveDocumentVersion(
  trx: Trx,
  actor: Actor,
  signer: VerifiedSigner,
  id: string,
): Promise<DocumentVersion> {
  const row = await lockVersionWithDocument(trx, id);
  assertStatus(row, ['in_review'], 'approval');
  assertNotAuthor(row, signer.actor);
  if (!row.file_id) throw new DomainError('DOCUMENT_FILE_MISSING', { documentVersionId: id });
  const before = await getDocumentVersion(trx, id);
  await signRecord(trx, signer, {
    type: DOCUMENT_VERSION_RECORD,
    id,
    content: await documentVersionSignedContent(trx, id),
    allowedMeanings: ['approved'],
  });
  await trx
    .updateTable('document_versions')
    .set({ status: 'approved', approved_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'document_version.approved', id, before);
}

/**
 * Approved → effective, superseding the document's effective version in the
 * same transaction. The version becomes effective now; `effectiveFrom` is the
 * recorded effectivity date (today or later). Called directly (document
 * control) or by change control with its change request id and the version it
 * expects to supersede.
 */
export async function makeDocumentVersionEffective(
  trx: Trx,
  actor: Actor,
  id: string,
  options: {
    effectiveFrom?: string;
    changeRequestId?: string;
    /** When given (change control): the effective version it must replace, or null for none. */
    expectedSupersedesId?: string | null;
  } = {},
): Promise<DocumentVersion> {
  const row = await lockVersionWithDocument(trx, id);
  assertStatus(row, ['approved'], 'making effective');
  const effectiveFrom = effectivityDate(options.effectiveFrom);
  const current = await repo.effectiveVersionOf(trx, row.document_id);
  if (
    options.expectedSupersedesId !== undefined &&
    (current?.id ?? null) !== options.expectedSupersedesId
  ) {
    throw new DomainError('EFFECTIVE_VERSION_CHANGED', {
      documentVersionId: id,
      expected: options.expectedSupersedesId,
      actual: current?.id ?? null,
    });
  }
  const now = new Date();
  if (current) {
    const beforeOld = await getDocumentVersion(trx, current.id);
    await trx
      .updateTable('document_versions')
      .set({ status: 'superseded', superseded_at: now, superseded_by_id: id, updated_at: now })
      .where('id', '=', current.id)
      .execute();
    await audited(
      trx,
      actor,
      'document_version.superseded',
      current.id,
      beforeOld,
      `Superseded by revision ${row.label}`,
    );
  }
  const before = await getDocumentVersion(trx, id);
  await trx
    .updateTable('document_versions')
    .set({
      status: 'effective',
      effective_from: effectiveFrom,
      effective_at: now,
      change_request_id: options.changeRequestId ?? null,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  return audited(trx, actor, 'document_version.effective', id, before);
}

/** Withdraws a version (signed): a draft or approved one never used, or the effective one. */
export async function obsoleteDocumentVersion(
  trx: Trx,
  actor: Actor,
  signer: VerifiedSigner,
  id: string,
  reason: string,
): Promise<DocumentVersion> {
  const row = await lockVersionWithDocument(trx, id);
  assertStatus(
    row,
    ['draft', 'in_review', 'approved', 'effective', 'superseded'],
    'making obsolete',
  );
  const before = await getDocumentVersion(trx, id);
  await trx
    .updateTable('document_versions')
    .set({ status: 'obsolete', obsoleted_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await signRecord(trx, signer, {
    type: DOCUMENT_VERSION_RECORD,
    id,
    content: await documentVersionSignedContent(trx, id),
    allowedMeanings: ['withdrawn'],
  });
  return audited(trx, actor, 'document_version.obsoleted', id, before, reason);
}

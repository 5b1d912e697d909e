import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { addDays, calendarDateOf, daysBetween } from '../../../shared/calendar-date.ts';
import {
  CERTIFICATE_EXPIRY_WARNING_DAYS,
  CERTIFICATE_FILE_MAX_BYTES,
  type Certificate,
  type CertificateStatus,
  type CertificateType,
  type FileUpload,
  type Supplier,
  type SupplierWarning,
} from '../../../shared/partners.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import * as repo from './suppliers.repository.ts';

/** Today's calendar date (UTC) unless a caller (a test, a report "as of") says otherwise. */
export function today(): string {
  return calendarDateOf(new Date());
}

/**
 * What a certificate's dates mean on a given day. `validUntil` is its last valid
 * day; it is "expiring" from `warningDays` days before that day, inclusive.
 */
export function certificateStatus(
  validFrom: string,
  validUntil: string,
  on: string,
  warningDays: number = CERTIFICATE_EXPIRY_WARNING_DAYS,
): { status: CertificateStatus; daysUntilExpiry: number } {
  const daysUntilExpiry = daysBetween(on, validUntil);
  if (on < validFrom) return { status: 'not_yet_valid', daysUntilExpiry };
  if (daysUntilExpiry < 0) return { status: 'expired', daysUntilExpiry };
  if (daysUntilExpiry <= warningDays) return { status: 'expiring', daysUntilExpiry };
  return { status: 'valid', daysUntilExpiry };
}

export function toCertificate(
  row: repo.CertificateRow,
  file: repo.FileInfoRow | undefined,
  on: string,
): Certificate {
  return {
    id: row.id,
    supplierId: row.supplier_id,
    type: row.type,
    number: row.number,
    issuer: row.issuer,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    ...certificateStatus(row.valid_from, row.valid_until, on),
    supersededById: row.superseded_by_id,
    file: file
      ? {
          id: file.id,
          filename: file.filename,
          mediaType: file.media_type,
          sizeBytes: file.size_bytes,
          sha256: file.sha256,
          uploadedAt: file.uploaded_at.toISOString(),
        }
      : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What the audit trail keeps of a certificate: no derived status (it changes with the date). */
function auditView(c: Certificate) {
  const { status: _s, daysUntilExpiry: _d, createdAt: _c, updatedAt: _u, ...rest } = c;
  return rest;
}

export async function listCertificates(
  db: Executor,
  supplierId: string,
  on: string = today(),
): Promise<Certificate[]> {
  const rows = await repo.certificatesOf(db, supplierId);
  const files = await repo.fileInfos(
    db,
    rows.flatMap((r) => (r.file_id ? [r.file_id] : [])),
  );
  return rows.map((r) => toCertificate(r, r.file_id ? files.get(r.file_id) : undefined, on));
}

/**
 * What a supplier's record should make people look twice at. Superseded
 * certificates no longer count: their renewal speaks for them.
 */
export function supplierWarnings(
  supplier: Pick<Supplier, 'approvalStatus'>,
  certificates: Certificate[],
): SupplierWarning[] {
  const warnings: SupplierWarning[] = [];
  if (supplier.approvalStatus !== 'approved')
    warnings.push({ kind: `status_${supplier.approvalStatus}` });
  const current = certificates.filter((c) => c.supersededById === null);
  for (const c of current) {
    if (c.status === 'expired' || c.status === 'expiring') {
      warnings.push({
        kind: c.status === 'expired' ? 'certificate_expired' : 'certificate_expiring',
        certificateId: c.id,
        certificateType: c.type,
        days: c.daysUntilExpiry,
      });
    }
  }
  const inUse = supplier.approvalStatus === 'approved' || supplier.approvalStatus === 'conditional';
  if (inUse && !current.some((c) => c.status === 'valid' || c.status === 'expiring'))
    warnings.push({ kind: 'no_valid_certificate' });
  return warnings;
}

const SIGNATURES: Record<FileUpload['mediaType'], (b: Buffer) => boolean> = {
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  'image/jpeg': (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
};

/** Keeps the name people gave the file, without path parts or control characters. */
function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean || 'certificate';
}

/** Checks and stores an uploaded file; files are append-only, a replacement is a new one. */
async function storeFile(trx: Trx, actor: Actor, upload: FileUpload): Promise<repo.FileInfoRow> {
  const bytes = Buffer.from(upload.contentBase64, 'base64');
  if (bytes.length === 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      { field: 'file.contentBase64' },
      'The file is empty',
    );
  if (bytes.length > CERTIFICATE_FILE_MAX_BYTES) {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      { maxBytes: CERTIFICATE_FILE_MAX_BYTES, sizeBytes: bytes.length },
      'A certificate file is at most 10 MB',
    );
  }
  // The declared type is what the download will claim; refuse a file that is something else.
  if (!SIGNATURES[upload.mediaType](bytes)) {
    throw new DomainError(
      'CERTIFICATE_FILE_TYPE_MISMATCH',
      { mediaType: upload.mediaType },
      `The file's content is not ${upload.mediaType}`,
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (upload.sha256 && upload.sha256.toLowerCase() !== sha256) {
    throw new DomainError(
      'CERTIFICATE_FILE_CHECKSUM_MISMATCH',
      { expected: upload.sha256.toLowerCase(), actual: sha256 },
      'The uploaded bytes do not match the SHA-256 sent with them',
    );
  }
  return trx
    .insertInto('partner_files')
    .values({
      id: uuidv7(),
      filename: safeFilename(upload.filename),
      media_type: upload.mediaType,
      size_bytes: bytes.length,
      sha256,
      content: bytes,
      uploaded_by: actor.kind === 'user' ? actor.fullName : actor.name,
    })
    .returning([
      'id',
      'filename',
      'media_type',
      'size_bytes',
      'sha256',
      'uploaded_at',
      'uploaded_by',
    ])
    .executeTakeFirstOrThrow();
}

export interface CreateCertificateInput {
  type: CertificateType;
  number: string;
  issuer: string;
  validFrom: string;
  validUntil: string;
  replacesCertificateId?: string;
  file?: FileUpload;
  reason?: string;
}

export async function createCertificate(
  trx: Trx,
  actor: Actor,
  supplierId: string,
  input: CreateCertificateInput,
): Promise<Certificate> {
  const supplier = await repo.lockSupplier(trx, supplierId);
  if (!supplier) throw new DomainError('NOT_FOUND', { entity: 'supplier', id: supplierId });
  if (input.validUntil < input.validFrom) {
    throw new DomainError(
      'CERTIFICATE_DATES_INVALID',
      { validFrom: input.validFrom, validUntil: input.validUntil },
      'A certificate cannot end before it starts',
    );
  }
  let replaced: repo.CertificateRow | undefined;
  if (input.replacesCertificateId) {
    replaced = await repo.lockCertificate(trx, supplierId, input.replacesCertificateId);
    if (!replaced || replaced.type !== input.type) {
      throw new DomainError(
        'CERTIFICATE_REPLACEMENT_INVALID',
        { replacesCertificateId: input.replacesCertificateId },
        "A certificate renews one of the same supplier's certificates of the same type",
      );
    }
    if (replaced.superseded_by_id !== null) {
      throw new DomainError('CERTIFICATE_ALREADY_SUPERSEDED', {
        replacesCertificateId: replaced.id,
        supersededById: replaced.superseded_by_id,
      });
    }
  }
  const file = input.file ? await storeFile(trx, actor, input.file) : undefined;
  const row = await trx
    .insertInto('supplier_certificates')
    .values({
      id: uuidv7(),
      supplier_id: supplierId,
      type: input.type,
      number: input.number,
      issuer: input.issuer,
      valid_from: input.validFrom,
      valid_until: input.validUntil,
      file_id: file?.id ?? null,
      superseded_by_id: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const certificate = toCertificate(row, file, today());
  await recordAudit(trx, actor, {
    action: 'supplier.certificate_added',
    entityType: 'supplier_certificate',
    entityId: row.id,
    after: { supplierCode: supplier.code, ...auditView(certificate) },
    reason: input.reason ?? null,
  });
  if (replaced) {
    await trx
      .updateTable('supplier_certificates')
      .set({ superseded_by_id: row.id, updated_at: new Date() })
      .where('id', '=', replaced.id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'supplier.certificate_superseded',
      entityType: 'supplier_certificate',
      entityId: replaced.id,
      before: { supersededById: null },
      after: { supersededById: row.id },
      reason: input.reason ?? null,
    });
  }
  return certificate;
}

/** Attaches (or replaces) the scanned copy; the earlier file stays stored, as evidence. */
export async function attachCertificateFile(
  trx: Trx,
  actor: Actor,
  supplierId: string,
  certificateId: string,
  input: FileUpload & { reason?: string },
): Promise<Certificate> {
  const before = await repo.lockCertificate(trx, supplierId, certificateId);
  if (!before) throw new DomainError('NOT_FOUND', { entity: 'certificate', id: certificateId });
  const file = await storeFile(trx, actor, input);
  const after = await trx
    .updateTable('supplier_certificates')
    .set({ file_id: file.id, updated_at: new Date() })
    .where('id', '=', certificateId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const previous = before.file_id
    ? (await repo.fileInfos(trx, [before.file_id])).get(before.file_id)
    : undefined;
  const on = today();
  await recordAudit(trx, actor, {
    action: 'supplier.certificate_file_attached',
    entityType: 'supplier_certificate',
    entityId: certificateId,
    before: { file: toCertificate(before, previous, on).file },
    after: { file: toCertificate(after, file, on).file },
    reason: input.reason ?? null,
  });
  return toCertificate(after, file, on);
}

export async function getCertificateFile(
  db: Executor,
  supplierId: string,
  certificateId: string,
): Promise<{ filename: string; mediaType: string; sha256: string; content: Buffer }> {
  const certificate = await repo.findCertificate(db, supplierId, certificateId);
  if (!certificate)
    throw new DomainError('NOT_FOUND', { entity: 'certificate', id: certificateId });
  const file = certificate.file_id
    ? await repo.fileWithContent(db, certificate.file_id)
    : undefined;
  if (!file) throw new DomainError('CERTIFICATE_FILE_MISSING', { certificateId });
  return {
    filename: file.filename,
    mediaType: file.media_type,
    sha256: file.sha256,
    content: Buffer.from(file.content),
  };
}

/** Current certificates that lapse within `days` (and, unless left out, those already lapsed). */
export async function listExpiringCertificates(
  db: Executor,
  f: { days: number; includeExpired: boolean; q?: string; limit: number; offset: number },
  on: string = today(),
) {
  const { rows, total } = await repo.listExpiringCertificates(db, {
    until: addDays(on, f.days),
    from: f.includeExpired ? null : on,
    q: f.q,
    limit: f.limit,
    offset: f.offset,
  });
  const files = await repo.fileInfos(
    db,
    rows.flatMap((r) => (r.file_id ? [r.file_id] : [])),
  );
  return {
    items: rows.map((r) => ({
      ...toCertificate(r, r.file_id ? files.get(r.file_id) : undefined, on),
      // The list's own horizon decides what counts as expiring here.
      ...certificateStatus(r.valid_from, r.valid_until, on, f.days),
      supplier: {
        id: r.supplier.id,
        code: r.supplier.code,
        legalNameZh: r.supplier.legal_name_zh,
        legalNameEn: r.supplier.legal_name_en,
        approvalStatus: r.supplier.approval_status,
      },
    })),
    total,
  };
}

// Certificates of analysis kept with a receipt: checked like supplier
// certificate files (declared type against the bytes, optional SHA-256 against
// the bytes), stored append-only with their hash, downloaded with Repr-Digest.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { CERTIFICATE_FILE_MAX_BYTES, type FileUpload } from '../../../shared/partners.contract.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import { actorName } from './orders.service.ts';
import * as repo from './purchasing.repository.ts';
import type { ReceiptFileInfoRow } from './purchasing.tables.ts';

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
  return clean || 'certificate-of-analysis';
}

/** Checks the upload's bytes before anything is written (so a bad file refuses the whole receipt). */
export function checkReceiptFile(upload: FileUpload): { bytes: Buffer; sha256: string } {
  const bytes = Buffer.from(upload.contentBase64, 'base64');
  if (bytes.length === 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      { field: 'certificate.contentBase64' },
      'The file is empty',
    );
  if (bytes.length > CERTIFICATE_FILE_MAX_BYTES) {
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      { maxBytes: CERTIFICATE_FILE_MAX_BYTES, sizeBytes: bytes.length },
      'A certificate file is at most 10 MB',
    );
  }
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
  return { bytes, sha256 };
}

export async function storeReceiptFile(
  trx: Trx,
  actor: Actor,
  upload: FileUpload,
): Promise<ReceiptFileInfoRow> {
  const { bytes, sha256 } = checkReceiptFile(upload);
  return trx
    .insertInto('receipt_files')
    .values({
      id: uuidv7(),
      filename: safeFilename(upload.filename),
      media_type: upload.mediaType,
      size_bytes: bytes.length,
      sha256,
      content: bytes,
      uploaded_by: actorName(actor),
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

export function toStoredFile(file: ReceiptFileInfoRow) {
  return {
    id: file.id,
    filename: file.filename,
    mediaType: file.media_type,
    sizeBytes: file.size_bytes,
    sha256: file.sha256,
    uploadedAt: file.uploaded_at.toISOString(),
  };
}

export async function getReceiptCertificateFile(
  db: Executor,
  receiptId: string,
): Promise<{ filename: string; mediaType: string; sha256: string; content: Buffer }> {
  const receipt = await repo.findReceipt(db, receiptId);
  if (!receipt) throw new DomainError('RECEIPT_NOT_FOUND', { id: receiptId });
  const file = receipt.certificate_file_id
    ? await repo.fileWithContent(db, receipt.certificate_file_id)
    : undefined;
  if (!file) throw new DomainError('RECEIPT_CERTIFICATE_MISSING', { receiptId });
  return {
    filename: file.filename,
    mediaType: file.media_type,
    sha256: file.sha256,
    content: Buffer.from(file.content),
  };
}

// The files of document versions: decoded and checked on the way in, stored
// once with their SHA-256 (the table refuses changes), streamed on the way out.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { v7 as uuidv7 } from 'uuid';
import {
  MAX_DOCUMENT_FILE_BYTES,
  type DocumentFileInput,
} from '../../../shared/documents.contract.ts';
import type { Executor, Trx } from '../../platform/db/database.ts';
import { DomainError } from '../../platform/errors.ts';
import * as repo from './documents.repository.ts';

// A flat character class (no repeated groups): linear on a 14 MB string.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const CHUNK_BYTES = 1024 * 1024;

export function sha256OfBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Strict base64 (Buffer.from would silently skip bad characters), 1 byte to 10 MiB. */
export function decodeFile(input: DocumentFileInput): Buffer {
  const text = input.contentBase64.replace(/\s+/g, '');
  if (text.length % 4 !== 0 || !BASE64.test(text)) {
    throw new DomainError(
      'DOCUMENT_FILE_INVALID',
      { field: 'file.contentBase64' },
      'The file is not valid base64',
    );
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0) {
    throw new DomainError(
      'DOCUMENT_FILE_INVALID',
      { field: 'file.contentBase64' },
      'The file is empty',
    );
  }
  if (bytes.length > MAX_DOCUMENT_FILE_BYTES) {
    throw new DomainError('DOCUMENT_FILE_TOO_LARGE', {
      sizeBytes: bytes.length,
      maxBytes: MAX_DOCUMENT_FILE_BYTES,
    });
  }
  return bytes;
}

export async function storeFile(
  trx: Trx,
  input: DocumentFileInput,
): Promise<repo.DocumentFileMeta> {
  const bytes = decodeFile(input);
  return trx
    .insertInto('document_files')
    .values({
      id: uuidv7(),
      sha256: sha256OfBytes(bytes),
      size_bytes: bytes.length,
      media_type: input.mediaType,
      filename: input.filename,
      content: bytes,
    })
    .returning(['id', 'sha256', 'size_bytes', 'media_type', 'filename', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** The stored bytes in 1 MiB pieces, so a download never holds the whole file twice. */
export function streamFile(db: Executor, file: repo.DocumentFileMeta): Readable {
  let offset = 0;
  return new Readable({
    async read() {
      try {
        if (offset >= file.size_bytes) {
          this.push(null);
          return;
        }
        const chunk = await repo.fileChunk(db, file.id, offset, CHUNK_BYTES);
        if (!chunk || chunk.length === 0) {
          this.destroy(new Error(`document file ${file.id} is shorter than recorded`));
          return;
        }
        offset += chunk.length;
        this.push(Buffer.from(chunk));
      } catch (error) {
        this.destroy(error instanceof Error ? error : new Error(String(error)));
      }
    },
  });
}

/** RFC 6266 Content-Disposition with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

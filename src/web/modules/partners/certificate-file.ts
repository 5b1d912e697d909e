import {
  CERTIFICATE_FILE_MAX_BYTES,
  CERTIFICATE_MEDIA_TYPES,
  type CertificateMediaType,
  type FileUploadInput,
} from '../../api/partners.ts';

// A certificate's scanned copy, read in the browser and sent as base64 JSON
// (POST /api/suppliers/:id/certificates, PUT …/certificates/:id/file).

const BY_EXTENSION: Record<string, CertificateMediaType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** The file's media type if the server takes it (by the browser's type, else by the extension). */
export function certificateMediaType(
  name: string,
  browserType: string,
): CertificateMediaType | undefined {
  if ((CERTIFICATE_MEDIA_TYPES as readonly string[]).includes(browserType))
    return browserType as CertificateMediaType;
  const extension = name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[extension];
}

export type CertificateFileProblem = 'type' | 'size' | 'empty';

/** Why the server would refuse this file, checked before it is read and sent. */
export function certificateFileProblem(file: {
  name: string;
  type: string;
  size: number;
}): CertificateFileProblem | undefined {
  if (!certificateMediaType(file.name, file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > CERTIFICATE_FILE_MAX_BYTES) return 'size';
  return undefined;
}

function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

async function sha256Hex(file: Blob): Promise<string | undefined> {
  // Web Crypto exists only in secure contexts (https, localhost); the checksum is optional.
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The file as the API takes it, with its SHA-256 so that damage on the way is caught. */
export async function certificateUpload(file: File): Promise<FileUploadInput> {
  const mediaType = certificateMediaType(file.name, file.type);
  if (!mediaType) throw new Error(`Not a PDF, PNG or JPEG file: ${file.name}`);
  const [dataUrl, sha256] = await Promise.all([readAsDataUrl(file), sha256Hex(file)]);
  const contentBase64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return { filename: file.name, mediaType, contentBase64, ...(sha256 ? { sha256 } : {}) };
}

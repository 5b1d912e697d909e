// A document file as the API takes it (base64 in JSON) and its SHA-256, the
// checksum the server stores and returns with every download.

/** Bytes as base64, in chunks (a 10 MiB file does not fit one String.fromCharCode call). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/**
 * The SHA-256 of the bytes, lower-case hex; null where the browser offers no
 * Web Crypto (a page served over plain HTTP from another host).
 */
export async function sha256Hex(data: ArrayBuffer | Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', data as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** 204 → "204 B", 1536 → "1.5 KiB", 10485760 → "10 MiB". */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = size / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const text = value >= 100 ? value.toFixed(0) : value.toFixed(1).replace(/\.0$/, '');
  return `${text} ${units[unit]}`;
}

export interface ReadFile {
  filename: string;
  mediaType: string;
  contentBase64: string;
  sizeBytes: number;
  sha256: string | null;
}

/** Reads a chosen file for upload: its bytes as base64 and their SHA-256. */
export async function readFileForUpload(file: File): Promise<ReadFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return {
    filename: file.name,
    // Browsers leave the type empty for unknown extensions.
    mediaType: file.type || 'application/octet-stream',
    contentBase64: bytesToBase64(bytes),
    sizeBytes: bytes.length,
    sha256: await sha256Hex(bytes),
  };
}

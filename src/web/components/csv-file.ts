/** The import's limit (server: platform/http CSV_BODY_LIMIT). */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

export interface CsvFileText {
  text: string;
  /** `utf-8`, or `gb18030` for a file saved by Excel on Chinese Windows ("CSV (逗号分隔)"). */
  encoding: 'utf-8' | 'gb18030';
}

/**
 * A CSV file's text. The server reads UTF-8; a file that is not valid UTF-8 is
 * read as GB18030 (a superset of GBK/GB2312), the encoding Excel uses for CSV
 * on Chinese Windows, so its Chinese names arrive intact instead of garbled.
 */
export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array): CsvFileText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

export function isCsvFileName(name: string): boolean {
  return /\.csv$/i.test(name.trim());
}

import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, isCsvFileName } from './csv-file.ts';

// "code,nameZh\nRM-1,原料\n" as Excel on Chinese Windows saves it (GBK).
const GBK = Uint8Array.from([
  0x63, 0x6f, 0x64, 0x65, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x5a, 0x68, 0x0a, 0x52, 0x4d, 0x2d, 0x31,
  0x2c, 0xd4, 0xad, 0xc1, 0xcf, 0x0a,
]);

describe('reading a CSV file for import', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    for (const text of ['\uFEFFcode,nameZh\nRM-1,原料\n', 'code,nameZh\nRM-1,原料\n']) {
      expect(decodeCsvBytes(new TextEncoder().encode(text))).toEqual({
        text: 'code,nameZh\nRM-1,原料\n',
        encoding: 'utf-8',
      });
    }
  });

  it('reads a file that is not UTF-8 as GB18030, so Chinese text from Excel is not garbled', () => {
    expect(decodeCsvBytes(GBK)).toEqual({ text: 'code,nameZh\nRM-1,原料\n', encoding: 'gb18030' });
  });

  it('takes only .csv files', () => {
    expect(isCsvFileName('items.CSV')).toBe(true);
    expect(isCsvFileName('items.xlsx')).toBe(false);
    expect(isCsvFileName('csv')).toBe(false);
  });
});

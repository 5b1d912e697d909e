import { describe, expect, it } from 'vitest';
import { csvCell } from './csv-export.ts';

describe('CSV cells', () => {
  it('defuses text a spreadsheet would run as a formula, and leaves numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(csvCell('+1+2')).toBe(`'+1+2`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('-2+3')).toBe(`'-2+3`);
    expect(csvCell('-20.5')).toBe('-20.5');
    expect(csvCell('输液器 IS-20')).toBe('输液器 IS-20');
    expect(csvCell(null)).toBe('');
    expect(csvCell(new Date('2026-11-23T08:00:00Z'))).toBe('2026-11-23T08:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import {
  computeGs1CheckCharacterPair,
  computeGs1CheckDigit,
  hasValidGs1CheckDigit,
  makeSscc,
} from './gs1-check.ts';
import { UdiError } from './udi.errors.ts';

describe('GS1 check digits', () => {
  it.each([
    ['GTIN-14 from the GS1 General Specifications', '09506000134352'],
    ['GTIN-13', '4006381333931'],
    ['GTIN-12 (U.P.C.)', '036000291452'],
    ['GTIN-8', '96385074'],
    ['SSCC from the GS1 General Specifications', '106141412345678908'],
  ])('computes the check digit of a %s', (_name, key) => {
    expect(computeGs1CheckDigit(key.slice(0, -1))).toBe(key.slice(-1));
    expect(hasValidGs1CheckDigit(key)).toBe(true);
  });

  it('rejects a key whose last digit is off by one', () => {
    expect(hasValidGs1CheckDigit('09506000134353')).toBe(false);
    expect(hasValidGs1CheckDigit('106141412345678909')).toBe(false);
  });

  it('refuses to compute over anything but digits', () => {
    expect(() => computeGs1CheckDigit('09506A')).toThrow(UdiError);
    expect(() => computeGs1CheckDigit('')).toThrow(/digits only/);
  });
});

describe('GS1 alphanumeric check character pairs (csumalpha)', () => {
  it.each([
    '1987654Ad4X4bL5ttr2310c2K',
    '12345678901234567890123NT',
    '12345_ABCDEFGHIJKLMCP',
    '7907665Bm8v2AB',
    '00000!HV',
  ])('completes %s', (key) => {
    expect(computeGs1CheckCharacterPair(key.slice(0, -2))).toBe(key.slice(-2));
  });
});

describe('makeSscc', () => {
  it('assembles the SSCC of the GS1 General Specifications example', () => {
    expect(
      makeSscc({ extensionDigit: 1, companyPrefix: '0614141', serialReference: '234567890' }),
    ).toBe('106141412345678908');
  });

  it('refuses parts that do not add up to 17 digits', () => {
    const short = () =>
      makeSscc({ extensionDigit: 1, companyPrefix: '0614141', serialReference: '23456789' });
    expect(short).toThrow(expect.objectContaining({ code: 'GS1_BAD_LENGTH', ai: '00' }));
  });

  it('refuses a two-digit extension and a non-numeric serial reference', () => {
    expect(() =>
      makeSscc({ extensionDigit: 12, companyPrefix: '0614141', serialReference: '23456789' }),
    ).toThrow(expect.objectContaining({ code: 'GS1_BAD_CHARSET' }));
    expect(() =>
      makeSscc({ extensionDigit: 1, companyPrefix: '0614141', serialReference: '23456789X' }),
    ).toThrow(expect.objectContaining({ code: 'GS1_BAD_CHARSET' }));
  });

  it('refuses a company prefix shorter than four digits', () => {
    expect(() =>
      makeSscc({ extensionDigit: 1, companyPrefix: '061', serialReference: '1234567890123' }),
    ).toThrow(expect.objectContaining({ code: 'GS1_BAD_LENGTH' }));
  });
});

import { describe, expect, it } from 'vitest';
import { buildGs1Udi } from './gs1-build.ts';
import { parseUdi } from './udi-parse.ts';

const ref = { referenceDate: new Date('2026-06-15T00:00:00Z') };
const GS = '\u001d';

describe('buildGs1Udi', () => {
  const built = buildGs1Udi(
    { gtin: '09506000134352', lot: 'LOT42', serial: 'SN0001', expiry: '2027-12-31' },
    ref,
  );

  it('writes the element string with FNC1 only after variable-length AIs', () => {
    expect(built.elementString).toBe(`01095060001343521727123110LOT42${GS}21SN0001`);
    expect(built.elementStringCaret).toBe('^01095060001343521727123110LOT42^21SN0001');
  });

  it('writes the bracketed HRI text and the canonical Digital Link', () => {
    expect(built.bracketed).toBe('(01)09506000134352(17)271231(10)LOT42(21)SN0001');
    expect(built.digitalLink).toBe(
      'https://id.gs1.org/01/09506000134352/10/LOT42/21/SN0001?17=271231',
    );
  });

  it('returns what parsing each of its outputs returns', () => {
    for (const output of [
      `]d2${built.elementString}`,
      built.elementStringCaret,
      built.bracketed,
      built.digitalLink ?? '',
    ]) {
      const result = parseUdi(output, ref);
      expect(result.ok && result.udi).toStrictEqual(built.udi);
    }
  });

  it('encodes a month-only date as day 00 and pads a GTIN-13', () => {
    const monthOnly = buildGs1Udi({ gtin: '9506000134352', expiry: '2028-02' }, ref);
    expect(monthOnly.bracketed).toBe('(01)09506000134352(17)280200');
    expect(monthOnly.udi.expiry).toBe('2028-02-29');
  });

  it('adds extra AIs in canonical order', () => {
    const withExtra = buildGs1Udi(
      {
        gtin: '09506000134352',
        lot: 'L1',
        productionDate: '2026-03-01',
        extra: { '240': 'REF-9', '7240': 'P1' },
      },
      ref,
    );
    expect(withExtra.bracketed).toBe('(01)09506000134352(11)260301(10)L1(240)REF-9(7240)P1');
  });

  it('refuses a wrong GTIN check digit instead of fixing it', () => {
    expect(() => buildGs1Udi({ gtin: '09506000134353' }, ref)).toThrow(
      expect.objectContaining({ code: 'GS1_CHECK_DIGIT', ai: '01' }),
    );
  });

  it.each([
    ['a lot of 21 characters', { lot: 'L'.repeat(21) }, 'GS1_BAD_LENGTH'],
    ['a serial with a space', { serial: 'SN 1' }, 'GS1_BAD_CHARSET'],
    ['30 February', { expiry: '2027-02-30' }, 'GS1_INVALID_DATE'],
    ['an expiry outside the century window', { expiry: '2099-01-01' }, 'GS1_INVALID_DATE'],
    ['an unknown extra AI', { extra: { '23': 'X' } }, 'GS1_UNKNOWN_AI'],
    [
      'an extra AI that contradicts the lot',
      { lot: 'A', extra: { '10': 'B' } },
      'GS1_DUPLICATE_AI',
    ],
    ['an extra AI excluded with a GTIN', { extra: { '37': '5' } }, 'GS1_EXCLUDED_AI_COMBINATION'],
  ])('refuses %s', (_name, fields, code) => {
    expect(() => buildGs1Udi({ gtin: '09506000134352', ...fields }, ref)).toThrow(
      expect.objectContaining({ code }),
    );
  });
});

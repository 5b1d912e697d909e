import { describe, expect, it } from 'vitest';
import { parseUdi } from './udi-parse.ts';
import { yearFromTwoDigits } from './udi-dates.ts';

const ref = { referenceDate: new Date('2026-06-15T00:00:00Z') };

function errorOf(input: string) {
  const result = parseUdi(input, ref);
  return result.ok ? undefined : result.error;
}

function expiryOf(input: string) {
  const result = parseUdi(input, ref);
  return result.ok ? result.udi.expiry : result.error.code;
}

describe('two-digit years (GS1 General Specifications 7.12 sliding window)', () => {
  it('reads up to 50 years ahead into the current century and the rest into the last', () => {
    expect(yearFromTwoDigits(76, 2026)).toBe(2076);
    expect(yearFromTwoDigits(77, 2026)).toBe(1977);
    expect(yearFromTwoDigits(0, 2026)).toBe(2000);
  });

  it('moves into the next century late in a century', () => {
    expect(yearFromTwoDigits(10, 2090)).toBe(2110);
    // YY - 90 = -50 is the first difference that reads into the next century.
    expect(yearFromTwoDigits(40, 2090)).toBe(2140);
    expect(yearFromTwoDigits(41, 2090)).toBe(2041);
  });

  it('takes the year from the reference date', () => {
    const input = '(01)09506000134352(17)990101';
    expect(expiryOf(input)).toBe('1999-01-01');
    const later = parseUdi(input, { referenceDate: new Date('2060-01-01T00:00:00Z') });
    expect(later.ok && later.udi.expiry).toBe('2099-01-01');
  });
});

describe('GS1 dates', () => {
  it('accepts 29 February in a leap year only', () => {
    expect(expiryOf('(01)09506000134352(17)280229')).toBe('2028-02-29');
    expect(errorOf('(01)09506000134352(17)270229')).toMatchObject({
      code: 'GS1_INVALID_DATE',
      ai: '17',
      position: 26,
    });
  });

  it('treats 2000 as a leap year and 2100 not', () => {
    expect(expiryOf('(01)09506000134352(17)000229')).toBe('2000-02-29');
    const in2090 = parseUdi('(01)09506000134352(17)000229', {
      referenceDate: new Date('2090-01-01T00:00:00Z'),
    });
    expect(in2090.ok ? 'ok' : in2090.error.code).toBe('GS1_INVALID_DATE');
  });

  it('refuses month 13 and points at the month', () => {
    expect(errorOf('(01)09506000134352(17)271301')).toMatchObject({
      code: 'GS1_INVALID_DATE',
      position: 24,
    });
  });

  it('refuses 31 April', () => {
    expect(errorOf('(01)09506000134352(11)260431')?.code).toBe('GS1_INVALID_DATE');
  });

  it('reads day 00 of an expiry date as the last day of that month', () => {
    expect(expiryOf('(01)09506000134352(17)280200')).toBe('2028-02-29');
    expect(expiryOf('(01)09506000134352(17)270200')).toBe('2027-02-28');
    expect(expiryOf('(01)09506000134352(17)271100')).toBe('2027-11-30');
  });

  it('allows day 00 in a production date (yymmd0) as well', () => {
    const result = parseUdi('(01)09506000134352(11)260500', ref);
    expect(result.ok && result.udi.productionDate).toBe('2026-05-31');
  });

  it('refuses day 00 where the dictionary says yymmdd (first freeze date, AI 7006)', () => {
    expect(errorOf('(01)09506000134352(7006)260500')).toMatchObject({
      code: 'GS1_INVALID_DATE',
      ai: '7006',
    });
    expect(parseUdi('(01)09506000134352(7006)260501', ref).ok).toBe(true);
  });

  it('checks the hour and minute of a date-time AI', () => {
    expect(errorOf('(01)09506000134352(7003)2701312460')?.code).toBe('GS1_INVALID_DATE');
    expect(parseUdi('(01)09506000134352(7003)2701312359', ref).ok).toBe(true);
  });
});

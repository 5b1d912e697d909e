import { describe, expect, it } from 'vitest';
import { deviceIdentifierProblem, gs1CheckDigit, normaliseGtin } from './device-identifier.ts';

describe('device identifiers typed into the item screens', () => {
  it('computes the GS1 check digit of a GTIN', () => {
    // GS1 General Specifications' example: 0950600013435 + check digit 2.
    expect(gs1CheckDigit('0950600013435')).toBe('2');
    expect(gs1CheckDigit('1950600013435')).toBe('9');
  });

  it('accepts GTIN-8, -12, -13 and -14 with the right check digit', () => {
    for (const gtin of ['96385074', '036000291452', '4006381333931', '09506000134352']) {
      expect(deviceIdentifierProblem('GS1', gtin)).toBeNull();
    }
  });

  it('names the expected check digit of a mistyped GTIN', () => {
    expect(deviceIdentifierProblem('GS1', '09506000134353')).toEqual({
      kind: 'check_digit',
      expected: '2',
    });
  });

  it('refuses a GTIN of another length or with letters', () => {
    expect(deviceIdentifierProblem('GS1', '12345')).toEqual({ kind: 'gtin_length' });
    expect(deviceIdentifierProblem('GS1', '0950600013435A')).toEqual({ kind: 'gtin_length' });
  });

  it('checks the form of an HIBC DI: LIC, product number, unit of measure', () => {
    expect(deviceIdentifierProblem('HIBCC', 'A123IS2000')).toBeNull();
    expect(deviceIdentifierProblem('HIBCC', 'a123IS2000')).toEqual({ kind: 'hibc_format' });
    expect(deviceIdentifierProblem('HIBCC', 'A123')).toEqual({ kind: 'hibc_format' });
  });

  it('stores a GTIN as 14 digits', () => {
    expect(normaliseGtin('GS1', '4006381333931')).toBe('04006381333931');
    expect(normaliseGtin('HIBCC', 'A123IS2000')).toBe('A123IS2000');
  });
});

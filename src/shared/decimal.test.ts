import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimal,
  isDecimal,
  isQuantity,
  maxDecimal,
  minDecimal,
  normalizeDecimal,
  percentOf,
  subtractDecimal,
} from './decimal.ts';

describe('decimal strings', () => {
  it('adds and subtracts exactly where floating point would not', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(subtractDecimal('1', '0.000001')).toBe('0.999999');
    expect(addDecimals('100.500000', '-100.5')).toBe('0');
    expect(addDecimals()).toBe('0');
  });

  it('normalizes the forms the database and people write', () => {
    expect(normalizeDecimal('5.500000')).toBe('5.5');
    expect(normalizeDecimal('+007')).toBe('7');
    expect(normalizeDecimal('-0.0')).toBe('0');
  });

  it('compares across signs, lengths and scales', () => {
    expect(compareDecimal('-20.5', '-3')).toBe(-1);
    expect(compareDecimal('180', '99.999999')).toBe(1);
    expect(compareDecimal('2.50', '2.5')).toBe(0);
    expect(minDecimal('3', '2.9')).toBe('2.9');
    expect(maxDecimal('3', '2.9')).toBe('3');
  });

  it('takes a percentage, rounded toward zero at six decimals', () => {
    expect(percentOf('200', '10')).toBe('20');
    expect(percentOf('0.000001', '50')).toBe('0');
    expect(percentOf('3', '33.3333')).toBe('0.999999');
  });

  it('accepts only the API formats', () => {
    expect(isQuantity('12.5')).toBe(true);
    expect(isQuantity('0')).toBe(false);
    expect(isQuantity('-1')).toBe(false);
    expect(isQuantity('1.1234567')).toBe(false);
    expect(isDecimal('-0.02')).toBe(true);
    expect(isDecimal('1e3')).toBe(false);
  });

  it('agrees with integer arithmetic on millionths', () => {
    const micro = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
    const text = (n: bigint) => {
      const sign = n < 0n ? '-' : '';
      const abs = n < 0n ? -n : n;
      return `${sign}${abs / 1_000_000n}.${(abs % 1_000_000n).toString().padStart(6, '0')}`;
    };
    fc.assert(
      fc.property(micro, micro, (a, b) => {
        expect(addDecimals(text(a), text(b))).toBe(normalizeDecimal(text(a + b)));
        expect(compareDecimal(text(a), text(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { compareDecimal, isPositiveDecimal } from './decimal.ts';

describe('decimal strings', () => {
  it('compare exactly, without floating point', () => {
    expect(compareDecimal('0.1', '0.10')).toBe(0);
    expect(compareDecimal('-20.5', '-20.49')).toBe(-1);
    expect(compareDecimal('180', '179.999999')).toBe(1);
    expect(compareDecimal('9999999999.000001', '9999999999.000002')).toBe(-1);
    expect(compareDecimal('-0', '0')).toBe(0);
  });

  it('tell a positive quantity from zero', () => {
    expect(isPositiveDecimal('0.000001')).toBe(true);
    expect(isPositiveDecimal('0.000')).toBe(false);
    expect(isPositiveDecimal('0')).toBe(false);
  });
});

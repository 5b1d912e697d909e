import { describe, expect, it } from 'vitest';
import { hasQuantity, isSignedQuantity, quantityText } from './quantity.ts';

describe('lot quantities', () => {
  it('accepts signed adjustments but not zero', () => {
    expect(isSignedQuantity('-2.5')).toBe(true);
    expect(isSignedQuantity('+5')).toBe(true);
    expect(isSignedQuantity('-0')).toBe(false);
    expect(isSignedQuantity('0.000')).toBe(false);
    expect(isSignedQuantity('1e3')).toBe(false);
  });

  it('shows the API decimals without trailing zeros', () => {
    expect(quantityText('12.500000')).toBe('12.5');
    expect(quantityText('100.000000')).toBe('100');
    expect(quantityText('100')).toBe('100');
  });

  it('tells a place with stock from an empty one', () => {
    expect(hasQuantity('0.000001')).toBe(true);
    expect(hasQuantity('0.000000')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { isAboveZero, lineProgress, orderProgress, percent } from './purchasing-format.ts';

describe('purchase order progress', () => {
  it('is the share of the ordered quantity received, an over-receipt counting as complete', () => {
    expect(lineProgress({ quantity: '500.000000', receivedQuantity: '200.000000' })).toBe(0.4);
    expect(lineProgress({ quantity: '100', receivedQuantity: '108' })).toBe(1);
    expect(lineProgress({ quantity: '0', receivedQuantity: '0' })).toBe(0);
  });

  it('averages the lines rather than adding quantities in different units', () => {
    const order = {
      lines: [
        { quantity: '500', receivedQuantity: '500' },
        { quantity: '20', receivedQuantity: '0' },
      ],
    };
    expect(orderProgress(order as never)).toBe(0.5);
    expect(orderProgress({ lines: [] })).toBe(0);
  });
});

describe('numbers shown', () => {
  it('tells a decimal string above zero from zero', () => {
    expect(isAboveZero('0.000000')).toBe(false);
    expect(isAboveZero('0.000100')).toBe(true);
  });

  it('shows a rate as a percentage with one decimal, and no rate as null', () => {
    expect(percent(0.8333)).toBe(83.3);
    expect(percent(1)).toBe(100);
    expect(percent(null)).toBeNull();
  });
});

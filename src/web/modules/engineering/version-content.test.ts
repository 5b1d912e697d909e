import { describe, expect, it } from 'vitest';
import type { RoutingOperationInput } from '../../api/engineering.ts';
import {
  bomContentOf,
  compareDecimal,
  isPositiveQuantity,
  limitsInOrder,
  nextOpNo,
  operationInput,
  swapOperations,
} from './version-content.ts';

describe('decimals in BOMs and routings', () => {
  it('compares decimal strings exactly, whatever their length and sign', () => {
    expect(compareDecimal('1.8', '1.80')).toBe(0);
    expect(compareDecimal('0.1', '0.09')).toBe(1);
    expect(compareDecimal('12.5', '3.75')).toBe(1);
    expect(compareDecimal('-20.5', '-3')).toBe(-1);
    expect(compareDecimal('-0', '0.000')).toBe(0);
    expect(compareDecimal('1.0000001', '1')).toBe(1);
    // Not equal in floating point terms, equal as decimals: never compared as numbers.
    expect(compareDecimal('0.30000000000000004', '0.3')).toBe(1);
  });

  it('accepts a quantity per parent only above zero', () => {
    expect(isPositiveQuantity('1.8')).toBe(true);
    expect(isPositiveQuantity('0.000001')).toBe(true);
    expect(isPositiveQuantity('0')).toBe(false);
    expect(isPositiveQuantity('0.000')).toBe(false);
    expect(isPositiveQuantity('-1')).toBe(false);
    expect(isPositiveQuantity('1,8')).toBe(false);
  });

  it('checks min ≤ target ≤ max on what is stated', () => {
    expect(limitsInOrder('170', '180', '190')).toBe(true);
    expect(limitsInOrder('170', undefined, '160')).toBe(false);
    expect(limitsInOrder(undefined, '200', '190')).toBe(false);
    expect(limitsInOrder('', '5', '')).toBe(true);
  });
});

describe('BOM content as the API takes it', () => {
  it('trims, fills scrap 0 and leaves out what is not stated', () => {
    const content = bomContentOf(
      {
        lines: [
          { componentItemId: 'a', quantityPer: ' 1.8 ', scrapPct: '', recordTracking: true },
          {
            componentItemId: 'b',
            quantityPer: '2',
            scrapPct: '0.5',
            recordTracking: false,
            note: '  ',
            referenceDesignator: 'R1, R2',
          },
        ],
        documentVersionIds: ['d'],
      },
      '',
    );
    expect(content).toEqual({
      lines: [
        { componentItemId: 'a', quantityPer: '1.8', scrapPct: '0', recordTracking: true },
        {
          componentItemId: 'b',
          quantityPer: '2',
          scrapPct: '0.5',
          recordTracking: false,
          referenceDesignator: 'R1, R2',
        },
      ],
      documentVersionIds: ['d'],
    });
  });
});

describe('routing operations', () => {
  const op = (opNo: number, nameEn: string): RoutingOperationInput => ({
    opNo,
    nameZh: nameEn,
    nameEn,
    workCentre: 'LINE-IS',
  });

  it('moves an operation by swapping numbers with its neighbour', () => {
    const moved = swapOperations([op(10, 'Assembly'), op(20, 'Leak test'), op(30, 'Seal')], 1, 0);
    expect(moved.map((o) => [o.opNo, o.nameEn])).toEqual([
      [10, 'Leak test'],
      [20, 'Assembly'],
      [30, 'Seal'],
    ]);
  });

  it('numbers a new operation in steps of ten', () => {
    expect(nextOpNo([])).toBe(10);
    expect(nextOpNo([{ opNo: 10 }, { opNo: 25 }])).toBe(30);
  });

  it('drops limits from a pass/fail inspection', () => {
    const input = operationInput({
      opNo: 20,
      nameZh: '密封性测试',
      nameEn: 'Leak test',
      workCentre: 'LINE-IS',
      equipmentClass: '',
      documentVersionIds: [],
      parameters: [{ name: 'Test pressure', target: '50', min: '48', max: '52', unit: 'kPa' }],
      inspections: [
        {
          characteristic: 'Seal integrity',
          kind: 'in_process',
          method: 'Visual',
          resultType: 'pass_fail',
          max: '0.5',
          unit: 'kPa',
        },
      ],
    });
    expect(input.equipmentClass).toBeUndefined();
    expect(input.parameters).toEqual([
      { name: 'Test pressure', target: '50', min: '48', max: '52', unit: 'kPa' },
    ]);
    expect(input.inspections).toEqual([
      {
        characteristic: 'Seal integrity',
        kind: 'in_process',
        method: 'Visual',
        resultType: 'pass_fail',
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { compareDecimal, isDecimal } from '../../../shared/decimal.ts';
import { checkValue, overallVerdict, samplingVerdict } from './inspection-format.ts';

describe('measured values', () => {
  it('compares decimals exactly, whatever their scale and sign', () => {
    expect(compareDecimal('10.20', '10.2')).toBe(0);
    expect(compareDecimal('10.21', '10.2')).toBe(1);
    expect(compareDecimal('9.999999', '10')).toBe(-1);
    expect(compareDecimal('-0.02', '0')).toBe(-1);
    expect(compareDecimal('-0', '0.000')).toBe(0);
    expect(compareDecimal('-1.5', '-1.25')).toBe(-1);
    expect(compareDecimal('007', '7.0')).toBe(0);
    expect(compareDecimal('123', '45.6')).toBe(1);
  });

  it('takes only the decimals the API takes', () => {
    expect(isDecimal('12.5')).toBe(true);
    expect(isDecimal(' -0.02 ')).toBe(true);
    expect(isDecimal('1e3')).toBe(false);
    expect(isDecimal('12,5')).toBe(false);
    expect(isDecimal('')).toBe(false);
  });

  it('checks a value against inclusive limits, one-sided limits included', () => {
    const both = { lowerLimit: '3.90', upperLimit: '4.10' };
    expect(checkValue(both, '3.9')).toBe('within');
    expect(checkValue(both, '4.10')).toBe('within');
    expect(checkValue(both, '4.11')).toBe('outside');
    expect(checkValue(both, '3.899')).toBe('outside');
    expect(checkValue(both, '')).toBe('empty');
    expect(checkValue(both, 'abc')).toBe('invalid');
    expect(checkValue({ lowerLimit: '50', upperLimit: null }, '1000')).toBe('within');
    expect(checkValue({ lowerLimit: '50', upperLimit: null }, '49.9')).toBe('outside');
    expect(checkValue({ lowerLimit: null, upperLimit: '0.5' }, '-3')).toBe('within');
  });
});

describe('sampling verdict', () => {
  const plan = { sampleSize: 13, acceptanceNumber: 1, rejectionNumber: 2 };

  it('rejects as soon as Re units fail, even before the sample is complete', () => {
    expect(samplingVerdict({ ...plan, inspected: 3, nonconforming: 2 })).toBe('reject');
  });

  it('accepts only when every unit is in with at most Ac failing', () => {
    expect(samplingVerdict({ ...plan, inspected: 12, nonconforming: 0 })).toBe('pending');
    expect(samplingVerdict({ ...plan, inspected: 13, nonconforming: 1 })).toBe('accept');
  });

  it('combines characteristics: one reject rejects, all accept accepts', () => {
    expect(overallVerdict(['accept', 'reject', 'pending'])).toBe('reject');
    expect(overallVerdict(['accept', 'pending'])).toBe('pending');
    expect(overallVerdict(['accept', 'accept'])).toBe('accept');
    expect(overallVerdict([])).toBe('pending');
  });
});

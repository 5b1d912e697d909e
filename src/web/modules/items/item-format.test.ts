import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { DeviceModel } from '../../api/items.ts';
import en from '../../i18n/en.ts';
import { packageRows, plainDecimal, storageText } from './item-format.ts';

/** t() over the English messages, with {{value}} interpolation. */
const t = ((key: string, values: Record<string, unknown> = {}) => {
  const message = key.split('.').reduce<unknown>((node, part) => {
    return typeof node === 'object' && node !== null
      ? (node as Record<string, unknown>)[part]
      : undefined;
  }, en);
  return String(message).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
}) as unknown as TFunction;

describe('how items are shown', () => {
  it('writes decimals from the database as people write them, without float arithmetic', () => {
    expect(plainDecimal('5.00')).toBe('5');
    expect(plainDecimal('-20.50')).toBe('-20.5');
    expect(plainDecimal('100')).toBe('100');
    expect(plainDecimal('0.0001')).toBe('0.0001');
    expect(plainDecimal(null)).toBeNull();
  });

  it('states storage conditions in words, leaving out what is not stated', () => {
    expect(storageText({ tempMinC: '2.00', tempMaxC: '8.00', humidityMaxPct: null }, t)).toBe(
      '2 °C to 8 °C',
    );
    expect(storageText({ tempMinC: null, tempMaxC: '25.00', humidityMaxPct: '60.00' }, t)).toBe(
      'At most 25 °C; Relative humidity at most 60 %',
    );
    expect(storageText({ tempMinC: null, tempMaxC: null, humidityMaxPct: null }, t)).toBe(
      'No special conditions',
    );
  });

  it('counts the units of use in each package level, exactly, whatever the order given', () => {
    const device = {
      primaryDi: '06955555003016',
      packageLevels: [
        { level: 2, name: 'Case', di: '26955555003010', quantityOfLower: '1000000000' },
        { level: 1, name: 'Box', di: '16955555003013', quantityOfLower: '25' },
      ],
    } as DeviceModel;
    expect(packageRows(device, t).map((row) => [row.level, row.unitsOfUse])).toEqual([
      [0, '1'],
      [1, '25'],
      [2, '25000000000'],
    ]);
  });
});

import type { TFunction } from 'i18next';
import type { DeviceModel, Item, ItemStorage } from '../../api/items.ts';
import type { Language } from '../../i18n/language.ts';

// How items are shown: names, shelf life, storage, package contents. Text only.

/** The item's name in the UI language first; the other language's name as a second line. */
export function itemNames(item: Pick<Item, 'nameZh' | 'nameEn'>, language: Language) {
  return language === 'zh-CN'
    ? { primary: item.nameZh, secondary: item.nameEn }
    : { primary: item.nameEn, secondary: item.nameZh };
}

export function shelfLifeText(days: number | null, t: TFunction): string {
  return days === null ? t('items.format.noShelfLife') : t('items.format.days', { count: days });
}

/** A decimal string as people write it: 5.00 → 5, -20.50 → -20.5 (text only, no float). */
export function plainDecimal(value: string): string;
export function plainDecimal(value: string | null): string | null;
export function plainDecimal(value: string | null): string | null {
  if (value === null || !value.includes('.')) return value;
  return value.replace(/0+$/, '').replace(/\.$/, '');
}

/** Storage conditions in words: “2 °C to 8 °C; relative humidity at most 60 %”. */
export function storageText(storage: ItemStorage, t: TFunction): string {
  const min = plainDecimal(storage.tempMinC);
  const max = plainDecimal(storage.tempMaxC);
  const humidity = plainDecimal(storage.humidityMaxPct);
  const parts: string[] = [];
  if (min !== null && max !== null) parts.push(t('items.format.tempRange', { min, max }));
  else if (min !== null) parts.push(t('items.format.tempFrom', { min }));
  else if (max !== null) parts.push(t('items.format.tempTo', { max }));
  if (humidity !== null) parts.push(t('items.format.humidity', { max: humidity }));
  return parts.length > 0 ? parts.join(t('items.format.separator')) : t('items.format.noStorage');
}

export interface LevelRow {
  level: number;
  name: string;
  di: string;
  quantityOfLower: string | null;
  unitsOfUse: string;
}

/**
 * The unit of use and its package levels, each with how many units of use it
 * holds (whole numbers multiplied as BigInt: no floating point).
 */
export function packageRows(device: DeviceModel, t: TFunction): LevelRow[] {
  let units = 1n;
  const rows: LevelRow[] = [
    {
      level: 0,
      name: t('items.device.levels.unitOfUse'),
      di: device.primaryDi,
      quantityOfLower: null,
      unitsOfUse: '1',
    },
  ];
  for (const level of [...device.packageLevels].sort((a, b) => a.level - b.level)) {
    units *= BigInt(level.quantityOfLower);
    rows.push({ ...level, unitsOfUse: units.toString() });
  }
  return rows;
}

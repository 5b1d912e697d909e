// Items as CSV: export of the (filtered) list, import of new items.
import { z } from 'zod';
import {
  ITEM_TYPES,
  TRACKING_MODES,
  createItemSchema,
  storageDecimal,
  type Item,
} from '../../../shared/items.contract.ts';
import type { CsvColumn, CsvImporter } from '../../platform/csv/index.ts';
import { createItem, type CreateItemInput } from './items.service.ts';

export const ITEM_CSV_COLUMNS: readonly CsvColumn<Item>[] = [
  { header: 'code', value: (i) => i.code },
  { header: 'name_zh', value: (i) => i.nameZh },
  { header: 'name_en', value: (i) => i.nameEn },
  { header: 'type', value: (i) => i.type },
  { header: 'uom', value: (i) => i.uom },
  { header: 'tracking', value: (i) => i.tracking },
  { header: 'shelf_life_days', value: (i) => i.shelfLifeDays },
  { header: 'storage_temp_min_c', value: (i) => i.storage.tempMinC },
  { header: 'storage_temp_max_c', value: (i) => i.storage.tempMaxC },
  { header: 'storage_humidity_max_pct', value: (i) => i.storage.humidityMaxPct },
  { header: 'status', value: (i) => i.status },
  { header: 'primary_di', value: (i) => i.deviceModel?.primaryDi },
  { header: 'updated_at', value: (i) => i.updatedAt },
];

const itemRowSchema = z
  .object({
    code: createItemSchema.shape.code,
    name_zh: createItemSchema.shape.nameZh,
    name_en: createItemSchema.shape.nameEn,
    type: z.enum(ITEM_TYPES),
    uom: createItemSchema.shape.uom,
    tracking: z.enum(TRACKING_MODES),
    shelf_life_days: z.coerce.number().int().min(1).max(36500).optional(),
    storage_temp_min_c: storageDecimal.optional(),
    storage_temp_max_c: storageDecimal.optional(),
    storage_humidity_max_pct: storageDecimal.optional(),
  })
  .transform((row): CreateItemInput => ({
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    type: row.type,
    uom: row.uom,
    tracking: row.tracking,
    shelfLifeDays: row.shelf_life_days ?? null,
    storage: {
      tempMinC: row.storage_temp_min_c ?? null,
      tempMaxC: row.storage_temp_max_c ?? null,
      humidityMaxPct: row.storage_humidity_max_pct ?? null,
    },
    reason: 'CSV import',
  }));

export const itemsImporter: CsvImporter<CreateItemInput> = {
  entity: 'items',
  permission: 'item.manage',
  columns: [
    { name: 'code', required: true, description: 'item code, unique' },
    { name: 'name_zh', required: true, description: 'Chinese name' },
    { name: 'name_en', required: true, description: 'English name' },
    { name: 'type', required: true, description: ITEM_TYPES.join(' | ') },
    { name: 'uom', required: true, description: 'unit of measure, e.g. pcs, kg, m' },
    { name: 'tracking', required: true, description: TRACKING_MODES.join(' | ') },
    { name: 'shelf_life_days', description: 'whole days' },
    { name: 'storage_temp_min_c', description: 'lowest storage temperature, °C' },
    { name: 'storage_temp_max_c', description: 'highest storage temperature, °C' },
    { name: 'storage_humidity_max_pct', description: 'highest relative humidity, %' },
  ],
  rowSchema: itemRowSchema,
  importRow: (trx, actor, input) => createItem(trx, actor, input),
};

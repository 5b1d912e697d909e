import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import { containsPattern } from '../../platform/db/search.ts';
import type {
  DeviceModelsTable,
  DevicePackageLevelsTable,
  ItemsTable,
  ItemStatus,
  ItemType,
  Tracking,
} from './items.tables.ts';
import './items.tables.ts';

export type ItemRow = Selectable<ItemsTable>;
export type DeviceModelRow = Selectable<DeviceModelsTable>;
export type PackageLevelRow = Selectable<DevicePackageLevelsTable>;

export async function findItem(db: Executor, id: string): Promise<ItemRow | undefined> {
  return db.selectFrom('items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function lockItem(db: Executor, id: string): Promise<ItemRow | undefined> {
  return db.selectFrom('items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findItemByCode(db: Executor, code: string): Promise<ItemRow | undefined> {
  return db
    .selectFrom('items')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .executeTakeFirst();
}

export interface ItemFilter {
  q?: string;
  type?: ItemType;
  status?: ItemStatus;
  tracking?: Tracking;
  limit: number;
  offset: number;
}

export async function listItems(
  db: Executor,
  f: ItemFilter,
): Promise<{ rows: ItemRow[]; total: number }> {
  let query = db.selectFrom('items');
  if (f.q) {
    const like = containsPattern(f.q);
    query = query.where((eb) =>
      eb.or([
        eb('code', 'ilike', like),
        eb('name_zh', 'ilike', like),
        eb('name_en', 'ilike', like),
      ]),
    );
  }
  if (f.type) query = query.where('type', '=', f.type);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.tracking) query = query.where('tracking', '=', f.tracking);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('code').limit(f.limit).offset(f.offset).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function deviceModelsOf(
  db: Executor,
  itemIds: string[],
): Promise<Map<string, { model: DeviceModelRow; levels: PackageLevelRow[] }>> {
  const map = new Map<string, { model: DeviceModelRow; levels: PackageLevelRow[] }>();
  if (itemIds.length === 0) return map;
  const [models, levels] = await Promise.all([
    db.selectFrom('device_models').selectAll().where('item_id', 'in', itemIds).execute(),
    db
      .selectFrom('device_package_levels')
      .selectAll()
      .where('item_id', 'in', itemIds)
      .orderBy('level')
      .execute(),
  ]);
  for (const model of models) map.set(model.item_id, { model, levels: [] });
  for (const level of levels) map.get(level.item_id)?.levels.push(level);
  return map;
}

/** Which of these device identifiers another device model already uses (as primary or package DI). */
export async function deviceIdentifiersTakenElsewhere(
  db: Executor,
  itemId: string,
  dis: string[],
): Promise<string[]> {
  if (dis.length === 0) return [];
  const [primary, levels] = await Promise.all([
    db
      .selectFrom('device_models')
      .select('primary_di as di')
      .where('primary_di', 'in', dis)
      .where('item_id', '<>', itemId)
      .execute(),
    db
      .selectFrom('device_package_levels')
      .select('di')
      .where('di', 'in', dis)
      .where('item_id', '<>', itemId)
      .execute(),
  ]);
  return [...new Set([...primary, ...levels].map((r) => r.di))].sort();
}

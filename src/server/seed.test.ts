// The demo plant (docs/demo-plant.md) loads once, consistently, on both databases.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/db.ts';
import { DEMO_ITEMS } from './modules/items/index.ts';
import { hasValidGs1CheckDigit } from './modules/udi/index.ts';
import { AlreadySeededError, seedDemo } from './seed.ts';

const database = useTestDatabase();

describe('demo plant', () => {
  it('loads every module’s demo data in one go, and refuses a second time', async () => {
    const { db } = database();
    const { seeders } = await seedDemo(db);
    expect(seeders.slice(0, 2)).toEqual(['users', 'items']);
    await expect(seedDemo(db)).rejects.toBeInstanceOf(AlreadySeededError);
  });

  it('has the items of the plan, with checked GTINs for the three device models', async () => {
    const { db } = database();
    const items = await db.selectFrom('items').select(['code', 'type', 'tracking']).execute();
    expect(items.map((i) => i.code).sort()).toEqual(DEMO_ITEMS.map(([code]) => code).sort());
    const devices = await db
      .selectFrom('device_models')
      .innerJoin('items', 'items.id', 'device_models.item_id')
      .select(['items.code', 'device_models.primary_di', 'device_models.label_serial'])
      .orderBy('items.code')
      .execute();
    expect(devices.map((d) => [d.code, d.label_serial])).toEqual([
      ['FD-IP-300', true],
      ['FD-IS-20', false],
      ['FD-IS-21', false],
    ]);
    for (const d of devices) expect(hasValidGs1CheckDigit(d.primary_di)).toBe(true);
    const levels = await db.selectFrom('device_package_levels').select('di').execute();
    expect(levels).toHaveLength(4);
  });
});

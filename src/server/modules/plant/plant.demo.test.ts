import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.ts';
import { findUserByUsername, seedDemoUsers } from '../../platform/identity/index.ts';
import {
  assertEquipmentUsable,
  findEquipmentIdByCode,
  getLocation,
  findLocationIdByCode,
  listEquipment,
  listLocations,
  qualificationsOfUser,
  seedDemoPlant,
} from './index.ts';

const database = useTestDatabase();

describe('demo locations, equipment and qualifications (docs/demo-plant.md)', () => {
  it('load as planned: the location tree, EQ-EST-01 overdue, one expired qualification', async () => {
    const db = database().db;
    await db.transaction().execute(async (trx) => {
      await seedDemoUsers(trx);
      await seedDemoPlant(trx);
    });
    const { total, items } = await listLocations(db, { limit: 200, offset: 0 });
    expect(total).toBe(21);
    expect(items.filter((l) => l.level === 'bin').map((l) => l.path)).toEqual([
      'SZ1 / WH-FG / FG-A / FG-A-01',
      'SZ1 / WH-FG / FG-A / FG-A-02',
      'SZ1 / WH-RM / RM-A / RM-A-01',
      'SZ1 / WH-RM / RM-A / RM-A-02',
      'SZ1 / WH-RM / RM-A / RM-A-03',
      'SZ1 / WH-RM / RM-COLD / RM-COLD-01',
      'SZ1 / WH-RM / RM-QZ / RM-QZ-01',
    ]);
    const customers = await getLocation(db, (await findLocationIdByCode(db, 'CUSTOMERS')) ?? '');
    expect(customers).toMatchObject({
      level: 'warehouse',
      kind: 'customer',
      nameZh: '客户（已发货）',
    });

    const equipment = await listEquipment(db, { limit: 50, offset: 0 });
    expect(equipment.items.map((e) => [e.code, e.status])).toEqual([
      ['EQ-ASM-01', 'in_service'],
      ['EQ-ASM-02', 'in_service'],
      ['EQ-EO-01', 'in_service'],
      ['EQ-EST-01', 'out_of_service'],
      ['EQ-FLOW-01', 'in_service'],
      ['EQ-LEAK-01', 'in_service'],
      ['EQ-SEAL-01', 'in_service'],
      ['EQ-SMT-01', 'in_service'],
    ]);
    await expect(
      assertEquipmentUsable(db, (await findEquipmentIdByCode(db, 'EQ-EST-01')) ?? ''),
    ).rejects.toMatchObject({ code: 'EQUIPMENT_CALIBRATION_OVERDUE' });

    const standing = async (username: string) => {
      const user = await findUserByUsername(db, username);
      return (await qualificationsOfUser(db, user?.id ?? '')).map(
        (q) => `${q.skillCode}:${q.status}`,
      );
    };
    expect(await standing('operator')).toEqual([
      'ESD:expired',
      'IS-ASSEMBLY:valid',
      'PUMP-ASSEMBLY:valid',
    ]);
    expect(await standing('qa_inspector')).toEqual(['ESD:valid', 'FINAL-INSPECTION:valid']);
    expect((await standing('production_supervisor')).every((s) => s.endsWith(':valid'))).toBe(true);
  });
});

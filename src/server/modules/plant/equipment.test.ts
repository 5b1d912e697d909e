import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, type Session } from '../../../../test/support/auth.ts';
import { addDays, calendarDateOf } from '../../../shared/calendar-date.ts';
import type { Equipment } from '../../../shared/plant.contract.ts';
import { assertEquipmentUsable } from './index.ts';

const ctx = useTestApp();

async function as(...roles: string[]): Promise<Session> {
  return (await makeSignedInUser(ctx().app, ctx().database, { roles })).session;
}

const today = () => calendarDateOf(new Date());

let seq = 0;
async function createEquipment(session: Session, overrides: Record<string, unknown> = {}) {
  seq++;
  return ctx().app.inject({
    method: 'POST',
    url: '/api/equipment',
    headers: session.headers,
    payload: {
      code: `EQ-T${seq}`,
      nameZh: `密封性测试仪 ${seq}`,
      nameEn: `Leak tester ${seq}`,
      class: 'leak_tester',
      manufacturer: 'ATEQ',
      model: 'F620',
      serialNumber: `F620-${seq}`,
      calibrationIntervalDays: 180,
      ...overrides,
    },
  });
}

async function made(session: Session, overrides: Record<string, unknown> = {}): Promise<Equipment> {
  const res = await createEquipment(session, overrides);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function record(
  session: Session,
  id: string,
  kind: 'calibrations' | 'maintenance',
  body: Record<string, unknown>,
) {
  return ctx().app.inject({
    method: 'POST',
    url: `/api/equipment/${id}/${kind}`,
    headers: session.headers,
    payload: { result: 'pass', performedBy: 'Suzhou Institute of Metrology', ...body },
  });
}

async function get(session: Session, id: string): Promise<Equipment> {
  return (
    await ctx().app.inject({ method: 'GET', url: `/api/equipment/${id}`, headers: session.headers })
  ).json();
}

describe('equipment', () => {
  it('is out of service until first calibrated, then in service until due', async () => {
    const session = await as('qa_inspector');
    const eq = await made(session);
    expect(eq).toMatchObject({ status: 'out_of_service', statusReasons: ['never_calibrated'] });
    await expect(assertEquipmentUsable(ctx().database.db, eq.id)).rejects.toMatchObject({
      code: 'EQUIPMENT_NOT_CALIBRATED',
    });

    const performedOn = addDays(today(), -10);
    const res = await record(session, eq.id, 'calibrations', {
      performedOn,
      certificateNo: 'SZJL-2026-0815',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ nextDueOn: addDays(performedOn, 180) });
    const after = await get(session, eq.id);
    expect(after).toMatchObject({
      status: 'in_service',
      calibrationDueOn: addDays(performedOn, 180),
      lastCalibration: { certificateNo: 'SZJL-2026-0815' },
    });
    await expect(assertEquipmentUsable(ctx().database.db, eq.id)).resolves.toMatchObject({
      id: eq.id,
    });
    // The same equipment at a date past its due date may not be used.
    const later = new Date(`${addDays(performedOn, 181)}T08:00:00Z`);
    await expect(assertEquipmentUsable(ctx().database.db, eq.id, later)).rejects.toMatchObject({
      code: 'EQUIPMENT_CALIBRATION_OVERDUE',
    });

    const entry = await ctx()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', eq.id)
      .where('action', '=', 'equipment.calibration_recorded')
      .executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ performedOn, result: 'pass' });
  });

  it('shows an overdue calibration and one due soon, and filters on the derived status', async () => {
    const session = await as('qa_inspector');
    const overdue = await made(session, { class: 'safety_tester', calibrationIntervalDays: 365 });
    await record(session, overdue.id, 'calibrations', { performedOn: addDays(today(), -380) });
    const soon = await made(session, { class: 'safety_tester', calibrationIntervalDays: 365 });
    await record(session, soon.id, 'calibrations', { performedOn: addDays(today(), -360) });
    expect(await get(session, overdue.id)).toMatchObject({
      status: 'out_of_service',
      statusReasons: ['calibration_overdue'],
      calibrationDueOn: addDays(today(), -15),
    });
    expect((await get(session, soon.id)).status).toBe('calibration_due_soon');

    const list = async (query: string) =>
      (
        await ctx().app.inject({
          method: 'GET',
          url: `/api/equipment?class=safety_tester&${query}`,
          headers: session.headers,
        })
      ).json();
    expect((await list('status=out_of_service')).items.map((e: Equipment) => e.id)).toEqual([
      overdue.id,
    ]);
    expect((await list('status=calibration_due_soon')).items.map((e: Equipment) => e.id)).toEqual([
      soon.id,
    ]);
    const page = await list('limit=1&offset=1');
    expect(page.total).toBe(2);
    expect(page.items.map((e: Equipment) => e.id)).toEqual([soon.id]);
  });

  it('goes out of service after a failed calibration until one passes', async () => {
    const session = await as('qa_inspector');
    const eq = await made(session);
    await record(session, eq.id, 'calibrations', { performedOn: addDays(today(), -30) });
    const failed = await record(session, eq.id, 'calibrations', {
      performedOn: addDays(today(), -1),
      result: 'fail',
      notes: 'Pressure decay reading 12 % off',
    });
    expect(failed.json().nextDueOn).toBeNull();
    expect((await get(session, eq.id)).statusReasons).toEqual(['calibration_failed']);
    await expect(assertEquipmentUsable(ctx().database.db, eq.id)).rejects.toMatchObject({
      code: 'EQUIPMENT_CALIBRATION_FAILED',
    });
    await record(session, eq.id, 'calibrations', { performedOn: today() });
    expect((await get(session, eq.id)).status).toBe('in_service');
    const history = await ctx().app.inject({
      method: 'GET',
      url: `/api/equipment/${eq.id}/calibrations?limit=2`,
      headers: session.headers,
    });
    expect(history.json().total).toBe(3);
    expect(history.json().items.map((r: { result: string }) => r.result)).toEqual(['pass', 'fail']);
    await expect(
      sql`update equipment_calibrations set result = 'pass' where equipment_id = ${eq.id}`.execute(
        ctx().database.db,
      ),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses work recorded in advance', async () => {
    const session = await as('qa_inspector');
    const eq = await made(session);
    const res = await record(session, eq.id, 'maintenance', { performedOn: addDays(today(), 1) });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('EQUIPMENT_RECORD_IN_FUTURE');
  });

  it('is taken out of service and retired by hand, with a reason; retired is final', async () => {
    const session = await as('production_supervisor');
    const eq = await made(session, { calibrationIntervalDays: null, maintenanceIntervalDays: 90 });
    await record(session, eq.id, 'maintenance', { performedOn: today() });
    const set = (status: string) =>
      ctx().app.inject({
        method: 'POST',
        url: `/api/equipment/${eq.id}/status`,
        headers: session.headers,
        payload: { status, reason: 'Conveyor belt torn' },
      });
    expect((await set('out_of_service')).json()).toMatchObject({
      status: 'out_of_service',
      manualStatus: 'out_of_service',
      manualStatusReason: 'Conveyor belt torn',
    });
    await expect(assertEquipmentUsable(ctx().database.db, eq.id)).rejects.toMatchObject({
      code: 'EQUIPMENT_OUT_OF_SERVICE',
    });
    expect((await set('active')).json().status).toBe('in_service');
    expect((await set('retired')).json().statusReasons).toEqual(['retired']);
    const back = await set('active');
    expect(back.statusCode).toBe(409);
    expect(back.json().code).toBe('EQUIPMENT_RETIRED');
    expect(
      (await record(session, eq.id, 'maintenance', { performedOn: today() })).json().code,
    ).toBe('EQUIPMENT_RETIRED');
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('entity_id', '=', eq.id)
      .where('action', '=', 'equipment.status_changed')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit[0]?.reason).toBe('Conveyor belt torn');
  });

  it('validates input: code taken, class key, location active', async () => {
    const session = await as('admin');
    await made(session, { code: 'EQ-DUP' });
    const dup = await createEquipment(session, { code: 'eq-dup' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('EQUIPMENT_CODE_TAKEN');
    expect((await createEquipment(session, { class: 'Leak Tester' })).statusCode).toBe(400);
    const site = await ctx().app.inject({
      method: 'POST',
      url: '/api/locations',
      headers: session.headers,
      payload: {
        code: 'EQ-SITE',
        nameZh: '厂区',
        nameEn: 'Site',
        level: 'site',
        kind: 'production',
      },
    });
    await ctx().app.inject({
      method: 'PATCH',
      url: `/api/locations/${site.json().id}`,
      headers: session.headers,
      payload: { active: false, reason: 'Closed' },
    });
    const placed = await createEquipment(session, { locationId: site.json().id });
    expect(placed.statusCode).toBe(409);
    expect(placed.json().code).toBe('LOCATION_INACTIVE');
  });

  it('needs equipment.manage to record work and equipment.read to see it', async () => {
    const manager = await as('qa_inspector');
    const eq = await made(manager);
    const operator = await as('operator');
    const res = await record(operator, eq.id, 'calibrations', { performedOn: today() });
    expect(res.statusCode).toBe(403);
    expect((await get(operator, eq.id)).id).toBe(eq.id);
  });
});

import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { makeSignedInUser, makeUser, type Session } from '../../../../test/support/auth.ts';
import { addDays, addMonths, calendarDateOf } from '../../../shared/calendar-date.ts';
import type { TrainingRecord } from '../../../shared/plant.contract.ts';
import { assertQualified, hasValidQualification } from './index.ts';
import { trainingStatus } from './qualifications.service.ts';

describe('calendar arithmetic for expiry (fixed dates)', () => {
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('holds a qualification until the day before it expires', () => {
    const record = { trainedOn: '2026-01-15', expiresOn: '2027-01-15' };
    expect(trainingStatus(record, '2027-01-14')).toBe('valid');
    expect(trainingStatus(record, '2027-01-15')).toBe('expired');
    expect(trainingStatus({ trainedOn: '2020-01-01', expiresOn: null }, '2030-01-01')).toBe(
      'valid',
    );
  });
});

const ctx = useTestApp();

async function as(...roles: string[]): Promise<Session> {
  return (await makeSignedInUser(ctx().app, ctx().database, { roles })).session;
}

const today = () => calendarDateOf(new Date());

let seq = 0;
async function skill(session: Session, validityMonths: number | null = 12) {
  seq++;
  const res = await ctx().app.inject({
    method: 'POST',
    url: '/api/qualifications/skills',
    headers: session.headers,
    payload: {
      code: `SK-${seq}`,
      nameZh: `技能 ${seq}`,
      nameEn: `Skill ${seq}`,
      validityMonths,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; code: string }>();
}

function train(session: Session, body: Record<string, unknown>) {
  return ctx().app.inject({
    method: 'POST',
    url: '/api/qualifications/records',
    headers: session.headers,
    payload: { trainer: '李娜 Li Na', documentRef: 'TR-IS-010', ...body },
  });
}

describe('qualifications', () => {
  it("records training with the skill's validity as expiry, audited; the gate follows it", async () => {
    const supervisor = await as('production_supervisor');
    const person = await makeUser(ctx().database, { roles: ['operator'] });
    const assembly = await skill(supervisor, 12);
    const trainedOn = addDays(today(), -30);
    const res = await train(supervisor, { userId: person.id, skillId: assembly.id, trainedOn });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      username: person.username,
      skillCode: assembly.code,
      expiresOn: addMonths(trainedOn, 12),
      status: 'valid',
    });
    const db = ctx().database.db;
    expect(await hasValidQualification(db, person.id, assembly.code)).toBe(true);
    expect(await hasValidQualification(db, person.id, assembly.code.toLowerCase())).toBe(true);
    const afterExpiry = new Date(`${addMonths(trainedOn, 12)}T00:00:00Z`);
    expect(await hasValidQualification(db, person.id, assembly.code, afterExpiry)).toBe(false);
    const beforeTraining = new Date(`${addDays(trainedOn, -1)}T12:00:00Z`);
    expect(await hasValidQualification(db, person.id, assembly.code, beforeTraining)).toBe(false);
    await expect(assertQualified(db, person.id, 'NO-SUCH-SKILL')).rejects.toMatchObject({
      code: 'QUALIFICATION_MISSING',
    });
    const entry = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('training.recorded');
  });

  it('lists per person and per skill, valid or expired, and sums up a person', async () => {
    const supervisor = await as('production_supervisor');
    const person = await makeUser(ctx().database, { roles: ['operator'] });
    const esd = await skill(supervisor, 12);
    const eo = await skill(supervisor, null);
    await train(supervisor, {
      userId: person.id,
      skillId: esd.id,
      trainedOn: addDays(today(), -400),
    });
    await train(supervisor, {
      userId: person.id,
      skillId: eo.id,
      trainedOn: addDays(today(), -10),
    });

    const list = async (query: string) =>
      (
        await ctx().app.inject({
          method: 'GET',
          url: `/api/qualifications/records?userId=${person.id}&${query}`,
          headers: supervisor.headers,
        })
      ).json();
    expect((await list('')).total).toBe(2);
    expect((await list('valid=false')).items.map((r: TrainingRecord) => r.skillCode)).toEqual([
      esd.code,
    ]);
    expect((await list('valid=true')).items.map((r: TrainingRecord) => r.skillCode)).toEqual([
      eo.code,
    ]);
    expect((await list(`skillCode=${esd.code.toLowerCase()}`)).items[0].status).toBe('expired');
    expect((await list(`skillId=${eo.id}&limit=1`)).items[0].expiresOn).toBeNull();

    // Retrained: the newer record decides where the person stands.
    await train(supervisor, { userId: person.id, skillId: esd.id, trainedOn: today() });
    const summary = await ctx().app.inject({
      method: 'GET',
      url: `/api/qualifications/users/${person.id}`,
      headers: (await as('viewer')).headers,
    });
    expect(summary.json().items).toEqual(
      [esd, eo]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((s) =>
          expect.objectContaining({
            skillCode: s.code,
            status: 'valid',
            expiresOn: s === esd ? addMonths(today(), 12) : null,
          }),
        ),
    );
  });

  it('refuses training in the future, an expiry before training, an inactive skill', async () => {
    const supervisor = await as('production_supervisor');
    const person = await makeUser(ctx().database, { roles: ['operator'] });
    const s = await skill(supervisor);
    const future = await train(supervisor, {
      userId: person.id,
      skillId: s.id,
      trainedOn: addDays(today(), 1),
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().code).toBe('TRAINING_DATE_IN_FUTURE');
    const backwards = await train(supervisor, {
      userId: person.id,
      skillId: s.id,
      trainedOn: today(),
      expiresOn: addDays(today(), -1),
    });
    expect(backwards.json().code).toBe('TRAINING_EXPIRY_BEFORE_TRAINING');
    await ctx().app.inject({
      method: 'PATCH',
      url: `/api/qualifications/skills/${s.id}`,
      headers: supervisor.headers,
      payload: { active: false, reason: 'Process retired' },
    });
    const inactive = await train(supervisor, {
      userId: person.id,
      skillId: s.id,
      trainedOn: today(),
    });
    expect(inactive.statusCode).toBe(409);
    expect(inactive.json().code).toBe('SKILL_INACTIVE');
    const nobody = await train(supervisor, {
      userId: '01900000-0000-7000-8000-000000000000',
      skillId: s.id,
      trainedOn: today(),
    });
    expect(nobody.statusCode).toBe(404);
  });

  it('keeps skill codes unique and needs qualification.manage to record', async () => {
    const supervisor = await as('production_supervisor');
    const s = await skill(supervisor);
    const dup = await ctx().app.inject({
      method: 'POST',
      url: '/api/qualifications/skills',
      headers: supervisor.headers,
      payload: { code: s.code.toLowerCase(), nameZh: '重复', nameEn: 'Duplicate' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('SKILL_CODE_TAKEN');
    const operator = await as('operator');
    const res = await train(operator, {
      userId: operator.me.user.id,
      skillId: s.id,
      trainedOn: today(),
    });
    expect(res.statusCode).toBe(403);
    const skills = await ctx().app.inject({
      method: 'GET',
      url: `/api/qualifications/skills?q=${s.code}`,
      headers: operator.headers,
    });
    expect(skills.json().items.map((k: { id: string }) => k.id)).toEqual([s.id]);
  });
});

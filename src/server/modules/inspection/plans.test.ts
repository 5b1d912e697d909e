// Inspection plans: characteristics checked, drafts edited with a reason, one
// active default plan per item, and the sampling calculator.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { caller, makeItem } from '../../../../test/support/engineering.ts';
import {
  DIAMETER,
  makeActivePlan,
  makePeople,
  VISUAL,
  type InspectionPeople,
} from './inspection.test-support.ts';

const ctx = useTestApp();
const api = () => caller(ctx().app);
let people: InspectionPeople;

beforeAll(async () => {
  people = await makePeople(ctx().app, ctx().database);
});

async function draft(itemId: string, characteristics: object[] = [DIAMETER, VISUAL]) {
  return api().post(people.engineer, '/api/inspection-plans', {
    itemId,
    name: 'Incoming inspection',
    characteristics,
  });
}

describe('inspection plans', () => {
  it('are created as numbered drafts with their characteristics', async () => {
    const item = await makeItem(ctx().app, people.engineer);
    const res = await draft(item.id);
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan.code).toMatch(/^IP-\d{4,}$/);
    expect(plan).toMatchObject({ status: 'draft', isDefault: true, item: { id: item.id } });
    expect(plan.characteristics).toMatchObject([
      {
        seq: 1,
        kind: 'measured',
        lowerLimit: '0.78',
        upperLimit: '0.82',
        aql: '1.0',
        inspectionLevel: 'II',
      },
      { seq: 2, kind: 'attribute', lowerLimit: null, aql: '0.65', defectClass: 'critical' },
    ]);
  });

  it('refuses inconsistent characteristics', async () => {
    const item = await makeItem(ctx().app, people.engineer);
    for (const bad of [
      { ...DIAMETER, lowerLimit: undefined, upperLimit: undefined },
      { ...DIAMETER, lowerLimit: '0.9' },
      { ...DIAMETER, nominal: '0.70' },
      { ...VISUAL, upperLimit: '1' },
    ]) {
      const res = await draft(item.id, [bad]);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe('INSPECTION_PLAN_INVALID');
    }
    const noAql = await draft(item.id, [{ ...DIAMETER, aql: '0.3' }]);
    expect(noAql.statusCode).toBe(400);
  });

  it('edits only drafts, with a reason, audited', async () => {
    const item = await makeItem(ctx().app, people.engineer);
    const plan = (await draft(item.id)).json();
    const noReason = await api().patch(people.engineer, `/api/inspection-plans/${plan.id}`, {
      name: 'Renamed',
    });
    expect(noReason.statusCode).toBe(400);
    const edited = await api().patch(people.engineer, `/api/inspection-plans/${plan.id}`, {
      name: 'Renamed',
      characteristics: [VISUAL],
      reason: 'Diameter is checked by the supplier CoA',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      name: 'Renamed',
      characteristics: [{ seq: 1, kind: 'attribute' }],
    });
    const history = await api().get(
      people.engineer,
      `/api/audit/records/inspection_plan/${plan.id}`,
    );
    expect(history.statusCode, history.body).toBe(200);
    const updated = history
      .json()
      .items.find((e: { action: string }) => e.action === 'inspection_plan.updated');
    expect(updated.reason).toBe('Diameter is checked by the supplier CoA');

    await api().post(people.engineer, `/api/inspection-plans/${plan.id}/activate`, {
      reason: 'ok',
    });
    const locked = await api().patch(people.engineer, `/api/inspection-plans/${plan.id}`, {
      name: 'Again',
      reason: 'x',
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('INSPECTION_PLAN_WRONG_STATUS');
  });

  it('keeps at most one active default plan per item: the new one retires the old', async () => {
    const item = await makeItem(ctx().app, people.engineer);
    const first = await makeActivePlan(ctx().app, people.engineer, item.id);
    const second = await makeActivePlan(ctx().app, people.engineer, item.id, [VISUAL]);
    const list = await api().get(people.inspector, `/api/inspection-plans?itemId=${item.id}`);
    expect(list.statusCode).toBe(200);
    const byId = new Map(
      list.json().items.map((p: { id: string; status: string }) => [p.id, p.status]),
    );
    expect(byId.get(first.id)).toBe('retired');
    expect(byId.get(second.id)).toBe('active');
    const active = await api().get(
      people.inspector,
      `/api/inspection-plans?itemId=${item.id}&status=active`,
    );
    expect(active.json().total).toBe(1);

    const retired = await api().post(people.engineer, `/api/inspection-plans/${second.id}/retire`, {
      reason: 'Item obsolete',
    });
    expect(retired.json().status).toBe('retired');
    const again = await api().post(people.engineer, `/api/inspection-plans/${second.id}/retire`, {
      reason: 'Item obsolete',
    });
    expect(again.json().code).toBe('INSPECTION_PLAN_WRONG_STATUS');
  });

  it('goes into use only when every lot size finds a sample to take', async () => {
    const item = await makeItem(ctx().app, people.engineer);
    // Normal inspection has no plan at code letter A for AQL 10 (lots of 2 to 8 at level II).
    const created = await draft(item.id, [{ name: 'Scratches', kind: 'attribute', aql: '10' }]);
    expect(created.statusCode, created.body).toBe(201);
    const res = await api().post(
      people.engineer,
      `/api/inspection-plans/${created.json().id}/activate`,
      { reason: 'Ready' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'INSPECTION_SAMPLING_NOT_AVAILABLE',
      params: { characteristicSeq: 1, aql: '10' },
    });
    const plan = await api().get(people.inspector, `/api/inspection-plans/${created.json().id}`);
    expect(plan.json().status).toBe('draft');
  });

  it('needs inspection.plan to change a plan', async () => {
    const item = await makeItem(ctx().app, people.engineer);
    const res = await api().post(people.inspector, '/api/inspection-plans', {
      itemId: item.id,
      name: 'x',
      characteristics: [VISUAL],
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('the sampling calculator', () => {
  it('answers the code letter, sample size and Ac/Re', async () => {
    const res = await api().get(
      people.inspector,
      '/api/sampling/plan?lotSize=1200&level=II&aql=1.0',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      codeLetter: 'J',
      sampleSize: 80,
      acceptanceNumber: 2,
      rejectionNumber: 3,
      severity: 'normal',
    });
    const tightened = await api().get(
      people.inspector,
      '/api/sampling/plan?lotSize=1200&aql=1.0&severity=tightened',
    );
    expect(tightened.json()).toMatchObject({
      sampleSize: 80,
      acceptanceNumber: 1,
      rejectionNumber: 2,
    });
    const reduced = await api().get(
      people.inspector,
      '/api/sampling/plan?lotSize=1200&aql=1.0&severity=reduced',
    );
    expect(reduced.json()).toMatchObject({
      sampleSize: 32,
      acceptanceNumber: 1,
      rejectionNumber: 3,
    });
    const none = await api().get(people.inspector, '/api/sampling/plan?lotSize=5&aql=10');
    expect(none.statusCode).toBe(422);
    expect(none.json().code).toBe('INSPECTION_SAMPLING_NOT_AVAILABLE');
  });
});

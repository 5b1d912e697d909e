// Other modules add sections to the impact analysis; until then a section says
// not_available rather than zero.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { caller, makeItem, makePerson, type Person } from '../../../../test/support/engineering.ts';
import { registerImpactProvider, type ImpactProvider } from './index.ts';

const ctx = useTestApp();

let engineer: Person;

beforeAll(async () => {
  engineer = await makePerson(ctx().app, ctx().database, ['engineer']);
});

describe('impact providers', () => {
  it('turn a not_available section into counted entries once registered', async () => {
    const api = caller(ctx().app);
    const part = await makeItem(ctx().app, engineer);
    const change = (
      await api.post(engineer, '/api/changes', {
        title: 'Quarantine part',
        description: 'x',
        reason: 'x',
        riskClass: 'low',
        targets: [{ targetType: 'item', targetId: part.id }],
      })
    ).json();
    const section = async () =>
      (await api.get(engineer, `/api/changes/${change.id}/impact`))
        .json()
        .sections.find((s: { key: string }) => s.key === 'open_work_orders');
    expect(await section()).toMatchObject({ status: 'not_available' });

    const workOrders: ImpactProvider = {
      key: 'open_work_orders',
      async compute(_db, context) {
        return context.itemIds.map((itemId) => ({ itemId, workOrderCode: 'WO-0001' }));
      },
    };
    registerImpactProvider(workOrders);
    registerImpactProvider(workOrders);
    expect(await section()).toEqual({
      key: 'open_work_orders',
      status: 'available',
      count: 1,
      entries: [{ itemId: part.id, workOrderCode: 'WO-0001' }],
    });
    expect(() => registerImpactProvider({ ...workOrders })).toThrow(/twice/);
  });
});

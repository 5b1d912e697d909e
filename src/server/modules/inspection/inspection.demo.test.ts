// The demo plant's incoming inspection: plans for the purchased components,
// accepted lots released, the rejected needle lot with its NCR, one lot open.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { signIn, type Session } from '../../../../test/support/auth.ts';
import { DEMO_PASSWORD } from '../../platform/identity/index.ts';
import { seedDemo } from '../../seed.ts';

const ctx = useTestApp();
let qa: Session;

beforeAll(async () => {
  await seedDemo(ctx().database.db);
  qa = await signIn(ctx().app, 'qa_manager', DEMO_PASSWORD);
});

const get = async (url: string) => {
  const res = await ctx().app.inject({ method: 'GET', url, headers: qa.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('demo plant: incoming inspection', () => {
  it('has an active default plan for each purchased component', async () => {
    const plans = await get('/api/inspection-plans?status=active&limit=50');
    const items = plans.items.map((p: { item: { code: string } }) => p.item.code);
    expect(items).toEqual(expect.arrayContaining(['CP-NEEDLE-01', 'CP-TUBE-01', 'CP-PCB-01']));
  });

  it('accepted and released most received lots, rejected one with an NCR, left one open', async () => {
    const all = await get('/api/inspections?limit=50');
    const decisions = all.items.map((i: { decision: string | null }) => i.decision ?? 'open');
    expect(decisions.filter((d: string) => d === 'accept').length).toBeGreaterThanOrEqual(5);
    expect(decisions.filter((d: string) => d === 'reject')).toHaveLength(1);
    expect(decisions).toContain('open');
    for (const i of all.items.filter((x: { decision: string }) => x.decision === 'accept'))
      expect(i.lot.qualityStatus).not.toBe('quarantined');

    const ncrs = await get('/api/nonconformances');
    expect(ncrs.items).toMatchObject([
      {
        code: 'NCR-0001',
        status: 'open',
        item: { code: 'CP-NEEDLE-01' },
        source: { type: 'inspection' },
      },
    ]);
    const rejected = all.items.find((x: { decision: string }) => x.decision === 'reject');
    const detail = await get(`/api/inspections/${rejected.id}`);
    expect(detail.signatures).toMatchObject([
      { meaning: 'rejected', signerUsername: 'qa_manager' },
    ]);
  });
});

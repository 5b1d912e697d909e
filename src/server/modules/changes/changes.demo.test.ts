// The demo plant's change control: CR-0001 and its impact counts, then the
// whole way to implementation as the demo users would go it.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { signIn, type Session } from '../../../../test/support/auth.ts';
import { DEMO_PASSWORD } from '../../platform/identity/index.ts';
import { seedDemo } from '../../seed.ts';

const ctx = useTestApp();

let engineer: Session;
let qa: Session;

beforeAll(async () => {
  await seedDemo(ctx().database.db);
  engineer = await signIn(ctx().app, 'engineer', DEMO_PASSWORD);
  qa = await signIn(ctx().app, 'qa_manager', DEMO_PASSWORD);
});

function get(session: Session, url: string) {
  return ctx().app.inject({ method: 'GET', url, headers: session.headers });
}

function post(session: Session, url: string, payload: Record<string, unknown> = {}) {
  return ctx().app.inject({ method: 'POST', url, headers: session.headers, payload });
}

const sign = (username: string) => ({ username, password: DEMO_PASSWORD, meaning: 'approved' });

async function cr0001() {
  const list = await get(engineer, '/api/changes?q=CR-0001');
  expect(list.statusCode, list.body).toBe(200);
  return list.json().items[0];
}

describe('demo plant: documents, BOMs, routings and CR-0001', () => {
  it('has an effective revision A of every controlled document, signed by the QA manager', async () => {
    const res = await get(engineer, '/api/documents?hasEffective=true&limit=50');
    expect(res.json().total).toBe(7);
    const numbers = res
      .json()
      .items.map((d: { number: string }) => d.number)
      .sort();
    expect(numbers).toEqual([
      'DWG-IP-300',
      'LA-IS-20',
      'SOP-QA-001',
      'SPEC-IS-20',
      'WI-IP-030',
      'WI-IS-010',
      'WI-IS-040',
    ]);
    const doc = res.json().items.find((d: { number: string }) => d.number === 'WI-IS-040');
    const version = (
      await get(engineer, `/api/document-versions/${doc.effectiveVersion.id}`)
    ).json();
    expect(version.signatures.map((s: { signerUsername: string }) => s.signerUsername)).toEqual([
      'qa_manager',
    ]);
    const verify = await get(qa, `/api/signatures/${version.signatures[0].id}/verify`);
    expect(verify.json().status).toBe('valid');
  });

  it('has effective version 1 of four BOMs and three routings, each approved by engineer and QA manager', async () => {
    const boms = (await get(engineer, '/api/boms?status=effective&limit=50')).json();
    const routings = (await get(engineer, '/api/routings?status=effective&limit=50')).json();
    expect(boms.items.map((b: { item: { code: string } }) => b.item.code).sort()).toEqual([
      'CP-MB-01',
      'FD-IP-300',
      'FD-IS-20',
      'FD-IS-21',
    ]);
    expect(routings.items.map((r: { item: { code: string } }) => r.item.code).sort()).toEqual([
      'CP-MB-01',
      'FD-IP-300',
      'FD-IS-20',
    ]);
    for (const v of [...boms.items, ...routings.items]) expect(v.versionNo).toBe(1);
    const isRouting = routings.items.find(
      (r: { item: { code: string } }) => r.item.code === 'FD-IS-20',
    );
    const routing = (await get(engineer, `/api/routings/${isRouting.id}`)).json();
    expect(routing.approval.covered.map((c: { role: string }) => c.role).sort()).toEqual([
      'engineer',
      'qa_manager',
    ]);
    expect(routing.operations.map((o: { opNo: number }) => o.opNo)).toEqual([
      10, 20, 30, 40, 50, 60,
    ]);
    const eo = routing.operations.find((o: { opNo: number }) => o.opNo === 40);
    expect(eo.parameters[0]).toEqual({
      name: 'EO concentration',
      target: '600',
      min: '450',
      max: '750',
      unit: 'mg/L',
    });
    expect(eo.documents[0]).toMatchObject({ number: 'WI-IS-040', label: 'A', status: 'effective' });
    const pump = boms.items.find((b: { item: { code: string } }) => b.item.code === 'FD-IP-300');
    const pumpBom = (await get(engineer, `/api/boms/${pump.id}`)).json();
    const board = pumpBom.lines.find(
      (l: { component: { code: string } }) => l.component.code === 'CP-MB-01',
    );
    expect(board).toMatchObject({ recordTracking: true, quantityPer: '1' });
    const box = pumpBom.lines.find(
      (l: { component: { code: string } }) => l.component.code === 'PK-PUMPBOX-01',
    );
    expect(box.recordTracking).toBe(false);
  });

  it('has FD-IS-20 BOM version 2 as a draft with CP-NEEDLE-02 instead of CP-NEEDLE-01', async () => {
    const drafts = (await get(engineer, '/api/boms?q=FD-IS-20&status=draft')).json();
    expect(drafts.total).toBe(1);
    const v2 = (await get(engineer, `/api/boms/${drafts.items[0].id}`)).json();
    expect(v2.versionNo).toBe(2);
    const codes = v2.lines.map((l: { component: { code: string } }) => l.component.code);
    expect(codes).toContain('CP-NEEDLE-02');
    expect(codes).not.toContain('CP-NEEDLE-01');
    expect(codes).toHaveLength(8);
  });

  it('has CR-0001 as a draft, whose impact lists one effective BOM using CP-NEEDLE-01', async () => {
    const change = await cr0001();
    expect(change).toMatchObject({ code: 'CR-0001', status: 'draft', riskClass: 'medium' });
    expect(change.targets).toHaveLength(1);
    expect(change.targets[0]).toMatchObject({
      targetType: 'bom_version',
      label: 'FD-IS-20 BOM v2',
    });

    const impact = (await get(engineer, `/api/changes/${change.id}/impact`)).json();
    expect(impact.affectedItems.map((i: { code: string }) => i.code)).toEqual([
      'CP-NEEDLE-01',
      'CP-NEEDLE-02',
      'FD-IS-20',
    ]);
    expect(impact.versionChanges[0]).toMatchObject({
      proposedLabel: 'FD-IS-20 BOM v2',
      supersedesLabel: 'FD-IS-20 BOM v1',
    });
    expect(
      impact.versionChanges[0].bomLineChanges.map(
        (c: { change: string; componentCode: string }) => [c.change, c.componentCode],
      ),
    ).toEqual([
      ['added', 'CP-NEEDLE-02'],
      ['removed', 'CP-NEEDLE-01'],
    ]);
    const whereUsed = impact.sections.find((s: { key: string }) => s.key === 'where_used');
    expect(whereUsed.status).toBe('available');
    expect(whereUsed.count).toBe(1);
    expect(whereUsed.entries[0]).toMatchObject({
      itemCode: 'CP-NEEDLE-01',
      parentItemCode: 'FD-IS-20',
      versionNo: 1,
      status: 'effective',
    });
    const workOrders = impact.sections.find((s: { key: string }) => s.key === 'open_work_orders');
    expect(workOrders.status).toBe('not_available');
    expect(workOrders).not.toHaveProperty('count');
    const stock = impact.sections.find((s: { key: string }) => s.key === 'stock');
    expect(stock.status).toBe('available');
    // Nothing is snapshotted before submission.
    const full = (await get(engineer, `/api/changes/${change.id}`)).json();
    expect(full.impactSnapshot).toBeNull();
  });

  it('goes all the way: v2 approved by both roles, CR-0001 approved and implemented, v1 superseded', async () => {
    const change = await cr0001();
    const v2 = change.targets[0].targetId;
    const v1 = change.targets[0].supersedesId;

    // Version 2 goes through review and approval by both required roles first.
    expect((await post(engineer, `/api/boms/${v2}/submit`)).statusCode).toBe(200);
    expect(
      (await post(engineer, `/api/boms/${v2}/approve`, { signature: sign('engineer') })).statusCode,
    ).toBe(200);
    expect(
      (await post(qa, `/api/boms/${v2}/approve`, { signature: sign('qa_manager') })).json().status,
    ).toBe('approved');
    // With version 2 frozen, CR-0001 goes to review with its impact snapshotted.
    const submitted = await post(engineer, `/api/changes/${change.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().impactSnapshot.sections[0]).toMatchObject({
      key: 'where_used',
      count: 1,
    });
    expect(
      (
        await post(engineer, `/api/changes/${change.id}/approve`, { signature: sign('engineer') })
      ).json().status,
    ).toBe('in_review');
    const approved = await post(qa, `/api/changes/${change.id}/approve`, {
      signature: sign('qa_manager'),
    });
    expect(approved.json().status).toBe('approved');

    const done = await post(qa, `/api/changes/${change.id}/implement`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('implemented');
    const newBom = (await get(engineer, `/api/boms/${v2}`)).json();
    expect(newBom).toMatchObject({ status: 'effective', changeRequestId: change.id });
    expect((await get(engineer, `/api/boms/${v1}`)).json()).toMatchObject({
      status: 'superseded',
      supersededById: v2,
    });
    const where = (
      await get(
        engineer,
        `/api/boms/where-used?itemId=${newBom.lines[4].componentItemId}&status=effective`,
      )
    ).json();
    expect(where.items.map((w: { parent: { code: string } }) => w.parent.code)).toEqual([
      'FD-IS-20',
    ]);
  });
});

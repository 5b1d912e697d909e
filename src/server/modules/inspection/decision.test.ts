// The signed decision: accept releases the lot, reject rejects it and opens an
// NCR, partial acceptance splits it; all in one transaction, and the switching
// rules follow the decisions.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { caller, signatureOf, type Person } from '../../../../test/support/engineering.ts';
import { makeSigner } from '../../../../test/support/lots.ts';
import { systemActor } from '../../platform/actor.ts';
import { getTraceUnit, releaseTraceUnit, traceUnitStock } from '../lots/index.ts';
import {
  fullResults,
  makePeople,
  planFixture,
  receiveAndOpen,
  type InspectionPeople,
} from './inspection.test-support.ts';

const ctx = useTestApp();
const api = () => caller(ctx().app);
const db = () => ctx().database.db;
let people: InspectionPeople;

beforeAll(async () => {
  people = await makePeople(ctx().app, ctx().database);
});

const get = async (id: string) => (await api().get(people.qa, `/api/inspections/${id}`)).json();
const record = async (id: string, bad = 0) => {
  const res = await api().post(people.inspector, `/api/inspections/${id}/results`, {
    results: fullResults(await get(id), bad),
  });
  expect(res.statusCode, res.body).toBe(200);
};
const decide = (
  id: string,
  body: Record<string, unknown>,
  meaning: string,
  person: Person = people.qa,
) =>
  api().post(person, `/api/inspections/${id}/decision`, {
    ...body,
    signature: signatureOf(person, meaning),
  });

describe('a lot under inspection', () => {
  it('is released, rejected or split only by the inspection’s decision', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId, lotId } = await receiveAndOpen(ctx().database, fixture);
    const release = await api().post(people.qa, `/api/lots/${lotId}/release`, {
      signature: signatureOf(people.qa, 'released'),
    });
    expect(release.statusCode).toBe(409);
    expect(release.json()).toMatchObject({
      code: 'LOT_UNDER_INSPECTION',
      params: { inspectionId, action: 'release' },
    });
    const reject = await api().post(people.qa, `/api/lots/${lotId}/reject`, {
      reason: 'Looks wrong',
      signature: signatureOf(people.qa, 'rejected'),
    });
    expect(reject.json().code).toBe('LOT_UNDER_INSPECTION');
    expect((await getTraceUnit(db(), lotId))?.qualityStatus).toBe('quarantined');
  });
});

describe('accepting a lot', () => {
  it('needs every result, then releases the lot under the QA signature', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId, lotId } = await receiveAndOpen(ctx().database, fixture);
    const early = await decide(inspectionId, { decision: 'accept' }, 'released');
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('INSPECTION_RESULTS_INCOMPLETE');

    await record(inspectionId);
    const byInspector = await decide(
      inspectionId,
      { decision: 'accept' },
      'released',
      people.inspector,
    );
    expect(byInspector.statusCode).toBe(403);

    const res = await decide(inspectionId, { decision: 'accept' }, 'released');
    expect(res.statusCode, res.body).toBe(200);
    const inspection = res.json();
    expect(inspection).toMatchObject({
      status: 'decided',
      decision: 'accept',
      lot: { qualityStatus: 'released' },
      decisionRecord: { acceptedQuantity: '1200', rejectedQuantity: '0', nonconformance: null },
    });
    expect(inspection.decisionRecord.releasedLots).toEqual([
      { id: lotId, code: expect.any(String) },
    ]);
    expect(inspection.signatures).toMatchObject([
      { meaning: 'released', recordType: 'inspection' },
    ]);
    expect((await getTraceUnit(db(), lotId))?.qualityStatus).toBe('released');

    const verified = await api().get(
      people.qa,
      `/api/signatures/${inspection.signatures[0].id}/verify`,
    );
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ valid: true });

    const again = await decide(inspectionId, { decision: 'reject', reason: 'x' }, 'rejected');
    expect(again.json().code).toBe('INSPECTION_ALREADY_DECIDED');
  });

  it('refuses a signature with the wrong meaning and changes nothing', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId, lotId } = await receiveAndOpen(ctx().database, fixture);
    await record(inspectionId);
    const res = await decide(inspectionId, { decision: 'accept' }, 'approved');
    expect(res.json().code).toBe('SIGNATURE_MEANING_NOT_ALLOWED');
    expect(await get(inspectionId)).toMatchObject({ status: 'open', signatures: [] });
    expect((await getTraceUnit(db(), lotId))?.qualityStatus).toBe('quarantined');
  });
});

describe('rejecting a lot', () => {
  it('cannot accept what the results reject; rejection needs a reason and opens an NCR', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId, lotId, code } = await receiveAndOpen(ctx().database, fixture);
    await record(inspectionId, 3);
    const accept = await decide(inspectionId, { decision: 'accept' }, 'released');
    expect(accept.json().code).toBe('INSPECTION_DECISION_CONTRADICTS_RESULTS');
    const noReason = await decide(inspectionId, { decision: 'reject' }, 'rejected');
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().code).toBe('INSPECTION_DECISION_INVALID');

    const res = await decide(
      inspectionId,
      { decision: 'reject', reason: 'Diameter out of tolerance' },
      'rejected',
    );
    expect(res.statusCode, res.body).toBe(200);
    const ncr = res.json().decisionRecord.nonconformance;
    expect(ncr.code).toMatch(/^NCR-\d{4,}$/);
    expect((await getTraceUnit(db(), lotId))?.qualityStatus).toBe('rejected');

    const list = await api().get(people.inspector, `/api/nonconformances?lotId=${lotId}`);
    expect(list.json().items).toMatchObject([
      {
        id: ncr.id,
        status: 'open',
        source: { type: 'inspection', id: inspectionId, code },
        lots: [{ id: lotId, qualityStatus: 'rejected' }],
        supplier: { id: fixture.supplierId },
        description: 'Diameter out of tolerance',
      },
    ]);
    const one = await api().get(people.inspector, `/api/nonconformances/${ncr.id}`);
    expect(one.statusCode).toBe(200);
    const history = await api().get(people.qa, `/api/audit/records/nonconformance/${ncr.id}`);
    expect(history.json().items.map((e: { action: string }) => e.action)).toContain(
      'nonconformance.opened',
    );
  });
});

describe('partial acceptance', () => {
  it('splits off the accepted quantity and releases it; the rest is rejected with an NCR', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId, lotId } = await receiveAndOpen(ctx().database, fixture);
    await record(inspectionId, 3);
    const tooMuch = await decide(
      inspectionId,
      { decision: 'partial', acceptedQuantity: '1200', reason: 'Sorted' },
      'approved',
    );
    expect(tooMuch.json().code).toBe('INSPECTION_DECISION_INVALID');

    const res = await decide(
      inspectionId,
      { decision: 'partial', acceptedQuantity: '700', reason: '100% sorted: 500 out of tolerance' },
      'approved',
    );
    expect(res.statusCode, res.body).toBe(200);
    const { decisionRecord } = res.json();
    expect(decisionRecord).toMatchObject({ acceptedQuantity: '700', rejectedQuantity: '500' });
    const accepted = decisionRecord.releasedLots[0].id;
    expect(await getTraceUnit(db(), accepted)).toMatchObject({ qualityStatus: 'released' });
    expect((await traceUnitStock(db(), accepted)).total).toBe('700');
    expect(await getTraceUnit(db(), lotId)).toMatchObject({ qualityStatus: 'rejected' });
    expect((await traceUnitStock(db(), lotId)).total).toBe('500');
    expect(decisionRecord.rejectedLots).toEqual([{ id: lotId, code: expect.any(String) }]);
    expect(decisionRecord.nonconformance.code).toMatch(/^NCR-/);
    // One signing act: the inspection says 'approved', each lot what it means for that lot.
    const meaningsOf = async (recordType: string, recordId: string) =>
      (
        await db()
          .selectFrom('signatures')
          .select('meaning')
          .where('record_type', '=', recordType)
          .where('record_id', '=', recordId)
          .execute()
      ).map((r) => r.meaning);
    expect(await meaningsOf('inspection', inspectionId)).toEqual(['approved']);
    expect(await meaningsOf('trace_unit', accepted)).toEqual(['released']);
    expect(await meaningsOf('trace_unit', lotId)).toEqual(['rejected']);
  });

  it('rolls the whole decision back when a step fails', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId, lotId } = await receiveAndOpen(ctx().database, fixture);
    await record(inspectionId, 3);
    // Someone released the lot directly: the split part is born released and cannot be released again.
    const signer = await makeSigner(ctx().database);
    await db()
      .transaction()
      .execute((trx) =>
        // Named as the inspection's own action, or the open inspection would refuse it.
        releaseTraceUnit(trx, systemActor('test'), {
          traceUnitId: lotId,
          signer,
          source: { type: 'inspection', id: inspectionId },
        }),
      );
    const res = await decide(
      inspectionId,
      { decision: 'partial', acceptedQuantity: '700', reason: 'Sorted' },
      'approved',
    );
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(await get(inspectionId)).toMatchObject({
      status: 'open',
      signatures: [],
      decisionRecord: null,
    });
    expect((await traceUnitStock(db(), lotId)).total).toBe('1200');
    const children = await db()
      .selectFrom('genealogy_edges')
      .select('child_id')
      .where('parent_id', '=', lotId)
      .execute();
    expect(children).toEqual([]);
    const ncrs = await api().get(people.qa, `/api/nonconformances?lotId=${lotId}`);
    expect(ncrs.json().total).toBe(0);
  });
});

describe('switching', () => {
  it('tightens inspection of a supplier + item after 2 of 5 lots not accepted', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    for (let i = 0; i < 2; i++) {
      const { inspectionId } = await receiveAndOpen(ctx().database, fixture);
      const res = await decide(inspectionId, { decision: 'reject', reason: 'Damaged' }, 'rejected');
      expect(res.statusCode, res.body).toBe(200);
    }
    const state = await api().get(
      people.qa,
      `/api/sampling/state?supplierId=${fixture.supplierId}&itemId=${fixture.itemId}`,
    );
    expect(state.json()).toMatchObject({
      severity: 'tightened',
      discontinued: false,
      lotsConsidered: 2,
    });
    const { inspectionId } = await receiveAndOpen(ctx().database, fixture);
    const tightened = await get(inspectionId);
    expect(tightened.severity).toBe('tightened');
    expect(tightened.characteristics[0]).toMatchObject({
      sampleSize: 80,
      acceptanceNumber: 1,
      rejectionNumber: 2,
    });
  });

  it('discontinues acceptance after 5 lots not accepted on tightened, until QA resumes', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    for (let i = 0; i < 7; i++) {
      const { inspectionId } = await receiveAndOpen(ctx().database, fixture, '20');
      const res = await decide(inspectionId, { decision: 'reject', reason: 'Damaged' }, 'rejected');
      expect(res.statusCode, res.body).toBe(200);
    }
    const { inspectionId } = await receiveAndOpen(ctx().database, fixture, '20');
    expect(await get(inspectionId)).toMatchObject({
      severity: 'tightened',
      samplingDiscontinued: true,
    });
    await record(inspectionId);
    const refused = await decide(inspectionId, { decision: 'accept' }, 'released');
    expect(refused.json().code).toBe('INSPECTION_SAMPLING_DISCONTINUED');

    const scope = { supplierId: fixture.supplierId, itemId: fixture.itemId };
    const byInspector = await api().post(people.inspector, '/api/sampling/resume', {
      ...scope,
      reason: 'x',
    });
    expect(byInspector.statusCode).toBe(403);
    const resumed = await api().post(people.qa, '/api/sampling/resume', {
      ...scope,
      reason: 'Supplier CAPA-118 verified',
    });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toMatchObject({ severity: 'tightened', discontinued: false });
    const accepted = await decide(inspectionId, { decision: 'accept' }, 'released');
    expect(accepted.statusCode, accepted.body).toBe(200);
  });
});

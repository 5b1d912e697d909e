// Incoming inspections: opened with the sampling for the lot, results per
// characteristic and unit (limits, pass/fail, Ac/Re), and the CSV import.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import { caller } from '../../../../test/support/engineering.ts';
import { makeLotsFixture, makeQuarantinedLot } from '../../../../test/support/lots.ts';
import { systemActor } from '../../platform/actor.ts';
import { openIncomingInspection } from './index.ts';
import {
  fullResults,
  makePeople,
  planFixture,
  receiveAndOpen,
  type InspectionPeople,
} from './inspection.test-support.ts';

const ctx = useTestApp();
const api = () => caller(ctx().app);
let people: InspectionPeople;

beforeAll(async () => {
  people = await makePeople(ctx().app, ctx().database);
});

const get = async (id: string) =>
  (await api().get(people.inspector, `/api/inspections/${id}`)).json();
const csvImport = (id: string, text: string, dryRun: boolean) =>
  ctx().app.inject({
    method: 'POST',
    url: `/api/inspections/${id}/results/import?dryRun=${dryRun}`,
    headers: { ...people.inspector.session.headers, 'content-type': 'text/csv' },
    payload: text,
  });

describe('opening an incoming inspection', () => {
  it('takes the sample size and Ac/Re for the lot from the item’s default plan', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const opened = await receiveAndOpen(ctx().database, fixture, '1200');
    expect(opened.code).toMatch(/^INS-\d{4,}$/);
    expect(opened.sampleSize).toBe(80);
    const inspection = await get(opened.inspectionId);
    expect(inspection).toMatchObject({
      status: 'open',
      severity: 'normal',
      codeLetter: 'J',
      sampleSize: 80,
      lotSize: '1200',
      verdict: 'pending',
      lot: { id: opened.lotId, qualityStatus: 'quarantined' },
      supplier: { id: fixture.supplierId },
    });
    // Diameter: level II, AQL 1.0 → J, 80, 2/3. Burrs: level S-4 → F, AQL 0.65 → 20, 0/1.
    expect(inspection.characteristics).toMatchObject([
      {
        seq: 1,
        codeLetter: 'J',
        planLetter: 'J',
        sampleSize: 80,
        acceptanceNumber: 2,
        rejectionNumber: 3,
      },
      {
        seq: 2,
        codeLetter: 'F',
        planLetter: 'F',
        sampleSize: 20,
        acceptanceNumber: 0,
        rejectionNumber: 1,
      },
    ]);
    const list = await api().get(people.inspector, `/api/inspections?lotId=${opened.lotId}`);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([opened.inspectionId]);
  });

  it('inspects 100% of a lot smaller than the sample (burrs: S-4 → A, AQL 0.65 ↓ F, n = 20)', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const opened = await receiveAndOpen(ctx().database, fixture, '10');
    const inspection = await get(opened.inspectionId);
    expect(inspection.characteristics.map((c: { sampleSize: number }) => c.sampleSize)).toEqual([
      10, 10,
    ]);
  });

  it('opens nothing for an item without an active default plan', async () => {
    const fixture = await makeLotsFixture(ctx().database);
    const lot = await makeQuarantinedLot(ctx().database, fixture);
    const opened = await ctx()
      .database.db.transaction()
      .execute((trx) =>
        openIncomingInspection(trx, systemActor('test'), {
          traceUnitId: lot.id,
          itemId: fixture.itemId,
          supplierId: fixture.supplierId,
          lotSize: '100',
          receiptId: lot.id,
        }),
      );
    expect(opened).toBeNull();
  });
});

describe('results', () => {
  it('checks measured values against the limits and counts nonconforming units against Ac/Re', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId } = await receiveAndOpen(ctx().database, fixture);
    const res = await api().post(people.inspector, `/api/inspections/${inspectionId}/results`, {
      results: [
        { characteristicSeq: 1, unitNo: 1, value: '0.78' },
        { characteristicSeq: 1, unitNo: 2, value: '0.825' },
        { characteristicSeq: 1, unitNo: 3, value: '0.77' },
        { characteristicSeq: 2, unitNo: 1, passed: true },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const inspection = res.json();
    expect(inspection.results.map((r: { conforming: boolean }) => r.conforming)).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(inspection.characteristics[0]).toMatchObject({
      inspectedCount: 3,
      nonconformingCount: 2,
      verdict: 'pending',
    });

    // A third nonconforming unit reaches Re = 3: the lot is rejected by the results.
    const third = await api().post(people.inspector, `/api/inspections/${inspectionId}/results`, {
      results: [{ characteristicSeq: 1, unitNo: 4, value: '0.9' }],
    });
    expect(third.json()).toMatchObject({
      verdict: 'reject',
      characteristics: [{ verdict: 'reject' }, {}],
    });

    // Correcting a unit needs a reason; the current result changes, the earlier entry stays.
    const correction = {
      results: [{ characteristicSeq: 1, unitNo: 4, value: '0.8', note: 'Re-measured' }],
    };
    const url = `/api/inspections/${inspectionId}/results`;
    const withoutReason = await api().post(people.inspector, url, correction);
    expect(withoutReason.statusCode).toBe(422);
    expect(withoutReason.json()).toMatchObject({
      code: 'INSPECTION_RESULT_CORRECTION_REASON',
      params: { characteristicSeq: 1, unitNo: 4 },
    });
    const corrected = await api().post(people.inspector, url, {
      ...correction,
      reason: 'Gauge not zeroed on the first reading',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json().characteristics[0]).toMatchObject({
      inspectedCount: 4,
      nonconformingCount: 2,
    });
    // Sending it again unchanged writes nothing and needs no reason.
    expect((await api().post(people.inspector, url, correction)).statusCode).toBe(200);
    const entries = await ctx()
      .database.db.selectFrom('inspection_result_entries')
      .select(['id', 'value', 'replaces_entry_id', 'correction_reason'])
      .where('inspection_id', '=', inspectionId)
      .where('characteristic_seq', '=', 1)
      .where('unit_no', '=', 4)
      .orderBy('recorded_at')
      .execute();
    expect(entries.map((e) => [e.value, e.correction_reason])).toEqual([
      [expect.stringMatching(/^0\.90*$/), null],
      [expect.stringMatching(/^0\.80*$/), 'Gauge not zeroed on the first reading'],
    ]);
    expect(entries[1]?.replaces_entry_id).toBe(entries[0]?.id);
  });

  it('accepts by the results once every unit is in with at most Ac nonconforming', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId } = await receiveAndOpen(ctx().database, fixture);
    const res = await api().post(people.inspector, `/api/inspections/${inspectionId}/results`, {
      results: fullResults(await get(inspectionId), 2),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ verdict: 'accept' });
  });

  it('keeps every entry: the database refuses to change or remove one', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId } = await receiveAndOpen(ctx().database, fixture);
    await api().post(people.inspector, `/api/inspections/${inspectionId}/results`, {
      results: [{ characteristicSeq: 1, unitNo: 1, value: '0.8' }],
    });
    const entries = () =>
      ctx()
        .database.db.selectFrom('inspection_result_entries')
        .where('inspection_id', '=', inspectionId);
    await expect(
      ctx()
        .database.db.updateTable('inspection_result_entries')
        .set({ value: '0.7' })
        .where('inspection_id', '=', inspectionId)
        .execute(),
    ).rejects.toThrow();
    await expect(
      ctx()
        .database.db.deleteFrom('inspection_result_entries')
        .where('inspection_id', '=', inspectionId)
        .execute(),
    ).rejects.toThrow();
    expect(await entries().select('value').execute()).toHaveLength(1);
  });

  it('refuses the same unit twice in one request', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId } = await receiveAndOpen(ctx().database, fixture);
    const res = await api().post(people.inspector, `/api/inspections/${inspectionId}/results`, {
      results: [
        { characteristicSeq: 1, unitNo: 1, value: '0.8' },
        { characteristicSeq: 1, unitNo: 1, value: '0.81' },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('INSPECTION_RESULT_INVALID');
  });

  it('refuses results that do not fit the characteristic or the sample', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId } = await receiveAndOpen(ctx().database, fixture);
    for (const result of [
      { characteristicSeq: 3, unitNo: 1, passed: true },
      { characteristicSeq: 1, unitNo: 81, value: '0.8' },
      { characteristicSeq: 2, unitNo: 21, passed: true },
      { characteristicSeq: 1, unitNo: 1, passed: true },
      { characteristicSeq: 2, unitNo: 1, value: '1' },
    ]) {
      const res = await api().post(people.inspector, `/api/inspections/${inspectionId}/results`, {
        results: [{ characteristicSeq: 1, unitNo: 1, value: '0.8' }, result],
      });
      expect(res.statusCode, JSON.stringify(result)).toBe(422);
      expect(res.json().code).toBe('INSPECTION_RESULT_INVALID');
    }
    expect((await get(inspectionId)).results).toEqual([]);
  });
});

describe('results imported as CSV', () => {
  it('reports every bad row in a dry run and writes nothing', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId } = await receiveAndOpen(ctx().database, fixture);
    const text = [
      'characteristic,unit,value,passed,note',
      'Outer diameter,1,0.80,,',
      '1,2,0.81,,',
      'Colour,1,,pass,',
      '1,99,0.8,,',
      'Visual: burrs,1,,maybe,',
      'visual: burrs,2,,OK,',
    ].join('\n');
    const res = await csvImport(inspectionId, text, true);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ dryRun: true, rowCount: 6, valid: 3, imported: 0 });
    expect(report.errors.map((e: { row: number; column?: string }) => [e.row, e.column])).toEqual([
      [4, 'characteristic'],
      [5, 'unit'],
      [6, 'passed'],
    ]);
    expect((await get(inspectionId)).results).toEqual([]);

    const real = await csvImport(inspectionId, text, false);
    expect(real.statusCode).toBe(422);
    expect(real.json().code).toBe('CSV_IMPORT_REJECTED');
    expect((await get(inspectionId)).results).toEqual([]);
  });

  it('imports a good file completely', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId } = await receiveAndOpen(ctx().database, fixture, '40');
    // Lot 40: diameter D, 8 units; burrs (S-4) C, AQL 0.65 ↓ F: 20 units.
    const inspection = await get(inspectionId);
    const lines = fullResults(inspection).map((r) =>
      'value' in r
        ? `${r.characteristicSeq},${r.unitNo},${r.value},,`
        : `${r.characteristicSeq},${r.unitNo},,pass,`,
    );
    const res = await csvImport(
      inspectionId,
      ['characteristic,unit,value,passed,note', ...lines].join('\n'),
      false,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, imported: lines.length, errors: [] });
    expect((await get(inspectionId)).verdict).toBe('accept');
  });

  it('offers a template with a row per characteristic and sample unit', async () => {
    const fixture = await planFixture(ctx().app, ctx().database, people.engineer);
    const { inspectionId } = await receiveAndOpen(ctx().database, fixture, '40');
    const res = await api().get(
      people.inspector,
      `/api/inspections/${inspectionId}/results/import/template.csv`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('characteristic,unit,value,passed,note,reason');
    const { characteristics } = await get(inspectionId);
    const expected = characteristics.flatMap((c: { seq: number; sampleSize: number }) =>
      Array.from({ length: c.sampleSize }, (_, i) => `${c.seq},${i + 1},,,,`),
    );
    expect(expected.length).toBeGreaterThan(characteristics.length);
    expect(lines.slice(1)).toEqual(expected);
  });
});

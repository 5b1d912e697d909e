// Routing content: operations, process parameters with limits, inspection
// points, and links to controlled documents.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import {
  approveVersion,
  caller,
  makeDocument,
  makeItem,
  makePerson,
  type Person,
} from '../../../../test/support/engineering.ts';

const ctx = useTestApp();
const api = () => caller(ctx().app);

let engineer: Person;
let qa: Person;

beforeAll(async () => {
  engineer = await makePerson(ctx().app, ctx().database, ['engineer']);
  qa = await makePerson(ctx().app, ctx().database, ['qa_manager']);
});

const sealing = {
  opNo: 30,
  nameZh: '包装封口',
  nameEn: 'Pouch sealing',
  workCentre: 'LINE-IS',
  equipmentClass: 'pouch_sealer',
  skillCode: 'IS-ASSEMBLY',
  parameters: [{ name: 'Sealing temperature', target: '180', min: '170', max: '190', unit: '°C' }],
  inspections: [
    {
      characteristic: 'Seal strength',
      kind: 'in_process',
      method: 'Peel test',
      resultType: 'measured',
      min: '1.5',
      unit: 'N/15 mm',
    },
    { characteristic: 'Seal integrity', kind: 'final', method: 'Visual', resultType: 'pass_fail' },
  ],
};
const assembly = { opNo: 10, nameZh: '组装', nameEn: 'Assembly', workCentre: 'LINE-IS' };

async function createRouting(operations: Record<string, unknown>[]) {
  const parent = await makeItem(ctx().app, engineer, { type: 'finished_device' });
  return api().post(engineer, '/api/routings', { itemId: parent.id, operations });
}

describe('routing versions', () => {
  it('keeps operations in sequence with parameters and inspection points as exact decimals', async () => {
    const res = await createRouting([sealing, assembly]);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().operations.map((o: { opNo: number }) => o.opNo)).toEqual([10, 30]);
    expect(res.json().operations[1]).toMatchObject({
      workCentre: 'LINE-IS',
      equipmentClass: 'pouch_sealer',
      skillCode: 'IS-ASSEMBLY',
      parameters: [
        { name: 'Sealing temperature', target: '180', min: '170', max: '190', unit: '°C' },
      ],
      inspections: [
        { characteristic: 'Seal strength', resultType: 'measured', min: '1.5', max: null },
        { characteristic: 'Seal integrity', resultType: 'pass_fail', min: null, max: null },
      ],
    });
  });

  it('refuses parameter limits out of order', async () => {
    for (const p of [
      { target: '195', min: '170', max: '190' },
      { target: '160', min: '170', max: '190' },
      { min: '190', max: '170' },
    ]) {
      const res = await createRouting([
        { ...assembly, parameters: [{ name: 'Temperature', ...p }] },
      ]);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'PARAMETER_LIMITS_INVALID',
        params: { field: 'operations.0.parameters.0' },
      });
    }
    const negative = await createRouting([
      { ...assembly, parameters: [{ name: 'Freezer', target: '-20', min: '-25', max: '-15' }] },
    ]);
    expect(negative.statusCode).toBe(201);
  });

  it('refuses a measured inspection without limits and a pass/fail one with limits', async () => {
    const base = { characteristic: 'Length', kind: 'final', method: 'Ruler' };
    const noLimits = await createRouting([
      { ...assembly, inspections: [{ ...base, resultType: 'measured' }] },
    ]);
    expect(noLimits.json().code).toBe('INSPECTION_LIMITS_INVALID');
    const limits = await createRouting([
      { ...assembly, inspections: [{ ...base, resultType: 'pass_fail', max: '3' }] },
    ]);
    expect(limits.json().code).toBe('INSPECTION_LIMITS_INVALID');
  });

  it('refuses two operations with one number', async () => {
    const res = await createRouting([assembly, { ...sealing, opNo: 10 }]);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('ROUTING_DUPLICATE_OPERATION');
  });

  it('links approved or effective document versions only, and becomes effective only with effective ones', async () => {
    const effective = await makeDocument(ctx().app, engineer, qa);
    const approvedOnly = await makeDocument(ctx().app, engineer, qa, { effective: false });
    const draft = (
      await api().post(engineer, `/api/documents/${effective.documentId}/versions`, {
        changeSummary: 'Rev B',
      })
    ).json();
    const refused = await createRouting([{ ...assembly, documentVersionIds: [draft.id] }]);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('DOCUMENT_VERSION_NOT_USABLE');

    const res = await createRouting([
      { ...assembly, documentVersionIds: [effective.versionId, approvedOnly.versionId] },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    expect(
      res
        .json()
        .operations[0].documents.map((d: { status: string }) => d.status)
        .sort(),
    ).toEqual(['approved', 'effective']);
    const id = res.json().id;
    await approveVersion(ctx().app, 'routings', id, engineer, qa);
    const eff = await api().post(engineer, `/api/routings/${id}/make-effective`, {});
    expect(eff.statusCode).toBe(409);
    expect(eff.json().code).toBe('DOCUMENT_VERSION_NOT_EFFECTIVE');
    await api().post(qa, `/api/document-versions/${approvedOnly.versionId}/make-effective`, {});
    expect(
      (await api().post(engineer, `/api/routings/${id}/make-effective`, {})).json().status,
    ).toBe('effective');
  });

  it('copies a routing with every operation, parameter, inspection and link, and locks the approved one', async () => {
    const doc = await makeDocument(ctx().app, engineer, qa);
    const res = await createRouting([
      { ...sealing, documentVersionIds: [doc.versionId] },
      assembly,
    ]);
    const id = res.json().id;
    await approveVersion(ctx().app, 'routings', id, engineer, qa);
    const locked = await api().put(engineer, `/api/routings/${id}`, { operations: [assembly] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('VERSION_LOCKED');
    const copy = await api().post(engineer, `/api/routings/${id}/copy`);
    expect(copy.json()).toMatchObject({ versionNo: 2, status: 'draft' });
    expect(copy.json().operations).toEqual(res.json().operations);
    const edited = await api().put(engineer, `/api/routings/${copy.json().id}`, {
      operations: [assembly],
    });
    expect(edited.json().operations).toHaveLength(1);
  });
});

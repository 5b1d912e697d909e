// The lifecycle of BOM and routing versions: drafts only change, approval by
// the required roles' signatures, one effective version per item and kind.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import {
  approveVersion,
  caller,
  makeBom,
  makeItem,
  makePerson,
  releaseVersion,
  signatureOf,
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

async function bomWithTwoLines() {
  const parent = await makeItem(ctx().app, engineer, { type: 'finished_device' });
  const a = await makeItem(ctx().app, engineer);
  const b = await makeItem(ctx().app, engineer, { uom: 'm' });
  const bom = await makeBom(ctx().app, engineer, parent.id, [
    { componentItemId: a.id, quantityPer: '2', referenceDesignator: 'R1, R2' },
    { componentItemId: b.id, quantityPer: '1.8', scrapPct: '2' },
  ]);
  return { parent, a, b, bom };
}

const sign = (person: Person) => ({ signature: signatureOf(person) });

describe('BOM and routing versions: lifecycle', () => {
  it('copies any version into a new draft with the next number and identical lines', async () => {
    const { parent, bom } = await bomWithTwoLines();
    await releaseVersion(ctx().app, 'boms', bom.id, engineer, qa);
    const copy = await api().post(engineer, `/api/boms/${bom.id}/copy`);
    expect(copy.statusCode, copy.body).toBe(201);
    const original = (await api().get(engineer, `/api/boms/${bom.id}`)).json();
    expect(copy.json()).toMatchObject({
      itemId: parent.id,
      versionNo: 2,
      status: 'draft',
      copiedFromId: bom.id,
      approval: { covered: [], complete: false },
    });
    expect(copy.json().lines).toEqual(original.lines);
    expect(copy.json().lines[1]).toMatchObject({ quantityPer: '1.8', scrapPct: '2', uom: 'm' });
  });

  it('needs a signature by each required role; one person signs a round once', async () => {
    const { bom } = await bomWithTwoLines();
    const both = await makePerson(ctx().app, ctx().database, ['engineer', 'qa_manager']);
    const admin = await makePerson(ctx().app, ctx().database, ['admin']);
    await api().post(engineer, `/api/boms/${bom.id}/submit`);

    const notRequired = await api().post(admin, `/api/boms/${bom.id}/approve`, sign(admin));
    expect(notRequired.statusCode).toBe(403);
    expect(notRequired.json().code).toBe('APPROVAL_ROLE_NOT_HELD');

    const first = await api().post(both, `/api/boms/${bom.id}/approve`, sign(both));
    expect(first.json()).toMatchObject({
      status: 'in_review',
      approval: {
        missing: ['qa_manager'],
        complete: false,
        covered: [{ role: 'engineer', signerId: both.id }],
      },
    });
    const twice = await api().post(both, `/api/boms/${bom.id}/approve`, sign(both));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('APPROVAL_ALREADY_SIGNED');
    const covered = await api().post(engineer, `/api/boms/${bom.id}/approve`, sign(engineer));
    expect(covered.statusCode).toBe(409);
    expect(covered.json().code).toBe('APPROVAL_ROLE_ALREADY_COVERED');

    const last = await api().post(qa, `/api/boms/${bom.id}/approve`, sign(qa));
    expect(last.json()).toMatchObject({
      status: 'approved',
      approval: { missing: [], complete: true },
    });
    expect(last.json().signatures.map((s: { signerId: string }) => s.signerId)).toEqual([
      both.id,
      qa.id,
    ]);
  });

  it('refuses a wrong password and records nothing', async () => {
    const { bom } = await bomWithTwoLines();
    await api().post(engineer, `/api/boms/${bom.id}/submit`);
    const wrong = await api().post(engineer, `/api/boms/${bom.id}/approve`, {
      signature: { ...signatureOf(engineer), password: 'wrong-password' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('SIGNATURE_PASSWORD_INVALID');
    const now = (await api().get(engineer, `/api/boms/${bom.id}`)).json();
    expect(now.signatures).toEqual([]);
    expect(now.approval.covered).toEqual([]);
  });

  it('sends a version in review back to draft, and the approvals collected no longer count', async () => {
    const { bom } = await bomWithTwoLines();
    await api().post(engineer, `/api/boms/${bom.id}/submit`);
    await api().post(engineer, `/api/boms/${bom.id}/approve`, sign(engineer));
    const back = await api().post(qa, `/api/boms/${bom.id}/return`, {
      reason: 'Scrap factor too low',
    });
    expect(back.json()).toMatchObject({
      status: 'draft',
      reviewRound: 2,
      approval: { covered: [], round: 2 },
    });
    await api().post(engineer, `/api/boms/${bom.id}/submit`);
    const again = await api().post(qa, `/api/boms/${bom.id}/approve`, sign(qa));
    expect(again.json()).toMatchObject({
      status: 'in_review',
      approval: { missing: ['engineer'] },
    });
  });

  it('answers VERSION_LOCKED to every edit of a version in review, approved or effective', async () => {
    const { bom, a } = await bomWithTwoLines();
    const edit = () =>
      api().put(engineer, `/api/boms/${bom.id}`, {
        lines: [{ componentItemId: a.id, quantityPer: '3' }],
      });
    await api().post(engineer, `/api/boms/${bom.id}/submit`);
    expect((await edit()).json().code).toBe('VERSION_LOCKED');
    for (const person of [engineer, qa])
      await api().post(person, `/api/boms/${bom.id}/approve`, sign(person));
    for (const stage of ['approved', 'effective']) {
      if (stage === 'effective')
        await api().post(engineer, `/api/boms/${bom.id}/make-effective`, {});
      const res = await edit();
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('VERSION_LOCKED');
      const submit = await api().post(engineer, `/api/boms/${bom.id}/submit`);
      expect(submit.json().code).toBe('VERSION_LOCKED');
      const back = await api().post(qa, `/api/boms/${bom.id}/return`, { reason: 'Reopen' });
      expect(back.json().code).toBe('VERSION_LOCKED');
    }
    const now = (await api().get(engineer, `/api/boms/${bom.id}`)).json();
    expect(now.lines.map((l: { quantityPer: string }) => l.quantityPer)).toEqual(['2', '1.8']);
  });

  it('makes the first version effective directly; replacing it needs a change request', async () => {
    const { bom } = await bomWithTwoLines();
    const future = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await approveVersion(ctx().app, 'boms', bom.id, engineer, qa);
    const eff = await api().post(engineer, `/api/boms/${bom.id}/make-effective`, {
      effectiveFrom: future,
    });
    expect(eff.json()).toMatchObject({
      status: 'effective',
      effectiveFrom: future,
      changeRequestId: null,
    });
    const v2 = (await api().post(engineer, `/api/boms/${bom.id}/copy`)).json();
    await approveVersion(ctx().app, 'boms', v2.id, engineer, qa);
    const direct = await api().post(engineer, `/api/boms/${v2.id}/make-effective`, {});
    expect(direct.statusCode).toBe(409);
    expect(direct.json().code).toBe('CHANGE_REQUEST_REQUIRED');
    const obsolete = await api().post(engineer, `/api/boms/${bom.id}/obsolete`, {
      reason: 'Withdraw',
    });
    expect(obsolete.json().code).toBe('CHANGE_REQUEST_REQUIRED');
    expect((await api().get(engineer, `/api/boms/${v2.id}`)).json().status).toBe('approved');
  });

  it('refuses an effectivity date in the past', async () => {
    const { bom } = await bomWithTwoLines();
    await approveVersion(ctx().app, 'boms', bom.id, engineer, qa);
    const res = await api().post(engineer, `/api/boms/${bom.id}/make-effective`, {
      effectiveFrom: '2024-01-31',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('EFFECTIVE_DATE_IN_PAST');
  });

  it('lets only one of two concurrent attempts make a version effective', async () => {
    const { bom } = await bomWithTwoLines();
    const v2 = (await api().post(engineer, `/api/boms/${bom.id}/copy`)).json();
    await approveVersion(ctx().app, 'boms', bom.id, engineer, qa);
    await approveVersion(ctx().app, 'boms', v2.id, engineer, qa);
    const results = await Promise.all(
      [bom.id, v2.id].map((id) => api().post(engineer, `/api/boms/${id}/make-effective`, {})),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const list = (
      await api().get(
        engineer,
        `/api/boms?itemId=${(await api().get(engineer, `/api/boms/${bom.id}`)).json().itemId}&status=effective`,
      )
    ).json();
    expect(list.total).toBe(1);
  });

  it('has a partial unique index behind the rule: the database refuses a second effective version', async () => {
    const { bom } = await bomWithTwoLines();
    await releaseVersion(ctx().app, 'boms', bom.id, engineer, qa);
    const v2 = (await api().post(engineer, `/api/boms/${bom.id}/copy`)).json();
    await approveVersion(ctx().app, 'boms', v2.id, engineer, qa);
    await expect(
      sql`update engineering_versions set status = 'effective', effective_at = now(), effective_from = current_date where id = ${v2.id}`.execute(
        ctx().database.db,
      ),
    ).rejects.toThrow(/engineering_versions_one_effective/);
  });

  it('shows the approval signatures as broken once the stored lines change', async () => {
    const { bom } = await bomWithTwoLines();
    await approveVersion(ctx().app, 'boms', bom.id, engineer, qa);
    const signed = (await api().get(engineer, `/api/boms/${bom.id}`)).json();
    const verify = (id: string) => api().get(qa, `/api/signatures/${id}/verify`);
    for (const s of signed.signatures) expect((await verify(s.id)).json().status).toBe('valid');
    await sql`update bom_lines set quantity_per = 3 where version_id = ${bom.id} and line_no = 1`.execute(
      ctx().database.db,
    );
    for (const s of signed.signatures) expect((await verify(s.id)).json().status).toBe('broken');
  });

  it('withdraws a version that never became effective', async () => {
    const { bom } = await bomWithTwoLines();
    const res = await api().post(engineer, `/api/boms/${bom.id}/obsolete`, {
      reason: 'Superseded by design',
    });
    expect(res.json()).toMatchObject({ status: 'obsolete' });
    expect((await api().post(engineer, `/api/boms/${bom.id}/submit`)).json().code).toBe(
      'VERSION_LOCKED',
    );
  });

  it('keeps the required roles as a setting that only a role administrator changes', async () => {
    const admin = await makePerson(ctx().app, ctx().database, ['admin']);
    expect((await api().get(engineer, '/api/engineering/approval-roles')).json()).toEqual({
      roles: ['engineer', 'qa_manager'],
    });
    const denied = await api().put(engineer, '/api/engineering/approval-roles', {
      roles: ['engineer'],
      reason: 'x',
    });
    expect(denied.statusCode).toBe(403);
    const unknown = await api().put(admin, '/api/engineering/approval-roles', {
      roles: ['nobody'],
      reason: 'x',
    });
    expect(unknown.json().code).toBe('UNKNOWN_ROLE');
    const set = await api().put(admin, '/api/engineering/approval-roles', {
      roles: ['qa_manager', 'engineer', 'production_supervisor'],
      reason: 'Production signs BOMs too',
    });
    expect(set.json().roles).toEqual(['qa_manager', 'engineer', 'production_supervisor']);
    const { bom } = await bomWithTwoLines();
    await approveVersion(ctx().app, 'boms', bom.id, engineer, qa);
    const now = (await api().get(engineer, `/api/boms/${bom.id}`)).json();
    expect(now).toMatchObject({
      status: 'in_review',
      approval: { missing: ['production_supervisor'] },
    });
    await api().put(admin, '/api/engineering/approval-roles', {
      roles: ['engineer', 'qa_manager'],
      reason: 'Back',
    });
  });

  it('needs engineering.manage to write drafts and engineering.approve to sign', async () => {
    const operator = await makePerson(ctx().app, ctx().database, ['operator']);
    const { parent, a, bom } = await bomWithTwoLines();
    const create = await api().post(operator, '/api/boms', {
      itemId: parent.id,
      lines: [{ componentItemId: a.id, quantityPer: '1' }],
    });
    expect(create.statusCode).toBe(403);
    const createByQa = await api().post(qa, '/api/boms', {
      itemId: parent.id,
      lines: [{ componentItemId: a.id, quantityPer: '1' }],
    });
    expect(createByQa.statusCode).toBe(403);
    await api().post(engineer, `/api/boms/${bom.id}/submit`);
    const approve = await api().post(operator, `/api/boms/${bom.id}/approve`, sign(operator));
    expect(approve.statusCode).toBe(403);
    expect((await api().get(operator, `/api/boms/${bom.id}`)).statusCode).toBe(200);
  });
});

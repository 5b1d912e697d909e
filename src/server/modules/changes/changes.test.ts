// Change control: numbering, affected records, impact counts, approval by the
// required roles, rejection, and implementation in one transaction.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import {
  approveVersion,
  caller,
  makeBom,
  makeDocument,
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

const item = (overrides: Parameters<typeof makeItem>[2] = {}) =>
  makeItem(ctx().app, engineer, overrides);
const sign = (person: Person, meaning = 'approved') => ({
  signature: signatureOf(person, meaning),
});

/** An item with an effective BOM v1 and an approved (or draft) copy v2 changed by `edit`. */
async function itemWithProposedBom(options: { approve?: boolean } = {}) {
  const parent = await item({ type: 'finished_device' });
  const [x, y, z] = [await item(), await item(), await item()];
  const v1 = await makeBom(ctx().app, engineer, parent.id, [
    { componentItemId: x.id, quantityPer: '1' },
    { componentItemId: y.id, quantityPer: '2' },
  ]);
  await releaseVersion(ctx().app, 'boms', v1.id, engineer, qa);
  const v2 = (await api().post(engineer, `/api/boms/${v1.id}/copy`)).json();
  const put = await api().put(engineer, `/api/boms/${v2.id}`, {
    lines: [
      { componentItemId: x.id, quantityPer: '1.5' },
      { componentItemId: z.id, quantityPer: '2' },
    ],
  });
  expect(put.statusCode, put.body).toBe(200);
  if (options.approve ?? true) await approveVersion(ctx().app, 'boms', v2.id, engineer, qa);
  return { parent, x, y, z, v1, v2 };
}

async function raise(targets: Record<string, unknown>[], title = 'Change the BOM') {
  const res = await api().post(engineer, '/api/changes', {
    title,
    description: 'Replace Y by Z, more X',
    reason: 'Supplier discontinued Y',
    riskClass: 'low',
    targets,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function approveChange(id: string) {
  expect((await api().post(engineer, `/api/changes/${id}/submit`)).statusCode).toBe(200);
  for (const person of [engineer, qa]) {
    const res = await api().post(person, `/api/changes/${id}/approve`, sign(person));
    expect(res.statusCode, res.body).toBe(200);
  }
}

describe('change requests', () => {
  it('are numbered CR-0001, CR-0002, … and default the superseded version to the effective one', async () => {
    const { v1, v2 } = await itemWithProposedBom({ approve: false });
    const first = await raise([{ targetType: 'bom_version', targetId: v2.id }]);
    const second = await raise([], 'Another');
    expect([first.code, second.code]).toEqual(['CR-0001', 'CR-0002']);
    expect(first).toMatchObject({ status: 'draft', riskClass: 'low' });
    expect(first.targets[0]).toMatchObject({
      supersedesId: v1.id,
      status: 'draft',
      label: expect.stringMatching(/ BOM v2$/),
    });
  });

  it('refuse affected records that are unknown, repeated, already effective or of another item', async () => {
    const { v1, v2 } = await itemWithProposedBom({ approve: false });
    const other = await itemWithProposedBom({ approve: false });
    const cases = [
      [{ targetType: 'bom_version', targetId: '0190a4b2-0000-7000-8000-000000000000' }],
      [{ targetType: 'routing_version', targetId: v2.id }],
      [
        { targetType: 'bom_version', targetId: v2.id },
        { targetType: 'bom_version', targetId: v2.id },
      ],
      [{ targetType: 'bom_version', targetId: v1.id }],
      [{ targetType: 'bom_version', targetId: v2.id, supersedesId: other.v1.id }],
      [{ targetType: 'item', targetId: v2.id }],
      [{ targetType: 'supplier', targetId: v2.id }],
    ];
    for (const targets of cases) {
      const res = await api().post(engineer, '/api/changes', {
        title: 'Bad',
        description: 'Bad',
        reason: 'Bad',
        riskClass: 'high',
        targets,
      });
      expect(res.statusCode, JSON.stringify(targets)).toBe(422);
      expect(res.json().code).toBe('CHANGE_TARGET_INVALID');
    }
  });

  it('can be edited as a draft only, and not submitted empty', async () => {
    const change = await raise([]);
    const empty = await api().post(engineer, `/api/changes/${change.id}/submit`);
    expect(empty.json().code).toBe('CHANGE_REQUEST_EMPTY');
    const part = await item();
    const edited = await api().patch(engineer, `/api/changes/${change.id}`, {
      riskClass: 'high',
      targets: [{ targetType: 'item', targetId: part.id }],
    });
    expect(edited.json()).toMatchObject({
      riskClass: 'high',
      targets: [{ targetType: 'item', label: part.code }],
    });
    await api().post(engineer, `/api/changes/${change.id}/submit`);
    const locked = await api().patch(engineer, `/api/changes/${change.id}`, { title: 'Later' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('CHANGE_REQUEST_LOCKED');
  });

  it('computes the impact: affected items, BOM line changes, where-used counts, and says what it cannot know', async () => {
    const { parent, x, y, z, v1, v2 } = await itemWithProposedBom();
    // Another effective BOM uses X; a draft one uses Y (drafts are not counted).
    const other = await item({ type: 'finished_device' });
    const otherBom = await makeBom(ctx().app, engineer, other.id, [{ componentItemId: x.id }]);
    await releaseVersion(ctx().app, 'boms', otherBom.id, engineer, qa);
    const third = await item({ type: 'finished_device' });
    await makeBom(ctx().app, engineer, third.id, [{ componentItemId: y.id }]);

    const change = await raise([{ targetType: 'bom_version', targetId: v2.id }]);
    const impact = (await api().get(engineer, `/api/changes/${change.id}/impact`)).json();
    const why = Object.fromEntries(
      impact.affectedItems.map((i: { code: string; why: string[] }) => [i.code, i.why]),
    );
    expect(why).toEqual({
      [parent.code]: ['version_parent'],
      [x.code]: ['component_changed'],
      [y.code]: ['component_removed'],
      [z.code]: ['component_added'],
    });
    expect(impact.versionChanges[0].bomLineChanges).toHaveLength(3);
    const whereUsed = impact.sections.find((s: { key: string }) => s.key === 'where_used');
    // X in the parent's v1 and in the other item's BOM; Y in v1. Not v2 itself, not the draft.
    expect(whereUsed.count).toBe(3);
    expect(
      whereUsed.entries
        .map((e: { itemCode: string; bomVersionId: string }) => `${e.itemCode}@${e.bomVersionId}`)
        .sort(),
    ).toEqual([`${x.code}@${v1.id}`, `${x.code}@${otherBom.id}`, `${y.code}@${v1.id}`].sort());
    expect(
      impact.sections
        .filter((s: { status: string }) => s.status === 'not_available')
        .map((s: { key: string }) => s.key),
    ).toEqual(['open_work_orders']);
    // The lots module provides stock on hand; these new items have none.
    expect(impact.sections.find((s: { key: string }) => s.key === 'stock')).toMatchObject({
      status: 'available',
      count: 0,
    });

    // Submission keeps a snapshot: later changes elsewhere do not alter what reviewers saw.
    await api().post(engineer, `/api/changes/${change.id}/submit`);
    const fourth = await item({ type: 'finished_device' });
    const fourthBom = await makeBom(ctx().app, engineer, fourth.id, [{ componentItemId: x.id }]);
    await releaseVersion(ctx().app, 'boms', fourthBom.id, engineer, qa);
    const snapshot = (await api().get(engineer, `/api/changes/${change.id}`)).json().impactSnapshot;
    expect(snapshot.sections[0].count).toBe(3);
    const now = (await api().get(engineer, `/api/changes/${change.id}/impact`)).json();
    expect(now.sections[0].count).toBe(4);
  });

  it('needs the signatures of both required roles; rejection is signed with the meaning "rejected"', async () => {
    const { v2 } = await itemWithProposedBom();
    const change = await raise([{ targetType: 'bom_version', targetId: v2.id }]);
    await api().post(engineer, `/api/changes/${change.id}/submit`);
    const one = await api().post(engineer, `/api/changes/${change.id}/approve`, sign(engineer));
    expect(one.json()).toMatchObject({
      status: 'in_review',
      approval: { missing: ['qa_manager'] },
    });
    const wrong = await api().post(qa, `/api/changes/${change.id}/approve`, {
      signature: { ...signatureOf(qa), password: 'nope-nope' },
    });
    expect(wrong.json().code).toBe('SIGNATURE_PASSWORD_INVALID');
    const meaning = await api().post(qa, `/api/changes/${change.id}/reject`, {
      ...sign(qa, 'approved'),
      reason: 'Not validated',
    });
    expect(meaning.json().code).toBe('SIGNATURE_MEANING_NOT_ALLOWED');
    const rejected = await api().post(qa, `/api/changes/${change.id}/reject`, {
      ...sign(qa, 'rejected'),
      reason: 'Process validation missing',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    expect(rejected.json().signatures.map((s: { meaning: string }) => s.meaning)).toEqual([
      'approved',
      'rejected',
    ]);
    const after = await api().post(qa, `/api/changes/${change.id}/implement`, {});
    expect(after.json().code).toBe('CHANGE_REQUEST_WRONG_STATUS');
  });

  it('shows the approval signature as broken once the request is changed behind its back', async () => {
    const { v2 } = await itemWithProposedBom();
    const change = await raise([{ targetType: 'bom_version', targetId: v2.id }]);
    await api().post(engineer, `/api/changes/${change.id}/submit`);
    const signed = (
      await api().post(engineer, `/api/changes/${change.id}/approve`, sign(engineer))
    ).json();
    const verify = () => api().get(qa, `/api/signatures/${signed.signatures[0].id}/verify`);
    expect((await verify()).json().status).toBe('valid');
    await sql`update change_requests set reason = 'Something else' where id = ${change.id}`.execute(
      ctx().database.db,
    );
    expect((await verify()).json().status).toBe('broken');
  });

  it('refuses to submit while a proposed version is not approved, so its signatures cover frozen content', async () => {
    const { v2 } = await itemWithProposedBom({ approve: false });
    const change = await raise([{ targetType: 'bom_version', targetId: v2.id }]);
    const res = await api().post(engineer, `/api/changes/${change.id}/submit`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'PROPOSED_VERSION_NOT_APPROVED',
      params: { versions: [{ targetId: v2.id, status: 'draft' }] },
    });
    expect((await api().get(engineer, `/api/changes/${change.id}`)).json().status).toBe('draft');
    await approveVersion(ctx().app, 'boms', v2.id, engineer, qa);
    expect((await api().post(engineer, `/api/changes/${change.id}/submit`)).statusCode).toBe(200);
  });

  it('implements atomically: a failure on the second record leaves the first untouched', async () => {
    const { parent, v1, v2 } = await itemWithProposedBom();
    // A routing whose operation links a document revision that is approved but not effective.
    const doc = await makeDocument(ctx().app, engineer, qa, { effective: false });
    const routing = await api().post(engineer, '/api/routings', {
      itemId: parent.id,
      operations: [
        {
          opNo: 10,
          nameZh: '组装',
          nameEn: 'Assembly',
          workCentre: 'LINE-IS',
          documentVersionIds: [doc.versionId],
        },
      ],
    });
    await approveVersion(ctx().app, 'routings', routing.json().id, engineer, qa);
    const change = await raise([
      { targetType: 'bom_version', targetId: v2.id },
      { targetType: 'routing_version', targetId: routing.json().id },
    ]);
    await approveChange(change.id);
    const auditBefore = await sql<{ n: string }>`select count(*) as n from audit_log`.execute(
      ctx().database.db,
    );

    const res = await api().post(qa, `/api/changes/${change.id}/implement`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('DOCUMENT_VERSION_NOT_EFFECTIVE');
    expect((await api().get(engineer, `/api/boms/${v2.id}`)).json()).toMatchObject({
      status: 'approved',
      changeRequestId: null,
    });
    expect((await api().get(engineer, `/api/boms/${v1.id}`)).json().status).toBe('effective');
    expect((await api().get(engineer, `/api/routings/${routing.json().id}`)).json().status).toBe(
      'approved',
    );
    expect((await api().get(engineer, `/api/changes/${change.id}`)).json().status).toBe('approved');
    const auditAfter = await sql<{ n: string }>`select count(*) as n from audit_log`.execute(
      ctx().database.db,
    );
    expect(auditAfter.rows[0]?.n).toBe(auditBefore.rows[0]?.n);
  });

  it('implements everything in one go: documents first, then BOMs and routings, each carrying the change request', async () => {
    const { parent, v1, v2 } = await itemWithProposedBom();
    const doc = await makeDocument(ctx().app, engineer, qa, { effective: false });
    const routing = await api().post(engineer, '/api/routings', {
      itemId: parent.id,
      operations: [
        {
          opNo: 10,
          nameZh: '组装',
          nameEn: 'Assembly',
          workCentre: 'LINE-IS',
          documentVersionIds: [doc.versionId],
        },
      ],
    });
    await approveVersion(ctx().app, 'routings', routing.json().id, engineer, qa);
    const change = await raise([
      { targetType: 'routing_version', targetId: routing.json().id },
      { targetType: 'bom_version', targetId: v2.id },
      { targetType: 'document_version', targetId: doc.versionId },
    ]);
    await approveChange(change.id);
    const res = await api().post(qa, `/api/changes/${change.id}/implement`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'implemented' });
    for (const [path, id] of [
      ['boms', v2.id],
      ['routings', routing.json().id],
      ['document-versions', doc.versionId],
    ]) {
      expect((await api().get(engineer, `/api/${path}/${id}`)).json()).toMatchObject({
        status: 'effective',
        changeRequestId: change.id,
      });
    }
    expect((await api().get(engineer, `/api/boms/${v1.id}`)).json()).toMatchObject({
      status: 'superseded',
      supersededById: v2.id,
    });
    const audit = await ctx()
      .database.db.selectFrom('audit_log')
      .select(['entity_id', 'action'])
      .where('entity_id', 'in', [v1.id, v2.id, change.id])
      .orderBy('seq', 'desc')
      .limit(3)
      .execute();
    // The last three entries of these records, in the order written: old out, new in, change done.
    expect(audit.reverse().map((a) => [a.entity_id, a.action])).toEqual([
      [v1.id, 'bom_version.superseded'],
      [v2.id, 'bom_version.effective'],
      [change.id, 'change_request.implemented'],
    ]);
  });

  it('refuses to implement when the superseded version is no longer the effective one', async () => {
    const { v1, v2 } = await itemWithProposedBom();
    const v3 = (await api().post(engineer, `/api/boms/${v2.id}/copy`)).json();
    await approveVersion(ctx().app, 'boms', v3.id, engineer, qa);
    const first = await raise([{ targetType: 'bom_version', targetId: v2.id }]);
    const second = await raise([{ targetType: 'bom_version', targetId: v3.id }]);
    await approveChange(first.id);
    await approveChange(second.id);
    expect((await api().post(qa, `/api/changes/${second.id}/implement`, {})).statusCode).toBe(200);
    const stale = await api().post(qa, `/api/changes/${first.id}/implement`, {});
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('EFFECTIVE_VERSION_CHANGED');
    expect((await api().get(engineer, `/api/boms/${v1.id}`)).json().status).toBe('superseded');
    expect((await api().get(engineer, `/api/boms/${v2.id}`)).json().status).toBe('approved');
  });

  it('needs change.manage to raise, change.approve to sign and change.implement to implement', async () => {
    const operator = await makePerson(ctx().app, ctx().database, ['operator']);
    const supervisor = await makePerson(ctx().app, ctx().database, ['production_supervisor']);
    const create = await api().post(operator, '/api/changes', {
      title: 'x',
      description: 'x',
      reason: 'x',
      riskClass: 'low',
    });
    expect(create.statusCode).toBe(403);
    const { v2 } = await itemWithProposedBom();
    const raised = await api().post(supervisor, '/api/changes', {
      title: 'From the floor',
      description: 'x',
      reason: 'x',
      riskClass: 'low',
      targets: [{ targetType: 'bom_version', targetId: v2.id }],
    });
    expect(raised.statusCode).toBe(201);
    const id = raised.json().id;
    await api().post(supervisor, `/api/changes/${id}/submit`);
    expect(
      (await api().post(supervisor, `/api/changes/${id}/approve`, sign(supervisor))).statusCode,
    ).toBe(403);
    for (const person of [engineer, qa])
      await api().post(person, `/api/changes/${id}/approve`, sign(person));
    expect((await api().post(supervisor, `/api/changes/${id}/implement`, {})).statusCode).toBe(403);
    expect((await api().get(operator, `/api/changes/${id}/impact`)).statusCode).toBe(200);
  });

  it('cancels, sends back to draft, lists and exports as CSV', async () => {
    const part = await item();
    const change = await raise([{ targetType: 'item', targetId: part.id }], 'Relabel part');
    await api().post(engineer, `/api/changes/${change.id}/submit`);
    await api().post(engineer, `/api/changes/${change.id}/approve`, sign(engineer));
    const back = await api().post(qa, `/api/changes/${change.id}/return`, {
      reason: 'Add the drawing',
    });
    expect(back.json()).toMatchObject({
      status: 'draft',
      reviewRound: 2,
      approval: { covered: [] },
      impactSnapshot: null,
    });
    await api().post(engineer, `/api/changes/${change.id}/submit`);
    // In review, only a reviewer may cancel it.
    const supervisor = await makePerson(ctx().app, ctx().database, ['production_supervisor']);
    const refused = await api().post(supervisor, `/api/changes/${change.id}/cancel`, {
      reason: 'Not needed',
    });
    expect(refused.statusCode).toBe(403);
    const cancelled = await api().post(engineer, `/api/changes/${change.id}/cancel`, {
      reason: 'Not needed',
    });
    expect(cancelled.json().status).toBe('cancelled');
    const list = (await api().get(engineer, '/api/changes?status=cancelled')).json();
    expect(list.items.map((c: { code: string }) => c.code)).toContain(change.code);
    const csv = await api().get(engineer, '/api/changes/export.csv?status=cancelled');
    expect(csv.body).toContain(change.code);
    const byTarget = (await api().get(engineer, `/api/changes?targetId=${part.id}`)).json();
    expect(byTarget.items.map((c: { code: string }) => c.code)).toEqual([change.code]);
    const other = await item();
    expect((await api().get(engineer, `/api/changes?targetId=${other.id}`)).json().total).toBe(0);
  });
});

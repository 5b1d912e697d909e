import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import {
  caller,
  fileOf,
  makeDocument,
  makeItem,
  makePerson,
  signatureOf,
  type Person,
} from '../../../../test/support/engineering.ts';

const ctx = useTestApp();
const api = () => caller(ctx().app);

let engineer: Person;
let qa: Person;
let viewer: Person;

beforeAll(async () => {
  engineer = await makePerson(ctx().app, ctx().database, ['engineer']);
  qa = await makePerson(ctx().app, ctx().database, ['qa_manager']);
  viewer = await makePerson(ctx().app, ctx().database, ['viewer']);
});

describe('item document links', () => {
  it('links an effective document version, says when a newer one becomes effective, and ends the link with a reason', async () => {
    const item = await makeItem(ctx().app, engineer, { type: 'finished_device' });
    const doc = await makeDocument(ctx().app, engineer, qa);

    const linked = await api().post(engineer, `/api/items/${item.id}/documents`, {
      documentVersionId: doc.versionId,
      reason: 'Drawing of the product',
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toEqual([
      expect.objectContaining({
        documentVersion: expect.objectContaining({ id: doc.versionId, status: 'effective' }),
        newerEffective: null,
        reason: 'Drawing of the product',
      }),
    ]);
    const again = await api().post(engineer, `/api/items/${item.id}/documents`, {
      documentVersionId: doc.versionId,
    });
    expect(again.statusCode).toBe(409);

    // Revision B becomes effective: the link still names A, and points at B.
    const b = await api().post(engineer, `/api/documents/${doc.documentId}/versions`, {
      changeSummary: 'Second issue',
      file: fileOf('Step 1: assemble carefully.'),
    });
    const bId = b.json().id;
    await api().post(engineer, `/api/document-versions/${bId}/submit`);
    await api().post(qa, `/api/document-versions/${bId}/approve`, { signature: signatureOf(qa) });
    await api().post(qa, `/api/document-versions/${bId}/make-effective`, {});
    const listed = await api().get(viewer, `/api/items/${item.id}/documents`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json()[0]).toMatchObject({
      documentVersion: { id: doc.versionId, status: 'superseded' },
      newerEffective: { id: bId },
    });

    const linkId = listed.json()[0].id;
    const ended = await api().post(engineer, `/api/items/${item.id}/documents/${linkId}/end`, {
      reason: 'Replaced by revision B',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toEqual([]);
    const history = await api().get(viewer, `/api/audit/records/item/${item.id}`);
    expect(
      history
        .json()
        .items.map((e: { action: string }) => e.action)
        .slice(0, 2),
    ).toEqual(['item.document_unlinked', 'item.document_linked']);
  });

  it('refuses a draft document version, and needs item.manage', async () => {
    const item = await makeItem(ctx().app, engineer);
    const draft = await makeDocument(ctx().app, engineer, qa, { effective: false });
    const version = await api().post(engineer, `/api/documents/${draft.documentId}/versions`, {
      changeSummary: 'Draft',
      file: fileOf('Draft text'),
    });
    const res = await api().post(engineer, `/api/items/${item.id}/documents`, {
      documentVersionId: version.json().id,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('DOCUMENT_VERSION_NOT_USABLE');
    const denied = await api().post(viewer, `/api/items/${item.id}/documents`, {
      documentVersionId: draft.versionId,
    });
    expect(denied.statusCode).toBe(403);
  });
});

import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/support/app.ts';
import {
  caller,
  fileOf,
  makeDocument,
  makePerson,
  signatureOf,
  type Person,
} from '../../../../test/support/engineering.ts';

const ctx = useTestApp();
const api = () => caller(ctx().app);

let author: Person;
let approver: Person;

beforeAll(async () => {
  author = await makePerson(ctx().app, ctx().database, ['engineer']);
  approver = await makePerson(ctx().app, ctx().database, ['qa_manager']);
});

let seq = 0;
async function newDocument(number = `SOP-T-${++seq}`) {
  const res = await api().post(author, '/api/documents', {
    number,
    titleZh: '文件控制程序',
    titleEn: 'Document control',
    kind: 'sop',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function newVersion(documentId: string, text = 'Rev A text') {
  const res = await api().post(author, `/api/documents/${documentId}/versions`, {
    changeSummary: 'First issue',
    file: fileOf(text, '文件控制.txt'),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function submitAndApprove(versionId: string) {
  expect((await api().post(author, `/api/document-versions/${versionId}/submit`)).statusCode).toBe(
    200,
  );
  const res = await api().post(approver, `/api/document-versions/${versionId}/approve`, {
    signature: signatureOf(approver),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('controlled documents', () => {
  it('creates a document owned by its author, numbered uniquely whatever the case', async () => {
    const doc = await newDocument('SOP-QA-900');
    expect(doc).toMatchObject({ number: 'SOP-QA-900', kind: 'sop', owner: { id: author.id } });
    const again = await api().post(author, '/api/documents', {
      number: 'sop-qa-900',
      titleZh: '重复',
      titleEn: 'Repeat',
      kind: 'sop',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DOCUMENT_NUMBER_TAKEN');
  });

  it('stores the file with its SHA-256 and serves it back byte for byte with the checksum header', async () => {
    const doc = await newDocument();
    const text = '输液器组装 — step 1: bond the spike.\n'.repeat(50_000);
    const version = await newVersion(doc.id, text);
    const sha = createHash('sha256').update(text, 'utf8').digest('hex');
    expect(version.label).toBe('A');
    expect(version.file).toMatchObject({
      sha256: sha,
      sizeBytes: Buffer.byteLength(text),
      mediaType: 'text/plain',
    });
    const download = await api().get(author, `/api/document-versions/${version.id}/file`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['x-checksum-sha256']).toBe(sha);
    expect(download.headers['repr-digest']).toBe(
      `sha-256=:${Buffer.from(sha, 'hex').toString('base64')}:`,
    );
    expect(download.headers['content-type']).toContain('text/plain');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''%E6%96%87");
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(sha);
  });

  it('refuses a file that is not base64, empty, or larger than 10 MiB', async () => {
    const doc = await newDocument();
    const version = await newVersion(doc.id);
    const put = (contentBase64: string) =>
      api().put(author, `/api/document-versions/${version.id}/file`, {
        filename: 'x.bin',
        mediaType: 'application/octet-stream',
        contentBase64,
      });
    expect((await put('not base64!')).json().code).toBe('DOCUMENT_FILE_INVALID');
    expect((await put('')).json().code).toBe('DOCUMENT_FILE_INVALID');
    const tooBig = await put(Buffer.alloc(10 * 1024 * 1024 + 1, 7).toString('base64'));
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.json().code).toBe('DOCUMENT_FILE_TOO_LARGE');
  });

  it('needs a file before review', async () => {
    const doc = await newDocument();
    const res = await api().post(author, `/api/documents/${doc.id}/versions`, {
      changeSummary: 'No file yet',
    });
    const submit = await api().post(author, `/api/document-versions/${res.json().id}/submit`);
    expect(submit.statusCode).toBe(422);
    expect(submit.json().code).toBe('DOCUMENT_FILE_MISSING');
  });

  it('approves with a signature; a wrong password is refused and changes nothing', async () => {
    const doc = await newDocument();
    const version = await newVersion(doc.id);
    await api().post(author, `/api/document-versions/${version.id}/submit`);
    const wrong = await api().post(approver, `/api/document-versions/${version.id}/approve`, {
      signature: { ...signatureOf(approver), password: 'not-the-password' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('SIGNATURE_PASSWORD_INVALID');
    expect((await api().get(author, `/api/document-versions/${version.id}`)).json().status).toBe(
      'in_review',
    );
    const ok = await api().post(approver, `/api/document-versions/${version.id}/approve`, {
      signature: signatureOf(approver),
    });
    expect(ok.json()).toMatchObject({
      status: 'approved',
      signatures: [{ meaning: 'approved', signerId: approver.id }],
    });
  });

  it('refuses the author approving his own revision, before asking for the password', async () => {
    // The author also holds the approver's role, so only independence is in question.
    const both = await makePerson(ctx().app, ctx().database, ['engineer', 'qa_manager']);
    const doc = (
      await api().post(both, '/api/documents', {
        number: `SOP-SOD-${++seq}`,
        titleZh: '文件控制程序',
        titleEn: 'Document control',
        kind: 'sop',
      })
    ).json();
    const version = (
      await api().post(both, `/api/documents/${doc.id}/versions`, {
        changeSummary: 'First issue',
        file: fileOf('Rev A'),
      })
    ).json();
    await api().post(both, `/api/document-versions/${version.id}/submit`);
    const own = await api().post(both, `/api/document-versions/${version.id}/approve`, {
      signature: { ...signatureOf(both), password: 'not-even-checked' },
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('DOCUMENT_APPROVER_IS_AUTHOR');
    const other = await api().post(approver, `/api/document-versions/${version.id}/approve`, {
      signature: signatureOf(approver),
    });
    expect(other.json()).toMatchObject({ status: 'approved' });
  });

  it('locks a version once submitted: every edit path answers VERSION_LOCKED', async () => {
    const doc = await newDocument();
    const version = await newVersion(doc.id);
    const edits = () => [
      api().patch(author, `/api/document-versions/${version.id}`, { changeSummary: 'Changed' }),
      api().put(author, `/api/document-versions/${version.id}/file`, fileOf('other text')),
      api().post(author, `/api/document-versions/${version.id}/submit`),
    ];
    await submitAndApprove(version.id);
    for (const status of ['approved', 'effective']) {
      if (status === 'effective') {
        expect(
          (await api().post(approver, `/api/document-versions/${version.id}/make-effective`, {}))
            .statusCode,
        ).toBe(200);
      }
      for (const res of await Promise.all(edits())) {
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('VERSION_LOCKED');
      }
      const back = await api().post(approver, `/api/document-versions/${version.id}/return`, {
        reason: 'Fix',
      });
      expect(back.json().code).toBe('VERSION_LOCKED');
    }
    expect((await api().get(author, `/api/document-versions/${version.id}`)).json()).toMatchObject({
      changeSummary: 'First issue',
      status: 'effective',
    });
  });

  it('sends a version in review back to draft, which can be edited again', async () => {
    const doc = await newDocument();
    const version = await newVersion(doc.id);
    await api().post(author, `/api/document-versions/${version.id}/submit`);
    const back = await api().post(approver, `/api/document-versions/${version.id}/return`, {
      reason: 'Typo in step 3',
    });
    expect(back.json()).toMatchObject({ status: 'draft', reviewRound: 2 });
    const edit = await api().patch(author, `/api/document-versions/${version.id}`, {
      changeSummary: 'Typo fixed',
    });
    expect(edit.json().changeSummary).toBe('Typo fixed');
  });

  it('makes revision B effective and supersedes revision A in the same step', async () => {
    const doc = await newDocument();
    const a = await newVersion(doc.id);
    await submitAndApprove(a.id);
    await api().post(approver, `/api/document-versions/${a.id}/make-effective`, {});
    const b = await newVersion(doc.id, 'Rev B text');
    expect(b.label).toBe('B');
    await submitAndApprove(b.id);
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const eff = await api().post(approver, `/api/document-versions/${b.id}/make-effective`, {
      effectiveFrom: future,
    });
    expect(eff.json()).toMatchObject({ status: 'effective', effectiveFrom: future });
    expect((await api().get(author, `/api/document-versions/${a.id}`)).json()).toMatchObject({
      status: 'superseded',
      supersededById: b.id,
    });
    const detail = (await api().get(author, `/api/documents/${doc.id}`)).json();
    expect(detail.effectiveVersion.id).toBe(b.id);
    expect(
      detail.versions.map((v: { label: string; status: string }) => `${v.label}:${v.status}`),
    ).toEqual(['A:superseded', 'B:effective']);
    const past = await api().post(approver, `/api/document-versions/${a.id}/make-effective`, {
      effectiveFrom: '2020-01-01',
    });
    expect(past.statusCode).toBe(409);
  });

  it('refuses an effectivity date in the past', async () => {
    const doc = await newDocument();
    const a = await newVersion(doc.id);
    await submitAndApprove(a.id);
    const res = await api().post(approver, `/api/document-versions/${a.id}/make-effective`, {
      effectiveFrom: '2020-01-01',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('EFFECTIVE_DATE_IN_PAST');
  });

  it('keeps one effective version per document, even against a direct database write', async () => {
    const { versionId } = await makeDocument(ctx().app, author, approver);
    const doc = (await api().get(author, `/api/document-versions/${versionId}`)).json();
    const b = await newVersion(doc.documentId, 'B');
    await submitAndApprove(b.id);
    await expect(
      sql`update document_versions set status = 'effective', effective_at = now(), effective_from = current_date where id = ${b.id}`.execute(
        ctx().database.db,
      ),
    ).rejects.toThrow(/document_versions_one_effective/);
  });

  it('shows the approval signature as broken once the stored content changes', async () => {
    const doc = await newDocument();
    const a = await newVersion(doc.id);
    const approved = await submitAndApprove(a.id);
    const signatureId = approved.signatures[0].id;
    const verify = () => api().get(approver, `/api/signatures/${signatureId}/verify`);
    expect((await verify()).json().status).toBe('valid');
    await sql`update document_versions set change_summary = 'Quietly changed' where id = ${a.id}`.execute(
      ctx().database.db,
    );
    expect((await verify()).json()).toMatchObject({ status: 'broken', valid: false });
  });

  it('obsoletes a version with a signature meaning "withdrawn", never read as an approval', async () => {
    const { versionId } = await makeDocument(ctx().app, author, approver);
    const asApproval = await api().post(approver, `/api/document-versions/${versionId}/obsolete`, {
      signature: signatureOf(approver),
      reason: 'Process discontinued',
    });
    expect(asApproval.statusCode).toBe(422);
    expect(asApproval.json().code).toBe('SIGNATURE_MEANING_NOT_ALLOWED');
    const res = await api().post(approver, `/api/document-versions/${versionId}/obsolete`, {
      signature: signatureOf(approver, 'withdrawn'),
      reason: 'Process discontinued',
    });
    expect(res.json()).toMatchObject({ status: 'obsolete' });
    expect(
      res
        .json()
        .signatures.map((s: { meaning: string }) => s.meaning)
        .sort(),
    ).toEqual(['approved', 'withdrawn']);
  });

  it('needs document.manage to write and document.approve to approve', async () => {
    const operator = await makePerson(ctx().app, ctx().database, ['operator']);
    const inspector = await makePerson(ctx().app, ctx().database, ['qa_inspector']);
    const create = await api().post(operator, '/api/documents', {
      number: 'X-1',
      titleZh: 'x',
      titleEn: 'x',
      kind: 'form',
    });
    expect(create.statusCode).toBe(403);
    const doc = await newDocument();
    const a = await newVersion(doc.id);
    await api().post(author, `/api/document-versions/${a.id}/submit`);
    const approve = await api().post(inspector, `/api/document-versions/${a.id}/approve`, {
      signature: signatureOf(inspector),
    });
    expect(approve.statusCode).toBe(403);
    expect(approve.json().code).toBe('FORBIDDEN');
    expect((await api().get(operator, `/api/documents?q=${doc.number}`)).json().total).toBe(1);
  });

  it('lists and exports documents as CSV', async () => {
    const doc = await newDocument('LA-CSV-01');
    const csv = await api().get(author, '/api/documents/export.csv?q=LA-CSV');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(doc.number);
  });
});

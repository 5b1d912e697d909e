// Builders for tests of documents, BOM/routing versions and change control:
// items, documents and versions made through the API, and the two people who
// approve (an engineer and a QA manager).
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { LotlineDatabase } from '../../src/server/platform/db/connect.ts';
import { makeSignedInUser, type Session } from './auth.ts';

export interface Person {
  session: Session;
  username: string;
  password: string;
  id: string;
}

export async function makePerson(
  app: FastifyInstance,
  database: LotlineDatabase,
  roles: string[],
): Promise<Person> {
  const { user, session } = await makeSignedInUser(app, database, { roles });
  return { session, username: user.username, password: user.password, id: user.id };
}

export function signatureOf(person: Person, meaning = 'approved') {
  return { username: person.username, password: person.password, meaning };
}

/** JSON calls as a person; the response is returned as is for status assertions. */
export function caller(app: FastifyInstance) {
  const call =
    (method: 'GET' | 'POST' | 'PUT' | 'PATCH') =>
    (person: Person, url: string, payload?: unknown) =>
      app.inject({
        method,
        url,
        headers: person.session.headers,
        ...(payload === undefined
          ? method === 'GET'
            ? {}
            : { payload: {} }
          : { payload: payload as object }),
      });
  return { get: call('GET'), post: call('POST'), put: call('PUT'), patch: call('PATCH') };
}

let itemSeq = 0;

export async function makeItem(
  app: FastifyInstance,
  person: Person,
  overrides: { code?: string; type?: string; tracking?: string; uom?: string } = {},
): Promise<{ id: string; code: string }> {
  itemSeq++;
  const res = await caller(app).post(person, '/api/items', {
    code: overrides.code ?? `T-${itemSeq}-${Math.random().toString(36).slice(2, 7)}`,
    nameZh: '测试物料',
    nameEn: 'Test item',
    type: overrides.type ?? 'component',
    uom: overrides.uom ?? 'pcs',
    tracking: overrides.tracking ?? 'lot',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function makeBom(
  app: FastifyInstance,
  person: Person,
  itemId: string,
  lines: { componentItemId: string; quantityPer?: string; [k: string]: unknown }[],
  extra: Record<string, unknown> = {},
): Promise<{ id: string; versionNo: number; status: string }> {
  const res = await caller(app).post(person, '/api/boms', {
    itemId,
    lines: lines.map((l) => ({ quantityPer: '1', ...l })),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Submit, then the engineer's and the QA manager's signatures: the version is approved. */
export async function approveVersion(
  app: FastifyInstance,
  path: 'boms' | 'routings',
  id: string,
  engineer: Person,
  qa: Person,
): Promise<void> {
  const api = caller(app);
  const submitted = await api.post(engineer, `/api/${path}/${id}/submit`);
  expect(submitted.statusCode, submitted.body).toBe(200);
  for (const person of [engineer, qa]) {
    const res = await api.post(person, `/api/${path}/${id}/approve`, {
      signature: signatureOf(person),
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

/** Approved and made effective directly (the item's first effective version). */
export async function releaseVersion(
  app: FastifyInstance,
  path: 'boms' | 'routings',
  id: string,
  engineer: Person,
  qa: Person,
): Promise<void> {
  await approveVersion(app, path, id, engineer, qa);
  const res = await caller(app).post(engineer, `/api/${path}/${id}/make-effective`, {});
  expect(res.statusCode, res.body).toBe(200);
}

export function fileOf(text: string, filename = 'doc.txt') {
  return {
    filename,
    mediaType: 'text/plain',
    contentBase64: Buffer.from(text, 'utf8').toString('base64'),
  };
}

/** A controlled document with revision A approved (and effective unless told otherwise). */
export async function makeDocument(
  app: FastifyInstance,
  author: Person,
  approver: Person,
  options: { effective?: boolean; number?: string } = {},
): Promise<{ documentId: string; versionId: string }> {
  const api = caller(app);
  itemSeq++;
  const doc = await api.post(author, '/api/documents', {
    number: options.number ?? `WI-T-${itemSeq}-${Math.random().toString(36).slice(2, 6)}`,
    titleZh: '作业指导书',
    titleEn: 'Work instruction',
    kind: 'work_instruction',
  });
  expect(doc.statusCode, doc.body).toBe(201);
  const version = await api.post(author, `/api/documents/${doc.json().id}/versions`, {
    changeSummary: 'First issue',
    file: fileOf('Step 1: assemble.'),
  });
  expect(version.statusCode, version.body).toBe(201);
  const id = version.json().id;
  expect((await api.post(author, `/api/document-versions/${id}/submit`)).statusCode).toBe(200);
  const approved = await api.post(approver, `/api/document-versions/${id}/approve`, {
    signature: signatureOf(approver),
  });
  expect(approved.statusCode, approved.body).toBe(200);
  if (options.effective ?? true) {
    const eff = await api.post(approver, `/api/document-versions/${id}/make-effective`, {});
    expect(eff.statusCode, eff.body).toBe(200);
  }
  return { documentId: doc.json().id, versionId: id };
}

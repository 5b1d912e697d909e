import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { makeSignedInUser } from '../../../../test/support/auth.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { listQuerySchema, listResponseSchema } from '../../../shared/list.ts';
import type { LotlineDatabase } from '../db/connect.ts';
import { DomainError } from '../errors.ts';
import { createHttpApp } from './app.ts';

// Routes that exist only to exercise the platform's contract.
const probeRoutes: FastifyPluginAsyncZod = async (app) => {
  const access = { access: { public: true as const } };
  app.post(
    '/probe/echo',
    {
      config: access,
      schema: {
        body: z.object({ name: z.string().min(1), quantity: z.number().positive() }),
        response: { 200: z.object({ name: z.string(), quantity: z.number() }) },
      },
    },
    async (request) => request.body,
  );
  const colours = ['red', 'green', 'blue', 'cyan', 'magenta'];
  app.get(
    '/probe/colours',
    {
      config: access,
      schema: {
        querystring: listQuerySchema.extend({ startsWith: z.string().optional() }),
        response: { 200: listResponseSchema(z.object({ name: z.string() })) },
      },
    },
    async (request) => {
      const { q, limit, offset, startsWith } = request.query;
      const matching = colours.filter(
        (c) => (!q || c.includes(q)) && (!startsWith || c.startsWith(startsWith)),
      );
      return {
        items: matching.slice(offset, offset + limit).map((name) => ({ name })),
        total: matching.length,
      };
    },
  );
  app.get('/probe/conflict', { config: access }, async () => {
    throw new DomainError('CONFLICT', { reason: 'probe' }, 'The probe is in the wrong state');
  });
  app.get('/probe/crash', { config: access }, async () => {
    throw new Error('connection to db at secret-host:5432 failed with password hunter2');
  });
};

let app: FastifyInstance;
let database: LotlineDatabase;
let webRoot: string;

beforeAll(async () => {
  webRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'lotline-web-'));
  await fs.writeFile(
    path.join(webRoot, 'index.html'),
    '<!doctype html><title>Lotline shell</title>',
  );
  await fs.mkdir(path.join(webRoot, 'assets'));
  await fs.writeFile(path.join(webRoot, 'assets', 'app-abc123.js'), 'console.log(1)');
  database = await createTestDatabase();
  app = await createHttpApp({
    database,
    webRoot,
    routes: async (api) => api.register(probeRoutes),
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await database.close();
  await fs.rm(webRoot, { recursive: true, force: true });
});

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `urn:lotline:problem:${code}` });
  expect(typeof body.title).toBe('string');
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

describe('GET /api/health', () => {
  it('reports the database kind and that it answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: { kind: process.env.DATABASE_URL ? 'postgres' : 'pglite', ok: true },
    });
  });
});

describe('GET /api/about', () => {
  it('needs a signed-in user', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/about' });
    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('shows the version, database kind and the server version', async () => {
    const { session } = await makeSignedInUser(app, database, { roles: ['viewer'] });
    const res = await app.inject({ method: 'GET', url: '/api/about', headers: session.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(body.database.kind).toBe(database.kind);
    expect(body.database.serverVersion).toMatch(/^\d+/);
    expect(body.instanceId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('errors are application/problem+json with a stable code', () => {
  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "x", ',
    });
    expectProblem(res, 400, 'MALFORMED_JSON');
  });

  it('answers a schema violation with 400 VALIDATION_FAILED naming every failing field', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      payload: { name: '', quantity: -1 },
    });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    const paths = (body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['body.name', 'body.quantity']);
  });

  it('answers an unknown API route with 404 ROUTE_NOT_FOUND', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no-such-thing?x=1' });
    const body = expectProblem(res, 404, 'ROUTE_NOT_FOUND');
    expect(body.instance).toBe('/api/no-such-thing');
  });

  it('maps a domain error to its status and keeps its params', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/probe/conflict' });
    const body = expectProblem(res, 409, 'CONFLICT');
    expect(body.params).toEqual({ reason: 'probe' });
    expect(body.detail).toBe('The probe is in the wrong state');
  });

  it('never sends a stack trace or an internal message to the client', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/probe/crash' });
    expectProblem(res, 500, 'INTERNAL_ERROR');
    expect(res.body).not.toMatch(/hunter2|secret-host|at .*\.ts:\d+/);
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe/echo',
      headers: { 'content-type': 'application/x-thing' },
      payload: 'name=x',
    });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('request ids', () => {
  it('keeps a well-formed X-Request-Id from the caller and makes one otherwise', async () => {
    const given = await app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'x-request-id': 'mes-42.a' },
    });
    expect(given.headers['x-request-id']).toBe('mes-42.a');
    expect(given.json().requestId).toBe('mes-42.a');
    const hostile = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'a b<script>' },
    });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });
});

describe('the list convention', () => {
  it('answers { items, total } with paging and filters', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/probe/colours?limit=2&offset=1' });
    expect(res.json()).toEqual({ items: [{ name: 'green' }, { name: 'blue' }], total: 5 });
    const filtered = await app.inject({
      method: 'GET',
      url: '/api/probe/colours?q=e&startsWith=b',
    });
    expect(filtered.json()).toEqual({ items: [{ name: 'blue' }], total: 1 });
  });

  it('refuses a page size out of range', async () => {
    for (const limit of ['0', '201', 'ten']) {
      const res = await app.inject({ method: 'GET', url: `/api/probe/colours?limit=${limit}` });
      const body = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect((body.errors as { path: string }[])[0]?.path).toBe('querystring.limit');
    }
  });
});

describe('OpenAPI', () => {
  it('serves a valid OpenAPI 3.1 document at /api/openapi.json', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/about', '/api/probe/echo']),
    );
  });

  it('serves the docs UI at /api/docs', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('the web app', () => {
  it('serves index.html at / and for client-side routes, but not for /api', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.statusCode).toBe(200);
    expect(root.body).toContain('Lotline shell');
    const deep = await app.inject({ method: 'GET', url: '/about' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('Lotline shell');
    expect((await app.inject({ method: 'GET', url: '/api/about/x' })).statusCode).toBe(404);
  });

  it('serves hashed assets as immutable', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('says the web app is not built when there is none', async () => {
    const bare = await createHttpApp({ database, webRoot: null });
    const res = await bare.inject({ method: 'GET', url: '/' });
    expectProblem(res, 503, 'WEB_NOT_BUILT');
    await bare.close();
  });
});

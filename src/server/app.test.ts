import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/support/app.ts';

const ctx = useTestApp();

describe('the composed Lotline app', () => {
  it('publishes valid OpenAPI 3.1 covering every module', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const paths = Object.keys(doc.paths);
    for (const path of [
      '/api/auth/login',
      '/api/users',
      '/api/roles',
      '/api/audit',
      '/api/signatures/{id}/verify',
      '/api/udi/parse',
      '/api/items',
    ]) {
      expect(paths).toContain(path);
    }
  });

  it('declares an access rule on every module route too', () => {
    const undeclared = ctx().app.lotline.routes.filter((r) => r.access === undefined);
    expect(undeclared).toEqual([]);
  });
});

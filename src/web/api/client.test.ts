import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, RawBody, apiFetchBlob, apiSend, setCsrfToken } from './client.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function answerWith(response: Response) {
  const fetchMock = vi.fn<typeof fetch>(async () => response);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('apiFetchBlob', () => {
  it('sends the JSON body with the session CSRF token and resolves to the typed binary answer', async () => {
    setCsrfToken('csrf-123');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    const fetchMock = answerWith(
      new Response(svg, { status: 200, headers: { 'content-type': 'image/svg+xml' } }),
    );

    const blob = await apiFetchBlob('POST', '/api/udi/render', { data: '(01)x', format: 'svg' });

    expect(blob.type).toBe('image/svg+xml');
    expect(await blob.text()).toBe(svg);
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/udi/render');
    const headers = init?.headers as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('csrf-123');
    expect(headers['content-type']).toBe('application/json');
    expect(init?.body).toBe(JSON.stringify({ data: '(01)x', format: 'svg' }));
  });

  it('turns a problem answer into an ApiError with its code and params', async () => {
    answerWith(
      new Response(
        JSON.stringify({
          type: 'about:blank',
          title: 'Unprocessable',
          status: 422,
          code: 'GS1_CHECK_DIGIT',
          detail: 'wrong check digit at position 17',
          params: { ai: '01', position: 17 },
        }),
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      ),
    );

    const error = await apiFetchBlob('POST', '/api/udi/render', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'GS1_CHECK_DIGIT',
      params: { ai: '01', position: 17 },
    });
  });
});

describe('raw bodies and downloads', () => {
  it('sends a RawBody as it is, with its own content type and the CSRF token', async () => {
    setCsrfToken('csrf-456');
    const fetchMock = answerWith(
      new Response(JSON.stringify({ dryRun: true, rowCount: 1 }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
    const csv = 'code,nameZh\nRM-1,原料\n';

    const report = await apiSend(
      'POST',
      '/api/items/import?dryRun=true',
      new RawBody(csv, 'text/csv'),
    );

    expect(report).toEqual({ dryRun: true, rowCount: 1 });
    const [, init] = fetchMock.mock.calls[0] ?? [];
    const headers = init?.headers as Record<string, string>;
    expect(headers['content-type']).toBe('text/csv');
    expect(headers['x-csrf-token']).toBe('csrf-456');
    expect(init?.body).toBe(csv);
  });

  it('downloads with GET, without a body or CSRF token', async () => {
    setCsrfToken('csrf-789');
    const fetchMock = answerWith(
      new Response('code\n', { status: 200, headers: { 'content-type': 'text/csv' } }),
    );

    const blob = await apiFetchBlob('GET', '/api/items/export.csv?status=active');

    expect(await blob.text()).toBe('code\n');
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/items/export.csv?status=active');
    expect(init?.method).toBe('GET');
    expect(init?.body).toBeUndefined();
    expect((init?.headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
  });
});

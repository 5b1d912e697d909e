import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetchBlob, setCsrfToken } from './client.ts';

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

import type { FieldError, Problem } from '../../shared/problem.ts';

// Not imported from shared/problem.ts: that module builds zod schemas at load
// time, and the web app would then ship zod just for this string.
const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const REQUEST_ID_HEADER = 'x-request-id';
const CSRF_HEADER = 'x-csrf-token';

// The session's CSRF token (from GET /api/auth/me or sign-in), sent with every
// write: the server refuses cookie-authenticated writes without it.
let csrfToken: string | null = null;

/** Remembers the signed-in session's CSRF token; null after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Codes the client raises itself, in addition to the API's ERROR_CODES. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'UNKNOWN';

/**
 * A failed API call: the server's RFC 9457 problem, or a client-side failure
 * (status 0, code NETWORK_ERROR) when the server could not be reached.
 */
export class ApiError extends Error {
  readonly status: number;
  /** Stable error code: one of ERROR_CODES, or a ClientErrorCode. */
  readonly code: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  readonly params: Record<string, unknown> | undefined;

  constructor(input: {
    status: number;
    code: string;
    title?: string;
    detail?: string;
    errors?: FieldError[];
    requestId?: string;
    params?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super(input.detail ?? input.title ?? input.code, { cause: input.cause });
    this.name = 'ApiError';
    this.status = input.status;
    this.code = input.code;
    this.detail = input.detail;
    this.errors = input.errors ?? [];
    this.requestId = input.requestId;
    this.params = input.params;
  }
}

export interface RequestOptions {
  signal?: AbortSignal;
  /**
   * Non-2xx statuses whose JSON body is a regular answer rather than a problem
   * (GET /api/health answers 503 with a Health body when the database is down).
   */
  acceptStatuses?: readonly number[];
}

export type SendMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** GET a JSON resource under /api. */
export function apiGet<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>('GET', path, undefined, options);
}

/** POST/PUT/PATCH/DELETE with an optional JSON (or RawBody) body; resolves to the JSON answer (undefined for 204). */
export function apiSend<T>(
  method: SendMethod,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  return request<T>(method, path, body, options);
}

/** A request body sent as it is (a CSV file's text, …) with its content type, not as JSON. */
export class RawBody {
  readonly text: string;
  readonly contentType: string;

  constructor(text: string, contentType: string) {
    this.text = text;
    this.contentType = contentType;
  }
}

/**
 * GET, or POST/PUT/… a JSON body, and resolve to a binary answer (a symbol
 * image, a label PDF, a CSV export) as a Blob typed by the answer's content
 * type. Same CSRF and problem+json handling as apiSend.
 */
export async function apiFetchBlob(
  method: 'GET' | SendMethod,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<Blob> {
  const response = await send(method, path, body, options, '*/*');
  return response.blob();
}

async function request<T>(
  method: 'GET' | SendMethod,
  path: string,
  body: unknown,
  options: RequestOptions,
): Promise<T> {
  const response = await send(method, path, body, options, 'application/json');
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw new ApiError({
      status: response.status,
      code: 'UNKNOWN',
      detail: `The answer to ${method} ${path} is not JSON`,
      requestId: response.headers.get(REQUEST_ID_HEADER) ?? undefined,
      cause,
    });
  }
}

/** Sends the request; resolves to an accepted answer, throws ApiError for a problem or no answer. */
async function send(
  method: 'GET' | SendMethod,
  path: string,
  body: unknown,
  options: RequestOptions,
  accept: string,
): Promise<Response> {
  const headers: Record<string, string> = { accept: `${accept}, ${PROBLEM_CONTENT_TYPE}` };
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  if (body instanceof RawBody) {
    headers['content-type'] = body.contentType;
    init.body = body.text;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    // An abort is the caller's own doing (TanStack Query cancels stale queries): pass it on.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', detail: String(cause), cause });
  }

  const isProblem = contentType(response) === PROBLEM_CONTENT_TYPE;
  const accepted = response.ok || options.acceptStatuses?.includes(response.status) === true;
  if (!accepted || isProblem) throw await problemError(response);
  return response;
}

function contentType(response: Response): string {
  return (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Turns a non-2xx answer into an ApiError, whatever its body (a proxy may answer with HTML). */
async function problemError(response: Response): Promise<ApiError> {
  const headerRequestId = response.headers.get(REQUEST_ID_HEADER) ?? undefined;
  const text = await response.text().catch(() => '');
  const problem = parseProblem(text);
  if (!problem) {
    return new ApiError({
      status: response.status,
      code: response.status === 503 || response.status === 502 ? 'SERVICE_UNAVAILABLE' : 'UNKNOWN',
      detail: `HTTP ${response.status} ${response.statusText}`.trim(),
      requestId: headerRequestId,
    });
  }
  return new ApiError({
    status: problem.status ?? response.status,
    code: problem.code,
    title: problem.title,
    detail: problem.detail,
    errors: problem.errors,
    requestId: problem.requestId ?? headerRequestId,
    params: problem.params,
  });
}

type ParsedProblem = Pick<Problem, 'code'> & Partial<Omit<Problem, 'code'>>;

function parseProblem(text: string): ParsedProblem | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value.code !== 'string') return null;
  const problem: ParsedProblem = { code: value.code };
  if (typeof value.status === 'number') problem.status = value.status;
  if (typeof value.title === 'string') problem.title = value.title;
  if (typeof value.detail === 'string') problem.detail = value.detail;
  if (typeof value.requestId === 'string') problem.requestId = value.requestId;
  if (isRecord(value.params)) problem.params = value.params;
  if (Array.isArray(value.errors)) {
    problem.errors = value.errors.filter(isRecord).map((e) => ({
      path: typeof e.path === 'string' ? e.path : '',
      message: typeof e.message === 'string' ? e.message : '',
    }));
  }
  return problem;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from the values that are set (empty strings, null and undefined are left out). */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** True when `error` is an API answer with this code. */
export function hasCode(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.code === code;
}

/** Any thrown value as an ApiError, for components that show errors. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({
    status: 0,
    code: 'UNKNOWN',
    detail: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

// Every stable error code the API can answer with. The web app translates each
// one (a test fails when a code lacks a zh-CN or en message), and the server maps
// each one to an HTTP status in platform/http/problem.ts.
export const ERROR_CODES = [
  // platform
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'ROUTE_NOT_FOUND',
  'NOT_FOUND',
  'CONFLICT',
  'WEB_NOT_BUILT',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

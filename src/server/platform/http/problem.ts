import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../../shared/error-codes.ts';
import { PROBLEM_CONTENT_TYPE, type FieldError, type Problem } from '../../../shared/problem.ts';

/** The one place where an error code becomes an HTTP status. */
export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_JSON':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN':
    case 'ACCOUNT_DISABLED':
    case 'PASSWORD_CHANGE_REQUIRED':
    case 'CSRF_TOKEN_INVALID':
    case 'SIGNATURE_SIGNER_MISMATCH':
    case 'SIGNATURE_PASSWORD_INVALID':
    case 'SIGNATURE_REQUIRES_USER':
    case 'CANNOT_CHANGE_OWN_ACCESS':
      return 403;
    case 'ROUTE_NOT_FOUND':
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'USERNAME_TAKEN':
    case 'ROLE_KEY_TAKEN':
    case 'LAST_ADMINISTRATOR':
      return 409;
    case 'PASSWORD_POLICY':
    case 'UNKNOWN_ROLE':
    case 'UNKNOWN_PERMISSION':
    case 'TOKEN_SCOPE_EXCEEDS_USER':
    case 'SIGNATURE_REQUIRED':
    case 'SIGNATURE_MEANING_NOT_ALLOWED':
      return 422;
    case 'ACCOUNT_LOCKED':
      return 423;
    case 'RATE_LIMITED':
      return 429;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'INTERNAL_ERROR':
      return 500;
    case 'WEB_NOT_BUILT':
    case 'SERVICE_UNAVAILABLE':
      return 503;
    default: {
      const unmapped: never = code;
      throw new Error(`No HTTP status for error code ${String(unmapped)}`);
    }
  }
}

/** English titles; people see the web app's translation of the code instead. */
const TITLES: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'The request does not match its schema',
  MALFORMED_JSON: 'The request body is not valid JSON',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  PAYLOAD_TOO_LARGE: 'The request body is too large',
  ROUTE_NOT_FOUND: 'No such API route',
  NOT_FOUND: 'The record does not exist',
  CONFLICT: 'The request conflicts with the current state',
  WEB_NOT_BUILT: 'The web app has not been built',
  SERVICE_UNAVAILABLE: 'The service is unavailable',
  INTERNAL_ERROR: 'Internal error',
  RATE_LIMITED: 'Too many requests',
  UNAUTHENTICATED: 'Sign-in required',
  INVALID_CREDENTIALS: 'Wrong username or password',
  FORBIDDEN: 'Not permitted',
  ACCOUNT_LOCKED: 'Account locked',
  ACCOUNT_DISABLED: 'Account disabled',
  PASSWORD_CHANGE_REQUIRED: 'Password change required',
  PASSWORD_POLICY: 'The password does not meet the policy',
  CSRF_TOKEN_INVALID: 'Missing or wrong CSRF token',
  USERNAME_TAKEN: 'Username taken',
  ROLE_KEY_TAKEN: 'Role key taken',
  UNKNOWN_ROLE: 'Unknown role',
  UNKNOWN_PERMISSION: 'Unknown permission',
  TOKEN_SCOPE_EXCEEDS_USER: "Token scope exceeds the user's permissions",
  CANNOT_CHANGE_OWN_ACCESS: 'Cannot change your own access',
  LAST_ADMINISTRATOR: 'The last administrator must remain',
  SIGNATURE_REQUIRED: 'Electronic signature required',
  SIGNATURE_SIGNER_MISMATCH: 'Only the signed-in user can sign',
  SIGNATURE_PASSWORD_INVALID: 'Wrong password for the signature',
  SIGNATURE_MEANING_NOT_ALLOWED: 'Signature meaning not allowed here',
  SIGNATURE_REQUIRES_USER: 'Signatures need a signed-in person',
};

export interface ProblemInput {
  code: ErrorCode;
  detail?: string;
  params?: Record<string, unknown>;
  errors?: FieldError[];
}

export function buildProblem(request: FastifyRequest, input: ProblemInput): Problem {
  const status = statusForCode(input.code);
  const problem: Problem = {
    type: `urn:lotline:problem:${input.code}`,
    title: TITLES[input.code] ?? input.code,
    status,
    code: input.code,
    instance: request.url.split('?')[0],
    requestId: request.id,
  };
  if (input.detail) problem.detail = input.detail;
  if (input.params && Object.keys(input.params).length > 0) problem.params = input.params;
  if (input.errors) problem.errors = input.errors;
  return problem;
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  input: ProblemInput,
): FastifyReply {
  const problem = buildProblem(request, input);
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../../shared/error-codes.ts';
import { PROBLEM_CONTENT_TYPE, type FieldError, type Problem } from '../../../shared/problem.ts';

/** The one place where an error code becomes an HTTP status. */
export function statusForCode(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_JSON':
      return 400;
    case 'ROUTE_NOT_FOUND':
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
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

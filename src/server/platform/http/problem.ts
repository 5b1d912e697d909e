import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  moduleErrorSpec,
  type CoreErrorCode,
  type ErrorCode,
} from '../../../shared/error-codes.ts';
import { PROBLEM_CONTENT_TYPE, type FieldError, type Problem } from '../../../shared/problem.ts';

/**
 * The one place where an error code becomes an HTTP status: the platform's codes
 * here, each module's in its own <module>.errors.ts (typed to the allowed statuses).
 */
export function statusForCode(code: ErrorCode): number {
  return moduleErrorSpec(code)?.status ?? coreStatusForCode(code as CoreErrorCode);
}

function coreStatusForCode(code: CoreErrorCode): number {
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
    case 'ITEM_CODE_TAKEN':
    case 'DEVICE_DI_TAKEN':
      return 409;
    case 'PASSWORD_POLICY':
    case 'UNKNOWN_ROLE':
    case 'UNKNOWN_PERMISSION':
    case 'TOKEN_SCOPE_EXCEEDS_USER':
    case 'SIGNATURE_REQUIRED':
    case 'SIGNATURE_MEANING_NOT_ALLOWED':
    case 'UDI_UNRECOGNISED':
    case 'GS1_EMPTY':
    case 'GS1_UNKNOWN_AI':
    case 'GS1_BAD_LENGTH':
    case 'GS1_BAD_CHARSET':
    case 'GS1_CHECK_DIGIT':
    case 'GS1_INVALID_DATE':
    case 'GS1_INVALID_VALUE':
    case 'GS1_DUPLICATE_AI':
    case 'GS1_MISSING_REQUIRED_AI':
    case 'GS1_EXCLUDED_AI_COMBINATION':
    case 'DL_NOT_A_DIGITAL_LINK':
    case 'DL_BAD_PATH_ORDER':
    case 'DL_QUALIFIER_IN_QUERY':
    case 'DL_NOT_A_DATA_ATTRIBUTE':
    case 'HIBC_BAD_FORMAT':
    case 'HIBC_CHECK_CHARACTER':
    case 'HIBC_INVALID_DATE':
    case 'UDI_CANNOT_RENDER':
    case 'UDI_LABEL_OVERFLOW':
    case 'NOT_A_FINISHED_DEVICE':
    case 'INVALID_DEVICE_IDENTIFIER':
    case 'DEVICE_LABEL_MISSING_TRACKING_ID':
    case 'CSV_UNREADABLE':
    case 'CSV_IMPORT_REJECTED':
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
const TITLES: Partial<Record<CoreErrorCode, string>> = {
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
  UDI_UNRECOGNISED: 'Not a GS1, GS1 Digital Link or HIBC code',
  GS1_EMPTY: 'The scan holds no data',
  GS1_UNKNOWN_AI: 'Unknown GS1 Application Identifier',
  GS1_BAD_LENGTH: 'Wrong length for the GS1 Application Identifier',
  GS1_BAD_CHARSET: 'Character not allowed for the GS1 Application Identifier',
  GS1_CHECK_DIGIT: 'Wrong GS1 check digit',
  GS1_INVALID_DATE: 'Invalid date in GS1 data',
  GS1_INVALID_VALUE: 'Invalid value for the GS1 Application Identifier',
  GS1_DUPLICATE_AI: 'GS1 Application Identifier repeated with a different value',
  GS1_MISSING_REQUIRED_AI: 'A required GS1 Application Identifier is missing',
  GS1_EXCLUDED_AI_COMBINATION: 'GS1 Application Identifiers that may not appear together',
  DL_NOT_A_DIGITAL_LINK: 'Not a GS1 Digital Link',
  DL_BAD_PATH_ORDER: 'GS1 Digital Link path in the wrong order',
  DL_QUALIFIER_IN_QUERY: 'GS1 Digital Link key qualifier in the query string',
  DL_NOT_A_DATA_ATTRIBUTE: 'Not allowed as a GS1 Digital Link data attribute',
  HIBC_BAD_FORMAT: 'Malformed HIBC data',
  HIBC_CHECK_CHARACTER: 'Wrong HIBC check character',
  HIBC_INVALID_DATE: 'Invalid date in HIBC data',
  UDI_CANNOT_RENDER: 'The data cannot be drawn in this barcode symbology',
  UDI_LABEL_OVERFLOW: 'The label has no room for this data at a legible size',
  ITEM_CODE_TAKEN: 'Item code taken',
  DEVICE_DI_TAKEN: 'Device identifier already used',
  NOT_A_FINISHED_DEVICE: 'Not a finished device',
  INVALID_DEVICE_IDENTIFIER: 'Invalid device identifier',
  DEVICE_LABEL_MISSING_TRACKING_ID: 'The label must carry the tracking identifier',
  CSV_UNREADABLE: 'The CSV file cannot be read',
  CSV_IMPORT_REJECTED: 'The CSV import was refused; nothing was imported',
};

function titleForCode(code: ErrorCode): string {
  return moduleErrorSpec(code)?.title ?? TITLES[code as CoreErrorCode] ?? code;
}

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
    title: titleForCode(input.code),
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

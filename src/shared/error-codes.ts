import { CHANGES_ERRORS } from './changes.errors.ts';
import { DOCUMENTS_ERRORS } from './documents.errors.ts';
import { ENGINEERING_ERRORS } from './engineering.errors.ts';
import { INSPECTION_ERRORS } from './inspection.errors.ts';
import { LOTS_ERRORS } from './lots.errors.ts';
import type { ModuleErrorSpec } from './module-errors.ts';
import { PARTNERS_ERRORS } from './partners.errors.ts';
import { PLANT_ERRORS } from './plant.errors.ts';
import { PURCHASING_ERRORS } from './purchasing.errors.ts';

// Every stable error code the API can answer with. The web app translates each
// one (a test fails when a code lacks a zh-CN or en message), and the server maps
// each one to an HTTP status in platform/http/problem.ts.
/** What can be wrong with scanned or typed GS1 / HIBC data (modules/udi). */
export const UDI_ERROR_CODES = [
  'UDI_UNRECOGNISED',
  'GS1_EMPTY',
  'GS1_UNKNOWN_AI',
  'GS1_BAD_LENGTH',
  'GS1_BAD_CHARSET',
  'GS1_CHECK_DIGIT',
  'GS1_INVALID_DATE',
  'GS1_INVALID_VALUE',
  'GS1_DUPLICATE_AI',
  'GS1_MISSING_REQUIRED_AI',
  'GS1_EXCLUDED_AI_COMBINATION',
  'DL_NOT_A_DIGITAL_LINK',
  'DL_BAD_PATH_ORDER',
  'DL_QUALIFIER_IN_QUERY',
  'DL_NOT_A_DATA_ATTRIBUTE',
  'HIBC_BAD_FORMAT',
  'HIBC_CHECK_CHARACTER',
  'HIBC_INVALID_DATE',
] as const;

export const CORE_ERROR_CODES = [
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
  'RATE_LIMITED',
  // identity and access
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'PASSWORD_CHANGE_REQUIRED',
  'PASSWORD_POLICY',
  'CSRF_TOKEN_INVALID',
  'USERNAME_TAKEN',
  'ROLE_KEY_TAKEN',
  'UNKNOWN_ROLE',
  'UNKNOWN_PERMISSION',
  'TOKEN_SCOPE_EXCEEDS_USER',
  'CANNOT_CHANGE_OWN_ACCESS',
  'LAST_ADMINISTRATOR',
  // electronic signatures
  'SIGNATURE_REQUIRED',
  'SIGNATURE_SIGNER_MISMATCH',
  'SIGNATURE_PASSWORD_INVALID',
  'SIGNATURE_MEANING_NOT_ALLOWED',
  'SIGNATURE_REQUIRES_USER',
  // udi: parsing and validating (UDI_ERROR_CODES), then drawing symbols and labels
  ...UDI_ERROR_CODES,
  'UDI_CANNOT_RENDER',
  'UDI_LABEL_OVERFLOW',
  // items
  'ITEM_CODE_TAKEN',
  'DEVICE_DI_TAKEN',
  'NOT_A_FINISHED_DEVICE',
  'INVALID_DEVICE_IDENTIFIER',
  'DEVICE_LABEL_MISSING_TRACKING_ID',
  // CSV import (platform): the file itself cannot be read, or rows are refused
  'CSV_UNREADABLE',
  'CSV_IMPORT_REJECTED',
] as const;

/** Codes of the business modules, each declared with its status in <module>.errors.ts. */
export const MODULE_ERRORS = {
  ...PARTNERS_ERRORS,
  ...PLANT_ERRORS,
  ...DOCUMENTS_ERRORS,
  ...ENGINEERING_ERRORS,
  ...CHANGES_ERRORS,
  ...LOTS_ERRORS,
  ...PURCHASING_ERRORS,
  ...INSPECTION_ERRORS,
} as const satisfies Record<string, ModuleErrorSpec>;

export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];
export type ModuleErrorCode = keyof typeof MODULE_ERRORS;
export type ErrorCode = CoreErrorCode | ModuleErrorCode;

export const ERROR_CODES: readonly ErrorCode[] = [
  ...CORE_ERROR_CODES,
  ...(Object.keys(MODULE_ERRORS) as ModuleErrorCode[]),
];

const MODULE_ERROR_SPECS: Readonly<Record<string, ModuleErrorSpec>> = MODULE_ERRORS;

/** The status and title of a module's code; undefined for the platform's own codes. */
export function moduleErrorSpec(code: ErrorCode): ModuleErrorSpec | undefined {
  return Object.hasOwn(MODULE_ERROR_SPECS, code) ? MODULE_ERROR_SPECS[code] : undefined;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

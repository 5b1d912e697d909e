import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/partners: code → HTTP status and English title.
export const PARTNERS_ERRORS = {
  SUPPLIER_CODE_TAKEN: { status: 409, title: 'Another supplier already uses this code' },
  SUPPLIER_STATUS_TRANSITION_NOT_ALLOWED: {
    status: 409,
    title: "The supplier's approval status cannot change this way",
  },
  SUPPLIER_DISQUALIFIED: {
    status: 409,
    title: 'The supplier is disqualified: re-evaluate it before listing items',
  },
  SUPPLIER_ITEM_OBSOLETE: { status: 422, title: 'An obsolete item cannot be approved for supply' },
  SUPPLIER_ITEM_ALREADY_LISTED: {
    status: 409,
    title: "The item is already on the supplier's approved list",
  },
  SUPPLIER_ITEM_ALREADY_ENDED: {
    status: 409,
    title: "The item was already taken off the supplier's approved list",
  },
  SUPPLIER_NOT_APPROVED: { status: 409, title: 'The supplier is not approved' },
  SUPPLIER_ITEM_NOT_APPROVED: {
    status: 409,
    title: 'The supplier is not approved for this item',
  },
  CERTIFICATE_DATES_INVALID: { status: 422, title: 'A certificate cannot end before it starts' },
  CERTIFICATE_REPLACEMENT_INVALID: {
    status: 422,
    title: "A certificate renews one of the same supplier's certificates of the same type",
  },
  CERTIFICATE_ALREADY_SUPERSEDED: {
    status: 409,
    title: 'That certificate has already been renewed',
  },
  CERTIFICATE_FILE_TYPE_MISMATCH: {
    status: 422,
    title: 'The file content does not match its declared type',
  },
  CERTIFICATE_FILE_CHECKSUM_MISMATCH: {
    status: 422,
    title: 'The uploaded file does not match its SHA-256 checksum',
  },
  CERTIFICATE_FILE_MISSING: { status: 404, title: 'The certificate has no file attached' },
  CUSTOMER_CODE_TAKEN: { status: 409, title: 'Another customer already uses this code' },
  CONTACT_UNREACHABLE: {
    status: 422,
    title: 'A contact needs a phone number or an e-mail address',
  },
} as const satisfies ModuleErrors;

import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/documents: code → HTTP status and English title.
// Documents also use VERSION_LOCKED, VERSION_WRONG_STATUS and
// EFFECTIVE_DATE_IN_PAST from engineering.errors.ts.
export const DOCUMENTS_ERRORS = {
  DOCUMENT_APPROVER_IS_AUTHOR: {
    status: 403,
    title: 'The author of a revision cannot approve it',
  },
  DOCUMENT_NUMBER_TAKEN: {
    status: 409,
    title: 'Document number taken',
  },
  DOCUMENT_OWNER_UNKNOWN: {
    status: 422,
    title: 'The document owner is not an active user',
  },
  DOCUMENT_FILE_MISSING: {
    status: 422,
    title: 'The document version has no file',
  },
  DOCUMENT_FILE_INVALID: {
    status: 422,
    title: 'The file is empty or not valid base64',
  },
  DOCUMENT_FILE_TOO_LARGE: {
    status: 422,
    title: 'The file is larger than 10 MiB',
  },
  DOCUMENT_VERSION_NOT_EFFECTIVE: {
    status: 409,
    title: 'The document version is not effective',
  },
  DOCUMENT_VERSION_NOT_USABLE: {
    status: 422,
    title: 'Only an approved or effective document version can be linked',
  },
} as const satisfies ModuleErrors;

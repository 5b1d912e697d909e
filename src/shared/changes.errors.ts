import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/changes: code → HTTP status and English title.
export const CHANGES_ERRORS = {
  CHANGE_REQUEST_LOCKED: {
    status: 409,
    title: 'Only a draft change request can be edited',
  },
  CHANGE_REQUEST_WRONG_STATUS: {
    status: 409,
    title: 'The change request is not in a status that allows this',
  },
  CHANGE_REQUEST_EMPTY: {
    status: 422,
    title: 'The change request names no affected records',
  },
  CHANGE_TARGET_INVALID: {
    status: 422,
    title: 'An affected record is unknown, repeated or does not fit',
  },
  PROPOSED_VERSION_NOT_APPROVED: {
    status: 409,
    title: 'A proposed version is not approved',
  },
} as const satisfies ModuleErrors;

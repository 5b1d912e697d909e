import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/lots (trace units, quality status, stock ledger):
// code → HTTP status and English title.
export const LOTS_ERRORS = {
  LOT_NOT_FOUND: { status: 404, title: 'No such lot or serial' },
  LOT_NOT_RELEASED: { status: 409, title: 'The lot is not released for use' },
  LOT_ON_HOLD: { status: 409, title: 'The lot is on hold' },
  LOT_EXPIRED: { status: 409, title: 'The lot has expired' },
  LOT_RECALLED: { status: 409, title: 'The lot has been recalled' },
  LOT_REJECTED: { status: 409, title: 'The lot has been rejected' },
  LOT_STATUS_TRANSITION: {
    status: 409,
    title: 'The lot cannot move from its current quality status to the one asked for',
  },
  STOCK_INSUFFICIENT: {
    status: 409,
    title: 'Not enough stock of the lot at that location',
  },
} as const satisfies ModuleErrors;

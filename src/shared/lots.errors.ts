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
  LOT_CODE_TAKEN: {
    status: 409,
    title: 'Another lot or serial of this item already uses this code',
  },
  LOT_SERIAL_QUANTITY: { status: 422, title: 'A serial is exactly one unit' },
  LOT_SERIAL_INDIVISIBLE: { status: 422, title: 'A serial cannot be split or merged' },
  LOT_UNIT_MISMATCH: { status: 422, title: "The quantity is not in the item's unit" },
  LOT_DATES_INVALID: { status: 422, title: 'A lot cannot expire before it was made' },
  LOT_MERGE_MISMATCH: {
    status: 422,
    title: 'Only lots of the same item, unit and quality status can be merged',
  },
  LOT_MERGE_DUPLICATE: { status: 422, title: 'A lot is named twice in the merge' },
  STOCK_SAME_LOCATION: { status: 422, title: 'A transfer goes to a different location' },
  STOCK_MOVEMENT_ALREADY_REVERSED: { status: 409, title: 'The movement has already been reversed' },
  STOCK_MOVEMENT_NOT_REVERSIBLE: {
    status: 409,
    title: 'Only transfers, issues, adjustments and scrap are corrected by reversal',
  },
} as const satisfies ModuleErrors;

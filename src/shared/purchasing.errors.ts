import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/purchasing (purchase orders, receipts, returns):
// code → HTTP status and English title.
export const PURCHASING_ERRORS = {
  PURCHASE_ORDER_NOT_FOUND: { status: 404, title: 'No such purchase order' },
  SUPPLIER_NOT_APPROVED_FOR_ITEM: {
    status: 409,
    title: 'The supplier is not approved for this item',
  },
  SUPPLIER_DISQUALIFIED: { status: 409, title: 'The supplier is disqualified' },
  RECEIPT_OVER_TOLERANCE: {
    status: 409,
    title: 'The quantity received would exceed the ordered quantity beyond the tolerance',
  },
} as const satisfies ModuleErrors;

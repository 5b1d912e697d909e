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
  PURCHASE_ORDER_LINE_NOT_FOUND: { status: 404, title: 'No such purchase order line' },
  PURCHASE_ORDER_NOT_DRAFT: { status: 409, title: 'Only a draft purchase order can be changed' },
  PURCHASE_ORDER_STATUS_TRANSITION: {
    status: 409,
    title: 'The purchase order cannot move from its current status to the one asked for',
  },
  PURCHASE_ORDER_NOT_RECEIVABLE: {
    status: 409,
    title: 'Goods are received only against an open or partially received purchase order',
  },
  PURCHASE_ORDER_ITEM_NOT_PURCHASABLE: {
    status: 422,
    title: 'Only an active, tracked item can be ordered',
  },
  RECEIPT_NOT_FOUND: { status: 404, title: 'No such receipt' },
  RECEIPT_SCAN_INVALID: { status: 422, title: 'The scanned label could not be read' },
  RECEIPT_GTIN_MISMATCH: {
    status: 422,
    title: "The scanned GTIN is not the ordered item's device identifier",
  },
  RECEIPT_QUANTITY_REQUIRED: {
    status: 422,
    title: 'Give the quantity received (the label carries none)',
  },
  RECEIPT_SUPPLIER_LOT_REQUIRED: { status: 422, title: "The supplier's lot number is required" },
  RECEIPT_SERIALS_INVALID: {
    status: 422,
    title: 'A serial-tracked item needs one distinct serial number per unit received',
  },
  RECEIPT_DATES_INVALID: {
    status: 422,
    title: 'The manufacture date cannot be after the expiry date or in the future',
  },
  RECEIPT_LOCATION_NOT_QUARANTINE: {
    status: 422,
    title: 'Received goods go to an active quarantine location',
  },
  RECEIPT_NO_QUARANTINE_LOCATION: {
    status: 409,
    title: 'There is no active quarantine location to receive into',
  },
  RECEIPT_CERTIFICATE_MISSING: { status: 404, title: 'The receipt has no certificate of analysis' },
  SUPPLIER_RETURN_NOT_RECEIVED: {
    status: 422,
    title: 'Only a lot or serial received on a purchase order can be returned to its supplier',
  },
} as const satisfies ModuleErrors;

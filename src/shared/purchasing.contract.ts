import { z } from 'zod';
import { quantityString } from './engineering.contract.ts';
import { listQuerySchema } from './list.ts';
import { fileUploadSchema, storedFileSchema, SUPPLIER_STATUSES } from './partners.contract.ts';

export const PURCHASE_ORDER_STATUSES = [
  'draft',
  'open',
  'partially_received',
  'received',
  'closed',
  'cancelled',
] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];
/** How a receipt's supplier lot data came in. */
export const RECEIPT_ENTRY_MODES = ['scan', 'typed'] as const;
/** Whether a scanned GTIN is the PO line item's device identifier. */
export const SCAN_ITEM_MATCHES = [
  'match',
  'mismatch',
  'item_has_no_gtin',
  'scan_has_no_gtin',
] as const;
/** Default over-receipt tolerance in % (setting purchasing.over_receipt_tolerance_percent). */
export const DEFAULT_OVER_RECEIPT_TOLERANCE_PERCENT = 10;

const text = (max: number) => z.string().trim().min(1).max(max);
const reason = text(500);
const calendarDate = z.iso.date();
const positiveQuantity = quantityString.refine((v) => /[1-9]/.test(v), {
  error: 'a quantity above zero',
});

// ---------------------------------------------------------------- references

export const purchasingSupplierRefSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    legalNameZh: z.string(),
    legalNameEn: z.string(),
    approvalStatus: z.enum(SUPPLIER_STATUSES),
  })
  .meta({ id: 'PurchasingSupplierRef' });

export const purchasingItemRefSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    uom: z.string(),
    tracking: z.enum(['lot', 'serial', 'none']),
    gtins: z
      .array(z.string())
      .meta({ description: "GTIN-14s of the item's device model (unit of use, then packages)" }),
  })
  .meta({ id: 'PurchasingItemRef' });

export const purchasingLocationRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.string(),
});

const personRef = z.object({ id: z.string().nullable(), name: z.string() });

// ---------------------------------------------------------------- purchase orders

export const purchaseOrderLineSchema = z
  .object({
    id: z.string(),
    lineNo: z.number().int(),
    item: purchasingItemRefSchema,
    quantity: z.string(),
    unit: z.string(),
    dueDate: calendarDate,
    receivedQuantity: z.string(),
    returnedQuantity: z.string(),
    openQuantity: z
      .string()
      .meta({ description: 'quantity − received, never below zero (returns do not reopen)' }),
    note: z.string().nullable(),
  })
  .meta({ id: 'PurchaseOrderLine' });
export type PurchaseOrderLine = z.infer<typeof purchaseOrderLineSchema>;

export const purchaseOrderSchema = z
  .object({
    id: z.string(),
    code: z.string().meta({ description: 'PO-0001' }),
    supplier: purchasingSupplierRefSchema,
    status: z.enum(PURCHASE_ORDER_STATUSES),
    supplierReference: z.string().nullable(),
    note: z.string().nullable(),
    statusReason: z.string().nullable().meta({ description: 'Why it was cancelled or closed' }),
    lines: z.array(purchaseOrderLineSchema),
    placedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    createdBy: personRef,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PurchaseOrder' });
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

export const purchaseOrderLineInputSchema = z.object({
  itemId: z.uuid(),
  quantity: positiveQuantity,
  unit: text(20).optional().meta({ description: "Default: the item's unit of measure" }),
  dueDate: calendarDate,
  note: text(500).nullable().optional(),
});
export type PurchaseOrderLineInput = z.infer<typeof purchaseOrderLineInputSchema>;

export const createPurchaseOrderSchema = z.object({
  supplierId: z.uuid(),
  supplierReference: text(100).nullable().optional(),
  note: text(2000).nullable().optional(),
  lines: z.array(purchaseOrderLineInputSchema).min(1).max(200),
  reason: reason.optional(),
});
export type CreatePurchaseOrderInput = z.infer<typeof createPurchaseOrderSchema>;

/** Only a draft is edited; `lines` (when given) replaces all lines. */
export const updatePurchaseOrderSchema = z.object({
  supplierReference: text(100).nullable().optional(),
  note: text(2000).nullable().optional(),
  lines: z.array(purchaseOrderLineInputSchema).min(1).max(200).optional(),
  reason,
});
export type UpdatePurchaseOrderInput = z.infer<typeof updatePurchaseOrderSchema>;

export const placePurchaseOrderSchema = z.object({ reason: reason.optional() });
export const endPurchaseOrderSchema = z.object({ reason });

export const purchaseOrderListQuerySchema = listQuerySchema.extend({
  status: z.enum(PURCHASE_ORDER_STATUSES).optional(),
  supplierId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  dueFrom: calendarDate.optional().meta({ description: 'Some line due on or after' }),
  dueTo: calendarDate.optional().meta({ description: 'Some line due on or before' }),
  receivable: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .meta({ description: 'Only open or partially received orders' }),
});

// ---------------------------------------------------------------- receipts

export const receiptTraceUnitSchema = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(['lot', 'serial']),
  quantity: z.string(),
});

export const receiptInspectionSchema = z.object({
  id: z.string(),
  code: z.string(),
  sampleSize: z.number().int(),
  traceUnitId: z.string(),
});

export const receiptSchema = z
  .object({
    id: z.string(),
    code: z.string().meta({ description: 'RCV-0001' }),
    purchaseOrder: z.object({ id: z.string(), code: z.string() }),
    purchaseOrderLineId: z.string(),
    lineNo: z.number().int(),
    supplier: purchasingSupplierRefSchema,
    item: purchasingItemRefSchema,
    quantity: z.string(),
    unit: z.string(),
    entryMode: z.enum(RECEIPT_ENTRY_MODES),
    scanData: z.string().nullable().meta({ description: 'The scanned label text, as read' }),
    gtin: z.string().nullable(),
    supplierLot: z.string().nullable(),
    expiresOn: calendarDate.nullable(),
    manufacturedOn: calendarDate.nullable(),
    serials: z.array(z.string()),
    location: purchasingLocationRefSchema,
    traceUnits: z.array(receiptTraceUnitSchema),
    inspections: z.array(receiptInspectionSchema),
    certificate: storedFileSchema.nullable(),
    receivedOn: calendarDate,
    dueDate: calendarDate,
    onTime: z.boolean().meta({ description: 'Received on or before the line due date' }),
    note: z.string().nullable(),
    receivedBy: personRef,
    receivedAt: z.iso.datetime(),
  })
  .meta({ id: 'Receipt' });
export type Receipt = z.infer<typeof receiptSchema>;

export const createReceiptSchema = z.object({
  purchaseOrderLineId: z.uuid(),
  scan: z.string().min(1).max(2000).optional().meta({
    description:
      'The supplier label as scanned: GS1 element string (bracketed, or with GS/^ and an optional symbology identifier) or GS1 Digital Link. Gives lot (10), expiry (17), production date (11), serial (21), GTIN (01) and quantity (30)/(37)',
  }),
  quantity: positiveQuantity
    .optional()
    .meta({ description: 'Required unless the scan carries (30) or (37), or serials are given' }),
  supplierLot: text(60).optional().meta({ description: 'Typed; overrides nothing in a scan' }),
  expiresOn: calendarDate.optional(),
  manufacturedOn: calendarDate.optional(),
  serials: z
    .array(text(60))
    .max(1000)
    .optional()
    .meta({ description: 'For serial-tracked items: one trace unit each' }),
  locationId: z
    .uuid()
    .optional()
    .meta({ description: 'A quarantine location; default the first active one' }),
  certificate: fileUploadSchema.optional().meta({ description: 'Certificate of analysis' }),
  receivedOn: calendarDate.optional().meta({ description: 'Default today' }),
  note: text(2000).optional(),
  reason: reason.optional(),
});
export type CreateReceiptInput = z.infer<typeof createReceiptSchema>;

export const receiptListQuerySchema = listQuerySchema.extend({
  purchaseOrderId: z.uuid().optional(),
  supplierId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  from: calendarDate.optional().meta({ description: 'Received on or after' }),
  to: calendarDate.optional().meta({ description: 'Received on or before' }),
});

// ---------------------------------------------------------------- scan preview

export const parseReceiptScanSchema = z.object({
  purchaseOrderLineId: z.uuid(),
  scan: z.string().min(1).max(2000),
});

export const scanProblemSchema = z.object({
  code: z.string().meta({
    description:
      'A UDI parse code (GS1_*, UDI_*), or RECEIPT_GTIN_MISMATCH, LOT_EXPIRED, RECEIPT_OVER_TOLERANCE, RECEIPT_SUPPLIER_LOT_REQUIRED, RECEIPT_SERIAL_REQUIRED',
  }),
  message: z.string(),
});

export const receiptScanPreviewSchema = z
  .object({
    ok: z.boolean().meta({ description: 'true when receiving this scan would be accepted' }),
    itemMatch: z.enum(SCAN_ITEM_MATCHES).nullable(),
    gtin: z.string().nullable(),
    supplierLot: z.string().nullable(),
    serial: z.string().nullable(),
    expiresOn: calendarDate.nullable(),
    manufacturedOn: calendarDate.nullable(),
    expired: z.boolean(),
    quantity: z
      .string()
      .nullable()
      .meta({ description: 'From (30)/(37); null when the label carries none' }),
    line: purchaseOrderLineSchema,
    maxReceivable: z.string().meta({ description: 'Open quantity plus the tolerance' }),
    problems: z.array(scanProblemSchema),
  })
  .meta({ id: 'ReceiptScanPreview' });
export type ReceiptScanPreview = z.infer<typeof receiptScanPreviewSchema>;

// ---------------------------------------------------------------- supplier returns

export const supplierReturnSchema = z
  .object({
    id: z.string(),
    code: z.string().meta({ description: 'RTS-0001' }),
    purchaseOrder: z.object({ id: z.string(), code: z.string() }),
    purchaseOrderLineId: z.string(),
    receiptId: z.string(),
    supplier: purchasingSupplierRefSchema,
    traceUnit: z.object({ id: z.string(), code: z.string() }),
    location: purchasingLocationRefSchema,
    quantity: z.string(),
    unit: z.string(),
    reason: z.string(),
    returnedBy: personRef,
    returnedAt: z.iso.datetime(),
  })
  .meta({ id: 'SupplierReturn' });
export type SupplierReturn = z.infer<typeof supplierReturnSchema>;

export const createSupplierReturnSchema = z.object({
  traceUnitId: z.uuid().meta({ description: 'A lot or serial received on a PO' }),
  locationId: z.uuid(),
  quantity: positiveQuantity,
  reason,
});

export const supplierReturnListQuerySchema = listQuerySchema.extend({
  purchaseOrderId: z.uuid().optional(),
  supplierId: z.uuid().optional(),
  traceUnitId: z.uuid().optional(),
});

export const purchaseOrderDetailSchema = purchaseOrderSchema
  .extend({
    receipts: z.array(receiptSchema),
    returns: z.array(supplierReturnSchema),
  })
  .meta({ id: 'PurchaseOrderDetail' });
export type PurchaseOrderDetail = z.infer<typeof purchaseOrderDetailSchema>;

// ---------------------------------------------------------------- scorecard

export const scorecardQuerySchema = z.object({
  from: calendarDate.optional().meta({ description: 'Receipts received on or after' }),
  to: calendarDate.optional().meta({ description: 'Receipts received on or before' }),
});

export const supplierScorecardRowSchema = z
  .object({
    supplier: purchasingSupplierRefSchema,
    receipts: z.number().int(),
    onTimeReceipts: z.number().int(),
    onTimeRate: z
      .number()
      .nullable()
      .meta({ description: 'onTimeReceipts / receipts, 0..1; null without receipts' }),
    lotsReceived: z.number().int(),
    lotsReleased: z.number().int(),
    lotsRejected: z.number().int(),
    lotsPending: z.number().int(),
    acceptanceRate: z.number().nullable().meta({
      description: 'lotsReleased / (lotsReleased + lotsRejected), 0..1; null with none decided',
    }),
  })
  .meta({ id: 'SupplierScorecardRow' });
export type SupplierScorecardRow = z.infer<typeof supplierScorecardRowSchema>;

export const supplierScorecardSchema = z.object({
  from: calendarDate.nullable(),
  to: calendarDate.nullable(),
  rows: z.array(supplierScorecardRowSchema),
});

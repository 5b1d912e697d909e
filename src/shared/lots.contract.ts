import { z } from 'zod';
import { LOCATION_KINDS } from './plant.contract.ts';
import { listQuerySchema } from './list.ts';
import { signatureInputSchema, signatureSchema } from './signatures.contract.ts';

// Trace units (lots, serials, containers), their quality status, activities and
// genealogy, and the stock ledger. Quantities are decimal strings, never floats.

export const TRACE_UNIT_KINDS = ['lot', 'serial', 'container'] as const;
export type TraceUnitKind = (typeof TRACE_UNIT_KINDS)[number];
export const QUALITY_STATUSES = [
  'quarantined',
  'released',
  'rejected',
  'on_hold',
  'recalled',
  'expired',
] as const;
export type QualityStatus = (typeof QUALITY_STATUSES)[number];
export const MOVEMENT_TYPES = [
  'receipt',
  'transfer',
  'issue',
  'adjustment',
  'scrap',
  'return_to_supplier',
  'split',
  'merge',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];
/** Movement types that POST /api/stock/movements/:id/reverse accepts. */
export const REVERSIBLE_MOVEMENT_TYPES = ['transfer', 'issue', 'adjustment', 'scrap'] as const;
export const ACTIVITY_TYPES = [
  'receive',
  'transfer',
  'issue',
  'adjust',
  'scrap',
  'return',
  'split',
  'merge',
  'reverse',
  'release',
  'reject',
  'hold',
  'release_hold',
  'recall',
  'expire',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const HOLD_SCOPES = ['item', 'supplier', 'supplier_lot'] as const;
export type HoldScope = (typeof HOLD_SCOPES)[number];
/** Locations of these kinds take only released, unexpired lots. */
export const GATED_LOCATION_KINDS = ['production', 'customer'] as const;
/** Default of the platform setting lots.expiry_warning_days. */
export const EXPIRY_WARNING_DAYS_DEFAULT = 30;

/** A positive decimal as a string (at most 12 digits before and 6 after the point). */
export const stockQuantity = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,6})?$/, { error: 'a positive decimal number such as 2 or 1.5' })
  .refine((v) => /[1-9]/.test(v), { error: 'must be more than zero' });
/** A signed, non-zero decimal: + adds stock, - removes it. */
export const signedStockQuantity = z
  .string()
  .trim()
  .regex(/^[-+]?\d{1,12}(\.\d{1,6})?$/, { error: 'a decimal number such as 5 or -2.5' })
  .refine((v) => /[1-9]/.test(v), { error: 'must not be zero' });
const reason = z.string().trim().min(1).max(500);
const calendarDate = z.iso.date();
const sourceSchema = z
  .object({ type: z.string(), id: z.string() })
  .meta({ description: 'The record that caused it, e.g. { type: "receipt", id }' });

// ---------------------------------------------------------------- trace units

export const lotListItemSchema = z
  .object({
    id: z.string(),
    kind: z.enum(TRACE_UNIT_KINDS),
    code: z.string(),
    itemId: z.string(),
    itemCode: z.string(),
    itemNameZh: z.string(),
    itemNameEn: z.string(),
    unit: z.string(),
    qualityStatus: z.enum(QUALITY_STATUSES),
    manufacturedOn: calendarDate.nullable(),
    expiresOn: calendarDate
      .nullable()
      .meta({ description: 'Last day the lot may be used; expired from the day after' }),
    daysToExpiry: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'From today; negative once past' }),
    supplierId: z.string().nullable(),
    supplierCode: z.string().nullable(),
    supplierNameZh: z.string().nullable(),
    supplierNameEn: z.string().nullable(),
    supplierLot: z.string().nullable(),
    source: sourceSchema.nullable(),
    quantityOnHand: z.string().meta({ description: 'Sum over all locations' }),
    receivedQuantity: z.string().meta({ description: 'Quantity the lot was created with' }),
    holdReason: z.string().nullable().meta({ description: 'Why it is on hold, while on hold' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Lot' });
export type LotListItem = z.infer<typeof lotListItemSchema>;

export const lotLocationQuantitySchema = z
  .object({
    locationId: z.string(),
    locationCode: z.string(),
    locationPath: z.string(),
    locationKind: z.enum(LOCATION_KINDS),
    quantity: z.string(),
  })
  .meta({ id: 'LotLocationQuantity' });
export type LotLocationQuantity = z.infer<typeof lotLocationQuantitySchema>;

export const lotStatusChangeSchema = z
  .object({
    id: z.string(),
    fromStatus: z.enum(QUALITY_STATUSES).nullable(),
    toStatus: z.enum(QUALITY_STATUSES),
    reason: z.string().nullable(),
    activityId: z.string(),
    changedBy: z.string().meta({ description: 'Printed name of who changed it' }),
    changedAt: z.iso.datetime(),
    signature: signatureSchema.nullable(),
  })
  .meta({ id: 'LotStatusChange' });
export type LotStatusChange = z.infer<typeof lotStatusChangeSchema>;

export const activityUnitSchema = z
  .object({
    traceUnitId: z.string(),
    code: z.string(),
    itemId: z.string(),
    quantity: z.string().nullable(),
  })
  .meta({ id: 'ActivityUnit' });

export const activitySchema = z
  .object({
    id: z.string(),
    type: z.enum(ACTIVITY_TYPES),
    occurredAt: z.iso.datetime(),
    actorName: z.string(),
    locationId: z.string().nullable(),
    reason: z.string().nullable(),
    source: sourceSchema.nullable(),
    inputs: z.array(activityUnitSchema).meta({ description: 'Units consumed (split, merge)' }),
    outputs: z
      .array(activityUnitSchema)
      .meta({ description: 'Units made (receive, split, merge)' }),
    units: z
      .array(activityUnitSchema)
      .meta({ description: 'Units the event is about (hold, release, transfer, …)' }),
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof activitySchema>;

export const genealogyLinkSchema = z
  .object({
    traceUnitId: z.string(),
    code: z.string(),
    kind: z.enum(TRACE_UNIT_KINDS),
    itemId: z.string(),
    qualityStatus: z.enum(QUALITY_STATUSES),
    quantity: z.string().nullable().meta({ description: 'Quantity that went along the edge' }),
    activityId: z.string(),
    activityType: z.enum(ACTIVITY_TYPES),
    occurredAt: z.iso.datetime(),
  })
  .meta({ id: 'GenealogyLink' });
export type GenealogyLink = z.infer<typeof genealogyLinkSchema>;

export const lotDetailSchema = lotListItemSchema
  .extend({
    quantitiesByLocation: z.array(lotLocationQuantitySchema),
    statusHistory: z.array(lotStatusChangeSchema),
    activities: z.array(activitySchema).meta({ description: 'Newest first' }),
    genealogy: z.object({
      parents: z.array(genealogyLinkSchema).meta({ description: 'Units this one came from' }),
      children: z.array(genealogyLinkSchema).meta({ description: 'Units made from this one' }),
    }),
    signatures: z.array(signatureSchema),
  })
  .meta({ id: 'LotDetail' });
export type LotDetail = z.infer<typeof lotDetailSchema>;

export const lotListQuerySchema = listQuerySchema.extend({
  itemId: z.uuid().optional(),
  kind: z.enum(TRACE_UNIT_KINDS).optional(),
  status: z.enum(QUALITY_STATUSES).optional(),
  locationId: z
    .uuid()
    .optional()
    .meta({ description: 'Only lots with stock at this location or below it' }),
  supplierId: z.uuid().optional(),
  supplierLot: z.string().trim().min(1).max(100).optional(),
  expiresFrom: calendarDate.optional().meta({ description: 'Expiry on or after this day' }),
  expiresTo: calendarDate.optional().meta({ description: 'Expiry on or before this day' }),
  inStock: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'true: only lots with stock on hand' }),
});
export type LotListQuery = z.infer<typeof lotListQuerySchema>;

// ---------------------------------------------------------------- quality status actions

export const holdLotSchema = z.object({ reason });
export const signedLotActionSchema = z.object({
  reason: reason.optional(),
  signature: signatureInputSchema.optional().meta({
    description:
      'Required. Meaning: released (release, lift hold), rejected (reject), approved (recall)',
  }),
});
export const signedLotActionWithReasonSchema = signedLotActionSchema.extend({ reason });

export const bulkHoldSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('item'), itemId: z.uuid(), reason }),
  z.object({ scope: z.literal('supplier'), supplierId: z.uuid(), reason }),
  z.object({
    scope: z.literal('supplier_lot'),
    supplierId: z.uuid(),
    supplierLot: z.string().trim().min(1).max(100),
    reason,
  }),
]);
export type BulkHoldInput = z.infer<typeof bulkHoldSchema>;

const lotRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  qualityStatus: z.enum(QUALITY_STATUSES),
});
export const bulkHoldResultSchema = z
  .object({
    held: z.array(lotRefSchema).meta({ description: 'Lots put on hold (they were released)' }),
    skipped: z
      .array(lotRefSchema)
      .meta({ description: 'Lots in scope left as they are (not released), with their status' }),
  })
  .meta({ id: 'BulkHoldResult' });
export type BulkHoldResult = z.infer<typeof bulkHoldResultSchema>;

export const splitLotSchema = z.object({
  fromLocationId: z.uuid(),
  parts: z
    .array(z.object({ quantity: stockQuantity }))
    .min(1)
    .max(50)
    .meta({ description: 'One new lot per part, at the same location' }),
  reason,
});
export const mergeLotsSchema = z.object({
  locationId: z.uuid().meta({ description: 'Where the sources are and the merged lot will be' }),
  sources: z
    .array(z.object({ lotId: z.uuid(), quantity: stockQuantity }))
    .min(2)
    .max(50),
  reason,
});
export const lotRefListSchema = z.object({ items: z.array(lotListItemSchema) });

export const expiringLotsQuerySchema = z.object({
  days: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .meta({ description: 'Default: the setting lots.expiry_warning_days (30)' }),
});
export const expiringLotsSchema = z
  .object({
    days: z.number().int(),
    items: z.array(lotListItemSchema).meta({ description: 'Earliest expiry first' }),
  })
  .meta({ id: 'ExpiringLots' });

// ---------------------------------------------------------------- stock

export const stockMovementSchema = z
  .object({
    id: z.string(),
    type: z.enum(MOVEMENT_TYPES),
    traceUnitId: z.string(),
    traceUnitCode: z.string(),
    itemId: z.string(),
    itemCode: z.string(),
    fromLocationId: z.string().nullable(),
    fromLocationCode: z.string().nullable(),
    toLocationId: z.string().nullable(),
    toLocationCode: z.string().nullable(),
    quantity: z.string().meta({ description: 'Always positive; direction is from → to' }),
    unit: z.string(),
    reason: z.string(),
    reversesMovementId: z.string().nullable(),
    reversedByMovementId: z.string().nullable(),
    source: sourceSchema.nullable(),
    activityId: z.string(),
    createdBy: z.string().meta({ description: 'Printed name' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StockMovement' });
export type StockMovement = z.infer<typeof stockMovementSchema>;

export const stockMovementListQuerySchema = listQuerySchema.extend({
  lotId: z.uuid().optional(),
  itemId: z.uuid().optional(),
  locationId: z.uuid().optional().meta({ description: 'From or to this location' }),
  type: z.enum(MOVEMENT_TYPES).optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
});
export type StockMovementListQuery = z.infer<typeof stockMovementListQuerySchema>;

export const stockBalanceSchema = z
  .object({
    traceUnitId: z.string(),
    traceUnitCode: z.string(),
    kind: z.enum(TRACE_UNIT_KINDS),
    itemId: z.string(),
    itemCode: z.string(),
    itemNameZh: z.string(),
    itemNameEn: z.string(),
    qualityStatus: z.enum(QUALITY_STATUSES),
    expiresOn: calendarDate.nullable(),
    locationId: z.string(),
    locationCode: z.string(),
    locationPath: z.string(),
    locationKind: z.enum(LOCATION_KINDS),
    quantity: z.string(),
    unit: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'StockBalance' });
export type StockBalance = z.infer<typeof stockBalanceSchema>;

export const stockBalanceListQuerySchema = listQuerySchema.extend({
  locationId: z.uuid().optional().meta({ description: 'This location and everything below it' }),
  itemId: z.uuid().optional(),
  lotId: z.uuid().optional(),
  status: z.enum(QUALITY_STATUSES).optional(),
  includeEmpty: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'Also balances that went down to zero' }),
});
export type StockBalanceListQuery = z.infer<typeof stockBalanceListQuerySchema>;

export const transferSchema = z.object({
  lotId: z.uuid(),
  fromLocationId: z.uuid(),
  toLocationId: z.uuid(),
  quantity: stockQuantity,
  reason: reason.optional(),
});
export type TransferInput = z.infer<typeof transferSchema>;
export const adjustmentSchema = z.object({
  lotId: z.uuid(),
  locationId: z.uuid(),
  quantity: signedStockQuantity.meta({ description: '+ adds stock (found), - removes it (lost)' }),
  reason,
});
export type AdjustmentInput = z.infer<typeof adjustmentSchema>;
export const scrapSchema = z.object({
  lotId: z.uuid(),
  locationId: z.uuid(),
  quantity: stockQuantity,
  reason,
});
export type ScrapInput = z.infer<typeof scrapSchema>;
export const reverseMovementSchema = z.object({ reason });

export const fefoQuerySchema = z.object({
  itemId: z.uuid(),
  quantity: stockQuantity,
  locationId: z.uuid().optional().meta({ description: 'Only stock at this location or below' }),
});
export const fefoPickSchema = z
  .object({
    traceUnitId: z.string(),
    traceUnitCode: z.string(),
    expiresOn: calendarDate.nullable(),
    locationId: z.string(),
    locationCode: z.string(),
    locationPath: z.string(),
    available: z.string(),
    pick: z.string().meta({ description: 'Quantity to take from here' }),
  })
  .meta({ id: 'FefoPick' });
export const fefoSuggestionSchema = z
  .object({
    itemId: z.string(),
    quantity: z.string(),
    unit: z.string().nullable(),
    picks: z
      .array(fefoPickSchema)
      .meta({ description: 'Released, unexpired; earliest expiry first' }),
    sufficient: z.boolean(),
    shortfall: z.string().meta({ description: '0 when enough stock is available' }),
  })
  .meta({ id: 'FefoSuggestion' });
export type FefoSuggestion = z.infer<typeof fefoSuggestionSchema>;

export const stockMovementResultSchema = z
  .object({ movements: z.array(stockMovementSchema) })
  .meta({ id: 'StockMovementResult' });

import { z } from 'zod';
import { approvalStatusSchema } from './approvals.contract.ts';
import {
  calendarDateSchema,
  documentVersionRefSchema,
  personRefSchema,
} from './documents.contract.ts';
import { listQuerySchema } from './list.ts';
import { signatureInputSchema, signatureSchema } from './signatures.contract.ts';

export const ENGINEERING_KINDS = ['bom', 'routing'] as const;
export type EngineeringKind = (typeof ENGINEERING_KINDS)[number];

export const ENGINEERING_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'effective',
  'superseded',
  'obsolete',
] as const;
export type EngineeringStatus = (typeof ENGINEERING_STATUSES)[number];

export const INSPECTION_KINDS = ['in_process', 'final'] as const;
export const INSPECTION_RESULT_TYPES = ['measured', 'pass_fail'] as const;

/** A positive or zero decimal as a string (quantities never pass through floating point). */
export const quantityString = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,6})?$/, { error: 'a decimal number such as 2 or 1.8' });
/** A signed decimal as a string (process parameters, limits). */
export const measureString = z
  .string()
  .regex(/^-?\d{1,12}(\.\d{1,6})?$/, { error: 'a decimal number such as 180 or -20.5' });
/** A percentage from 0 to below 100. */
export const percentString = z
  .string()
  .regex(/^\d{1,2}(\.\d{1,4})?$/, { error: 'a percentage from 0 to 99.9999' });

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

export const itemRefSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    uom: z.string(),
    tracking: z.enum(['lot', 'serial', 'none']),
    status: z.enum(['active', 'blocked', 'obsolete']),
  })
  .meta({ id: 'EngineeringItemRef' });
export type ItemRef = z.infer<typeof itemRefSchema>;

// ---- inputs ----

export const bomLineInputSchema = z.object({
  componentItemId: z.uuid(),
  quantityPer: quantityString.meta({ description: 'Quantity of the component per one parent' }),
  uom: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .optional()
    .meta({ description: "The component's unit of measure (default); no conversions yet" }),
  scrapPct: percentString.optional().meta({ description: 'Scrap factor in %, default 0' }),
  recordTracking: z.boolean().optional().meta({
    description:
      "Whether the component's lot/serial must be recorded when consumed; default true for lot- or serial-tracked components",
  }),
  referenceDesignator: optionalText(500),
  note: optionalText(500),
});
export type BomLineInput = z.infer<typeof bomLineInputSchema>;

export const bomContentSchema = z.object({
  note: optionalText(2000),
  lines: z.array(bomLineInputSchema).max(500),
  documentVersionIds: z.array(z.uuid()).max(50).optional(),
});
export const createBomSchema = bomContentSchema.extend({ itemId: z.uuid() });
export type BomContentInput = z.infer<typeof bomContentSchema>;

export const processParameterInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  target: measureString.optional(),
  min: measureString.optional(),
  max: measureString.optional(),
  unit: optionalText(20),
});

export const inspectionPointInputSchema = z.object({
  characteristic: z.string().trim().min(1).max(200),
  kind: z.enum(INSPECTION_KINDS),
  method: z.string().trim().min(1).max(500),
  resultType: z.enum(INSPECTION_RESULT_TYPES),
  min: measureString.optional(),
  max: measureString.optional(),
  unit: optionalText(20),
});

export const routingOperationInputSchema = z.object({
  opNo: z.number().int().min(1).max(9999),
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  workCentre: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .meta({ description: 'Work centre key, e.g. the production location code LINE-IS' }),
  equipmentClass: optionalText(60),
  skillCode: optionalText(60).meta({ description: 'Qualification the operator must hold' }),
  note: optionalText(1000),
  documentVersionIds: z.array(z.uuid()).max(20).optional(),
  parameters: z.array(processParameterInputSchema).max(50).optional(),
  inspections: z.array(inspectionPointInputSchema).max(50).optional(),
});
export type RoutingOperationInput = z.infer<typeof routingOperationInputSchema>;

export const routingContentSchema = z.object({
  note: optionalText(2000),
  operations: z.array(routingOperationInputSchema).max(200),
});
export const createRoutingSchema = routingContentSchema.extend({ itemId: z.uuid() });
export type RoutingContentInput = z.infer<typeof routingContentSchema>;

export const approveVersionSchema = z.object({
  signature: signatureInputSchema,
  role: z.string().trim().min(1).max(64).optional().meta({
    description:
      'The required role this signature covers; default: the first required role the signer holds that is not yet covered',
  }),
});

export const engineeringListQuerySchema = listQuerySchema.extend({
  itemId: z.uuid().optional(),
  status: z.enum(ENGINEERING_STATUSES).optional(),
});

export const whereUsedQuerySchema = z.object({
  itemId: z.uuid(),
  status: z
    .enum(ENGINEERING_STATUSES)
    .optional()
    .meta({ description: 'Only BOM versions in this status (default: all)' }),
});

// ---- responses ----

const versionHeaderShape = {
  id: z.string(),
  itemId: z.string(),
  item: itemRefSchema,
  versionNo: z.number().int(),
  status: z.enum(ENGINEERING_STATUSES),
  note: z.string().nullable(),
  reviewRound: z.number().int(),
  copiedFromId: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  effectiveFrom: calendarDateSchema.nullable(),
  effectiveAt: z.iso.datetime().nullable(),
  supersededAt: z.iso.datetime().nullable(),
  supersededById: z.string().nullable(),
  obsoletedAt: z.iso.datetime().nullable(),
  changeRequestId: z.string().nullable(),
  createdBy: personRefSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

export const engineeringVersionSummarySchema = z
  .object({
    ...versionHeaderShape,
    kind: z.enum(ENGINEERING_KINDS),
    size: z.number().int().meta({ description: 'Number of BOM lines or routing operations' }),
  })
  .meta({ id: 'EngineeringVersionSummary' });
export type EngineeringVersionSummary = z.infer<typeof engineeringVersionSummarySchema>;

export const bomLineSchema = z.object({
  lineNo: z.number().int(),
  componentItemId: z.string(),
  component: itemRefSchema,
  quantityPer: z.string(),
  uom: z.string(),
  scrapPct: z.string(),
  recordTracking: z.boolean(),
  referenceDesignator: z.string().nullable(),
  note: z.string().nullable(),
});
export type BomLine = z.infer<typeof bomLineSchema>;

export const bomVersionSchema = z
  .object({
    ...versionHeaderShape,
    kind: z.literal('bom'),
    lines: z.array(bomLineSchema),
    documents: z.array(documentVersionRefSchema),
    approval: approvalStatusSchema,
    signatures: z.array(signatureSchema),
  })
  .meta({ id: 'BomVersion' });
export type BomVersion = z.infer<typeof bomVersionSchema>;

export const processParameterSchema = z.object({
  name: z.string(),
  target: z.string().nullable(),
  min: z.string().nullable(),
  max: z.string().nullable(),
  unit: z.string().nullable(),
});

export const inspectionPointSchema = z.object({
  characteristic: z.string(),
  kind: z.enum(INSPECTION_KINDS),
  method: z.string(),
  resultType: z.enum(INSPECTION_RESULT_TYPES),
  min: z.string().nullable(),
  max: z.string().nullable(),
  unit: z.string().nullable(),
});

export const routingOperationSchema = z.object({
  opNo: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  workCentre: z.string(),
  equipmentClass: z.string().nullable(),
  skillCode: z.string().nullable(),
  note: z.string().nullable(),
  documents: z.array(documentVersionRefSchema),
  parameters: z.array(processParameterSchema),
  inspections: z.array(inspectionPointSchema),
});
export type RoutingOperation = z.infer<typeof routingOperationSchema>;

export const routingVersionSchema = z
  .object({
    ...versionHeaderShape,
    kind: z.literal('routing'),
    operations: z.array(routingOperationSchema),
    approval: approvalStatusSchema,
    signatures: z.array(signatureSchema),
  })
  .meta({ id: 'RoutingVersion' });
export type RoutingVersion = z.infer<typeof routingVersionSchema>;

export const whereUsedEntrySchema = z
  .object({
    componentItemId: z.string(),
    bomVersionId: z.string(),
    parent: itemRefSchema,
    versionNo: z.number().int(),
    status: z.enum(ENGINEERING_STATUSES),
    lineNo: z.number().int(),
    quantityPer: z.string(),
    uom: z.string(),
  })
  .meta({ id: 'WhereUsedEntry' });
export type WhereUsedEntry = z.infer<typeof whereUsedEntrySchema>;

export const makeVersionEffectiveSchema = z.object({
  effectiveFrom: calendarDateSchema.optional().meta({
    description:
      'Recorded effectivity date (default today, UTC; never earlier). The version becomes effective now.',
  }),
});

/** A BOM or routing version (the lifecycle routes answer either, by their path). */
export const engineeringVersionSchema = z.discriminatedUnion('kind', [
  bomVersionSchema,
  routingVersionSchema,
]);
export type EngineeringVersion = z.infer<typeof engineeringVersionSchema>;

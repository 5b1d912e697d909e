import { z } from 'zod';
import { approvalStatusSchema } from './approvals.contract.ts';
import { personRefSchema } from './documents.contract.ts';
import { listQuerySchema } from './list.ts';
import { signatureInputSchema, signatureSchema } from './signatures.contract.ts';

export const CHANGE_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'rejected',
  'implemented',
  'cancelled',
] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const RISK_CLASSES = ['low', 'medium', 'high'] as const;

export const CHANGE_TARGET_TYPES = [
  'item',
  'bom_version',
  'routing_version',
  'document_version',
  'supplier',
] as const;
export type ChangeTargetType = (typeof CHANGE_TARGET_TYPES)[number];

const reason = z.string().trim().min(1).max(500);

export const changeTargetInputSchema = z.object({
  targetType: z.enum(CHANGE_TARGET_TYPES),
  targetId: z.uuid().meta({
    description: 'For versions: the proposed new version. For items and suppliers: the record.',
  }),
  supersedesId: z.uuid().optional().meta({
    description:
      'For versions: the version it replaces; default the one effective now (none: the first effective version)',
  }),
  note: z.string().trim().min(1).max(500).optional(),
});
export type ChangeTargetInput = z.infer<typeof changeTargetInputSchema>;

export const createChangeSchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(5000),
  reason: z.string().trim().min(1).max(2000),
  riskClass: z.enum(RISK_CLASSES),
  targets: z.array(changeTargetInputSchema).max(100).default([]),
});
export type CreateChangeInput = z.infer<typeof createChangeSchema>;

export const updateChangeSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().min(1).max(5000).optional(),
  reason: z.string().trim().min(1).max(2000).optional(),
  riskClass: z.enum(RISK_CLASSES).optional(),
  targets: z.array(changeTargetInputSchema).max(100).optional(),
});
export type UpdateChangeInput = z.infer<typeof updateChangeSchema>;

export const changeListQuerySchema = listQuerySchema.extend({
  status: z.enum(CHANGE_STATUSES).optional(),
  riskClass: z.enum(RISK_CLASSES).optional(),
  targetId: z
    .uuid()
    .optional()
    .meta({ description: 'Only change requests that name this record (e.g. a proposed version)' }),
});

export const approveChangeSchema = z.object({
  signature: signatureInputSchema,
  role: z.string().trim().min(1).max(64).optional(),
});
export const rejectChangeSchema = z.object({ signature: signatureInputSchema, reason });
export const changeReasonSchema = z.object({ reason });
export const implementChangeSchema = z.object({
  effectiveFrom: z.iso
    .date()
    .optional()
    .meta({ description: 'Recorded effectivity date of the versions (default today, UTC)' }),
});

// ---- impact ----

export const IMPACT_SECTION_KEYS = ['where_used', 'open_work_orders', 'stock'] as const;

export const impactItemSchema = z.object({
  itemId: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  why: z
    .array(
      z.enum([
        'target',
        'version_parent',
        'component_added',
        'component_removed',
        'component_changed',
      ]),
    )
    .meta({ description: 'Why the item is affected' }),
});

export const bomLineChangeSchema = z.object({
  change: z.enum(['added', 'removed', 'changed']),
  componentItemId: z.string(),
  componentCode: z.string(),
  before: z
    .object({
      quantityPer: z.string(),
      uom: z.string(),
      scrapPct: z.string(),
      recordTracking: z.boolean(),
    })
    .nullable(),
  after: z
    .object({
      quantityPer: z.string(),
      uom: z.string(),
      scrapPct: z.string(),
      recordTracking: z.boolean(),
    })
    .nullable(),
});

export const versionChangeSchema = z.object({
  targetType: z.enum(['bom_version', 'routing_version', 'document_version']),
  proposedId: z.string(),
  proposedLabel: z.string().meta({ description: 'e.g. "FD-IS-20 BOM v2", "WI-IS-010 B"' }),
  supersedesId: z.string().nullable(),
  supersedesLabel: z.string().nullable(),
  bomLineChanges: z.array(bomLineChangeSchema).nullable().meta({
    description: 'For BOM versions: what differs from the superseded version (null otherwise)',
  }),
});

export const impactSectionSchema = z.discriminatedUnion('status', [
  z.object({
    key: z.string(),
    status: z.literal('available'),
    count: z.number().int(),
    entries: z.array(z.record(z.string(), z.unknown())),
  }),
  z.object({
    key: z.string(),
    status: z.literal('not_available'),
    reason: z.string().meta({ description: 'Why Lotline cannot compute this section yet' }),
  }),
]);
export type ImpactSection = z.infer<typeof impactSectionSchema>;

export const changeImpactSchema = z
  .object({
    changeRequestId: z.string(),
    computedAt: z.iso.datetime(),
    affectedItems: z.array(impactItemSchema),
    versionChanges: z.array(versionChangeSchema),
    sections: z.array(impactSectionSchema).meta({
      description:
        'where_used (BOM versions, approved or effective, that use an affected item), open_work_orders, stock; a section Lotline cannot compute yet says not_available',
    }),
  })
  .meta({ id: 'ChangeImpact' });
export type ChangeImpact = z.infer<typeof changeImpactSchema>;

// ---- change request ----

export const changeTargetSchema = z.object({
  seq: z.number().int(),
  targetType: z.enum(CHANGE_TARGET_TYPES),
  targetId: z.string(),
  supersedesId: z.string().nullable(),
  note: z.string().nullable(),
  label: z.string().meta({ description: 'For people: "FD-IS-20 BOM v2", "CP-NEEDLE-01", …' }),
  status: z
    .string()
    .nullable()
    .meta({ description: "The proposed version's status now (null for items and suppliers)" }),
  itemId: z.string().nullable(),
});
export type ChangeTarget = z.infer<typeof changeTargetSchema>;

export const changeRequestSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    description: z.string(),
    reason: z.string(),
    riskClass: z.enum(RISK_CLASSES),
    status: z.enum(CHANGE_STATUSES),
    reviewRound: z.number().int(),
    targets: z.array(changeTargetSchema),
    approval: approvalStatusSchema,
    signatures: z.array(signatureSchema),
    impactSnapshot: changeImpactSchema.nullable().meta({
      description: 'The impact analysis as computed when the request was submitted for review',
    }),
    impactSnapshotAt: z.iso.datetime().nullable(),
    submittedAt: z.iso.datetime().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    rejectedAt: z.iso.datetime().nullable(),
    implementedAt: z.iso.datetime().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    createdBy: personRefSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ChangeRequest' });
export type ChangeRequest = z.infer<typeof changeRequestSchema>;

export const changeRequestSummarySchema = changeRequestSchema
  .omit({ impactSnapshot: true, signatures: true, approval: true })
  .meta({ id: 'ChangeRequestSummary' });
export type ChangeRequestSummary = z.infer<typeof changeRequestSummarySchema>;

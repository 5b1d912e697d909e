import { z } from 'zod';
import { personRefSchema } from './documents.contract.ts';
import { itemRefSchema, quantityString } from './engineering.contract.ts';
import { listQuerySchema } from './list.ts';
import { signatureInputSchema, signatureSchema } from './signatures.contract.ts';

// Incoming inspection: inspection plans per item (characteristics with their
// ISO 2859-1 / ANSI/ASQ Z1.4 single sampling), inspections of received lots,
// results per characteristic and sample unit, and the signed decision.

export const INSPECTION_LEVELS = ['S-1', 'S-2', 'S-3', 'S-4', 'I', 'II', 'III'] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

/** The standard's preferred AQL values (percent nonconforming up to 10, nonconformities per 100 units above). */
export const AQL_VALUES = [
  '0.010',
  '0.015',
  '0.025',
  '0.040',
  '0.065',
  '0.10',
  '0.15',
  '0.25',
  '0.40',
  '0.65',
  '1.0',
  '1.5',
  '2.5',
  '4.0',
  '6.5',
  '10',
  '15',
  '25',
  '40',
  '65',
  '100',
  '150',
  '250',
  '400',
  '650',
  '1000',
] as const;
export type Aql = (typeof AQL_VALUES)[number];

/** Inspection severity, set by the switching rules per supplier + item. */
export const INSPECTION_SEVERITIES = ['normal', 'tightened', 'reduced'] as const;
export type InspectionSeverity = (typeof INSPECTION_SEVERITIES)[number];

export const CODE_LETTERS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'Q',
  'R',
  'S',
] as const;
export type CodeLetter = (typeof CODE_LETTERS)[number];

export const CHARACTERISTIC_KINDS = ['measured', 'attribute'] as const;
export type CharacteristicKind = (typeof CHARACTERISTIC_KINDS)[number];
/** Classification of a nonconformity of the characteristic. */
export const DEFECT_CLASSES = ['critical', 'major', 'minor'] as const;
export type DefectClass = (typeof DEFECT_CLASSES)[number];

export const INSPECTION_PLAN_STATUSES = ['draft', 'active', 'retired'] as const;
export type InspectionPlanStatus = (typeof INSPECTION_PLAN_STATUSES)[number];
export const INSPECTION_STATUSES = ['open', 'decided'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_DECISIONS = ['accept', 'reject', 'partial'] as const;
export type InspectionDecisionKind = (typeof INSPECTION_DECISIONS)[number];
/** What the results say so far, per characteristic and for the inspection. */
export const SAMPLING_VERDICTS = ['pending', 'accept', 'reject'] as const;
export type SamplingVerdict = (typeof SAMPLING_VERDICTS)[number];

/** A signed decimal as a string (limits and measured values). */
export const measuredValue = z
  .string()
  .trim()
  .regex(/^-?\d{1,12}(\.\d{1,6})?$/, { error: 'a decimal number such as 12.5 or -0.02' });

const reason = z.string().trim().min(1).max(500);

// ---- sampling ----

export const samplingQuerySchema = z.object({
  lotSize: z.coerce.number().int().min(1).max(1_000_000_000),
  level: z.enum(INSPECTION_LEVELS).default('II'),
  aql: z.enum(AQL_VALUES),
  severity: z.enum(INSPECTION_SEVERITIES).default('normal'),
});
export type SamplingQuery = z.infer<typeof samplingQuerySchema>;

export const samplingPlanSchema = z
  .object({
    lotSize: z.number().int(),
    level: z.enum(INSPECTION_LEVELS),
    aql: z.enum(AQL_VALUES),
    severity: z.enum(INSPECTION_SEVERITIES),
    codeLetter: z.enum(CODE_LETTERS).meta({ description: 'From Table I (lot size × level)' }),
    planLetter: z.enum(CODE_LETTERS).meta({
      description: 'The code letter whose plan is used after following the table’s arrows',
    }),
    sampleSize: z.number().int().meta({ description: 'Units to inspect (the lot size when 100%)' }),
    tableSampleSize: z.number().int(),
    acceptanceNumber: z.number().int(),
    rejectionNumber: z.number().int(),
    hundredPercent: z.boolean().meta({ description: 'The sample size reached the lot size' }),
  })
  .meta({ id: 'SamplingPlan' });
export type SamplingPlan = z.infer<typeof samplingPlanSchema>;

export const switchingStateSchema = z
  .object({
    severity: z.enum(INSPECTION_SEVERITIES),
    discontinued: z.boolean().meta({
      description: '5 lots not accepted on tightened inspection: acceptance is suspended',
    }),
    switchingScore: z.number().int(),
    consecutiveAccepted: z.number().int(),
    lotsConsidered: z.number().int(),
  })
  .meta({ id: 'SwitchingState' });
export type SwitchingState = z.infer<typeof switchingStateSchema>;

// ---- plans ----

export const characteristicInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(CHARACTERISTIC_KINDS),
  method: z.string().trim().min(1).max(500).optional(),
  nominal: measuredValue.optional(),
  lowerLimit: measuredValue.optional(),
  upperLimit: measuredValue.optional(),
  unit: z.string().trim().min(1).max(20).optional(),
  inspectionLevel: z.enum(INSPECTION_LEVELS).default('II'),
  aql: z.enum(AQL_VALUES),
  defectClass: z.enum(DEFECT_CLASSES).default('major'),
});
export type CharacteristicInput = z.infer<typeof characteristicInputSchema>;

export const characteristicSchema = z
  .object({
    seq: z.number().int(),
    name: z.string(),
    kind: z.enum(CHARACTERISTIC_KINDS),
    method: z.string().nullable(),
    nominal: z.string().nullable(),
    lowerLimit: z.string().nullable(),
    upperLimit: z.string().nullable(),
    unit: z.string().nullable(),
    inspectionLevel: z.enum(INSPECTION_LEVELS),
    aql: z.enum(AQL_VALUES),
    defectClass: z.enum(DEFECT_CLASSES),
  })
  .meta({ id: 'InspectionCharacteristic' });
export type Characteristic = z.infer<typeof characteristicSchema>;

export const createInspectionPlanSchema = z.object({
  itemId: z.uuid(),
  name: z.string().trim().min(1).max(200),
  isDefault: z
    .boolean()
    .default(true)
    .meta({ description: 'The item’s default plan: used when a lot of the item is received' }),
  notes: z.string().trim().min(1).max(2000).optional(),
  characteristics: z.array(characteristicInputSchema).min(1).max(100),
});
export type CreateInspectionPlanInput = z.infer<typeof createInspectionPlanSchema>;

export const updateInspectionPlanSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  isDefault: z.boolean().optional(),
  notes: z.string().trim().min(1).max(2000).nullable().optional(),
  characteristics: z.array(characteristicInputSchema).min(1).max(100).optional(),
  reason,
});
export type UpdateInspectionPlanInput = z.infer<typeof updateInspectionPlanSchema>;

export const inspectionPlanReasonSchema = z.object({ reason });

export const inspectionPlanSchema = z
  .object({
    id: z.string(),
    code: z.string().meta({ description: 'IP-0001, …' }),
    item: itemRefSchema,
    name: z.string(),
    status: z.enum(INSPECTION_PLAN_STATUSES),
    isDefault: z.boolean(),
    notes: z.string().nullable(),
    characteristics: z.array(characteristicSchema),
    activatedAt: z.iso.datetime().nullable(),
    retiredAt: z.iso.datetime().nullable(),
    createdBy: personRefSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'InspectionPlan' });
export type InspectionPlan = z.infer<typeof inspectionPlanSchema>;

export const inspectionPlanListQuerySchema = listQuerySchema.extend({
  itemId: z.uuid().optional(),
  status: z.enum(INSPECTION_PLAN_STATUSES).optional(),
});
export type InspectionPlanListQuery = z.infer<typeof inspectionPlanListQuerySchema>;

// ---- inspections ----

const refSchema = z.object({ id: z.string(), code: z.string() });

export const inspectionCharacteristicSchema = characteristicSchema
  .extend({
    codeLetter: z.enum(CODE_LETTERS),
    planLetter: z.enum(CODE_LETTERS),
    sampleSize: z.number().int(),
    acceptanceNumber: z.number().int(),
    rejectionNumber: z.number().int(),
    inspectedCount: z.number().int(),
    nonconformingCount: z.number().int(),
    verdict: z.enum(SAMPLING_VERDICTS),
  })
  .meta({ id: 'InspectionCharacteristicPlan' });
export type InspectionCharacteristic = z.infer<typeof inspectionCharacteristicSchema>;

export const inspectionResultSchema = z
  .object({
    characteristicSeq: z.number().int(),
    unitNo: z.number().int().meta({ description: 'Sample unit 1…sample size' }),
    value: z.string().nullable().meta({ description: 'Measured value (measured characteristics)' }),
    passed: z.boolean().nullable().meta({ description: 'Attribute result' }),
    conforming: z.boolean(),
    note: z.string().nullable(),
    recordedBy: personRefSchema,
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'InspectionResult' });
export type InspectionResult = z.infer<typeof inspectionResultSchema>;

export const inspectionDecisionSchema = z
  .object({
    decision: z.enum(INSPECTION_DECISIONS),
    reason: z.string().nullable(),
    acceptedQuantity: z.string(),
    rejectedQuantity: z.string(),
    releasedLots: z.array(refSchema),
    rejectedLots: z.array(refSchema),
    nonconformance: refSchema.nullable(),
    decidedBy: personRefSchema,
    decidedAt: z.iso.datetime(),
  })
  .meta({ id: 'InspectionDecision' });
export type InspectionDecision = z.infer<typeof inspectionDecisionSchema>;

export const inspectionSummarySchema = z
  .object({
    id: z.string(),
    code: z.string().meta({ description: 'INS-0001, …' }),
    status: z.enum(INSPECTION_STATUSES),
    lot: refSchema.extend({ qualityStatus: z.string().nullable() }),
    item: itemRefSchema,
    supplier: refSchema.extend({ nameZh: z.string(), nameEn: z.string() }).nullable(),
    receiptId: z.string().nullable(),
    plan: refSchema.extend({ name: z.string() }),
    lotSize: z.string(),
    severity: z.enum(INSPECTION_SEVERITIES),
    samplingDiscontinued: z.boolean(),
    codeLetter: z.enum(CODE_LETTERS).meta({
      description: 'Code letter of the characteristic that needs the largest sample',
    }),
    sampleSize: z.number().int().meta({ description: 'Units to draw: the largest sample' }),
    verdict: z.enum(SAMPLING_VERDICTS),
    decision: z.enum(INSPECTION_DECISIONS).nullable(),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'InspectionSummary' });
export type InspectionSummary = z.infer<typeof inspectionSummarySchema>;

export const inspectionSchema = inspectionSummarySchema
  .extend({
    characteristics: z.array(inspectionCharacteristicSchema),
    results: z.array(inspectionResultSchema),
    decisionRecord: inspectionDecisionSchema.nullable(),
    signatures: z.array(signatureSchema),
    createdBy: personRefSchema,
  })
  .meta({ id: 'Inspection' });
export type Inspection = z.infer<typeof inspectionSchema>;

export const inspectionListQuerySchema = listQuerySchema.extend({
  status: z.enum(INSPECTION_STATUSES).optional(),
  itemId: z.uuid().optional(),
  supplierId: z.uuid().optional(),
  lotId: z.uuid().optional(),
});
export type InspectionListQuery = z.infer<typeof inspectionListQuerySchema>;

export const resultInputSchema = z.object({
  characteristicSeq: z.number().int().min(1),
  unitNo: z.number().int().min(1),
  value: measuredValue.optional().meta({ description: 'For measured characteristics' }),
  passed: z.boolean().optional().meta({ description: 'For attribute characteristics' }),
  note: z.string().trim().min(1).max(500).optional(),
});
export type ResultInput = z.infer<typeof resultInputSchema>;

/** Records (or corrects, while open) results; a unit's earlier result for the characteristic is replaced. */
export const recordResultsSchema = z.object({
  results: z.array(resultInputSchema).min(1).max(5000),
  reason: z.string().trim().min(1).max(500).optional().meta({
    description:
      'Why results already recorded are corrected: required when a result changes (the earlier entry is kept)',
  }),
});
export type RecordResultsInput = z.infer<typeof recordResultsSchema>;

/** Columns of POST /api/inspections/:id/results/import (text/csv). */
export const RESULT_CSV_COLUMNS = [
  'characteristic',
  'unit',
  'value',
  'passed',
  'note',
  'reason',
] as const;

export const decideInspectionSchema = z.object({
  decision: z.enum(INSPECTION_DECISIONS),
  signature: signatureInputSchema.meta({
    description: 'Meaning: accept → released, reject → rejected, partial → approved',
  }),
  reason: z.string().trim().min(1).max(2000).optional().meta({
    description: 'Required for reject and partial: becomes the nonconformance description',
  }),
  acceptedQuantity: quantityString.optional().meta({
    description:
      'Partial only: split off into a new lot and released; the inspected lot keeps the rest and is rejected',
  }),
});
export type DecideInspectionInput = z.infer<typeof decideInspectionSchema>;

/** The signature meaning each decision needs. */
export const DECISION_SIGNATURE_MEANINGS = {
  accept: 'released',
  reject: 'rejected',
  partial: 'approved',
} as const satisfies Record<InspectionDecisionKind, string>;

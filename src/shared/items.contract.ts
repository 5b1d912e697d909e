import { z } from 'zod';
import { documentVersionRefSchema } from './documents.contract.ts';
import { listQuerySchema } from './list.ts';

export const ITEM_TYPES = [
  'raw_material',
  'component',
  'sub_assembly',
  'finished_device',
  'packaging',
  'label',
] as const;
export const TRACKING_MODES = ['lot', 'serial', 'none'] as const;
export const ITEM_STATUSES = ['active', 'blocked', 'obsolete'] as const;
export const MRI_SAFETY = ['safe', 'conditional', 'unsafe', 'not_evaluated'] as const;
export const ISSUING_AGENCIES = ['GS1', 'HIBCC'] as const;

/** A decimal as a string: quantities and measures never pass through floating point. */
export const decimalString = z
  .string()
  .regex(/^-?\d{1,10}(\.\d{1,4})?$/, { error: 'a decimal number such as 2 or -20.5' });

const reason = z.string().trim().min(1).max(500);

/** A storage temperature or humidity: what numeric(6,2) holds, never rounded on the way in. */
export const storageDecimal = z.string().regex(/^-?\d{1,4}(\.\d{1,2})?$/, {
  error: 'a number such as 25, -20 or 2.5 (two decimals at most)',
});

export const storageSchema = z.object({
  tempMinC: storageDecimal.nullable(),
  tempMaxC: storageDecimal.nullable(),
  humidityMaxPct: storageDecimal.nullable(),
});

export const packageLevelSchema = z.object({
  level: z
    .number()
    .int()
    .min(1)
    .max(9)
    .meta({ description: '1 = first package above the unit of use' }),
  name: z.string().trim().min(1).max(60),
  di: z.string().trim().min(1).max(40),
  quantityOfLower: z.string().regex(/^[1-9]\d{0,11}$/, { error: 'a whole number of at least 1' }),
});

export const deviceModelSchema = z
  .object({
    issuingAgency: z.enum(ISSUING_AGENCIES),
    primaryDi: z
      .string()
      .meta({ description: 'GTIN-14 (GS1) or LIC+PCN+U/M (HIBCC) of the unit of use' }),
    basicUdiDi: z.string().nullable(),
    brand: z.string().nullable(),
    modelVersion: z.string(),
    gmdnCode: z.string().nullable(),
    emdnCode: z.string().nullable(),
    riskClass: z.string(),
    nmpaRegistration: z.string().nullable(),
    fdaPremarket: z.string().nullable(),
    sterile: z.boolean(),
    singleUse: z.boolean(),
    containsLatex: z.boolean(),
    mriSafety: z.enum(MRI_SAFETY),
    labelIdentifiers: z.object({
      lot: z.boolean(),
      serial: z.boolean(),
      manufactureDate: z.boolean(),
      expiry: z.boolean(),
    }),
    packageLevels: z.array(packageLevelSchema),
  })
  .meta({ id: 'DeviceModel' });
export type DeviceModel = z.infer<typeof deviceModelSchema>;

export const itemSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    type: z.enum(ITEM_TYPES),
    uom: z.string(),
    tracking: z.enum(TRACKING_MODES),
    shelfLifeDays: z.number().int().nullable(),
    storage: storageSchema,
    status: z.enum(ITEM_STATUSES),
    deviceModel: deviceModelSchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Item' });
export type Item = z.infer<typeof itemSchema>;

const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const createItemSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
      error: 'letters, digits, dot, underscore and hyphen; at most 40',
    }),
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().min(1).max(200),
  type: z.enum(ITEM_TYPES),
  uom: z.string().trim().min(1).max(20),
  tracking: z.enum(TRACKING_MODES),
  shelfLifeDays: z.number().int().min(1).max(36500).nullable().optional(),
  storage: storageSchema.partial().optional(),
  reason: reason.optional(),
});

export const updateItemSchema = z.object({
  nameZh: z.string().trim().min(1).max(200).optional(),
  nameEn: z.string().trim().min(1).max(200).optional(),
  uom: z.string().trim().min(1).max(20).optional(),
  shelfLifeDays: z.number().int().min(1).max(36500).nullable().optional(),
  storage: storageSchema.partial().optional(),
  reason,
});

export const setItemStatusSchema = z.object({ status: z.enum(ITEM_STATUSES), reason });

export const deviceModelInputSchema = z.object({
  issuingAgency: z.enum(ISSUING_AGENCIES),
  primaryDi: z.string().trim().min(1).max(40),
  basicUdiDi: optionalText(40),
  brand: optionalText(100),
  modelVersion: z.string().trim().min(1).max(100),
  gmdnCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, { error: 'a 5-digit GMDN term code' })
    .nullable()
    .optional(),
  emdnCode: z
    .string()
    .trim()
    .regex(/^[A-Z]\d{0,12}$/, { error: 'an EMDN code such as A01020101' })
    .nullable()
    .optional(),
  riskClass: z.string().trim().min(1).max(20),
  nmpaRegistration: optionalText(60),
  fdaPremarket: optionalText(30),
  sterile: z.boolean(),
  singleUse: z.boolean(),
  containsLatex: z.boolean(),
  mriSafety: z.enum(MRI_SAFETY),
  labelIdentifiers: z.object({
    lot: z.boolean(),
    serial: z.boolean(),
    manufactureDate: z.boolean(),
    expiry: z.boolean(),
  }),
  packageLevels: z.array(packageLevelSchema).max(9).default([]),
  reason,
});
export type DeviceModelInput = z.infer<typeof deviceModelInputSchema>;

export const itemListQuerySchema = listQuerySchema.extend({
  type: z.enum(ITEM_TYPES).optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  tracking: z.enum(TRACKING_MODES).optional(),
});

export const itemDocumentLinkSchema = z
  .object({
    id: z.string(),
    documentVersion: documentVersionRefSchema,
    /** The document's effective revision now, when it is not the linked one. */
    newerEffective: z.object({ id: z.string(), label: z.string() }).nullable(),
    linkedAt: z.iso.datetime(),
    linkedBy: z.string(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'ItemDocumentLink' });
export type ItemDocumentLink = z.infer<typeof itemDocumentLinkSchema>;

export const linkItemDocumentSchema = z.object({
  documentVersionId: z.uuid(),
  reason: reason.optional(),
});

export const endItemDocumentLinkSchema = z.object({ reason });

// zod schemas for what the UDI module returns, so the HTTP layer and the web app
// can reuse them. The TypeScript types of the module are inferred from these.
import { z } from 'zod';
import { UDI_ERROR_CODES } from './udi.errors.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');

export const gs1ElementSchema = z.object({
  ai: z.string().regex(/^\d{2,4}$/),
  /** The dictionary's data title, e.g. "BATCH/LOT" (empty for the few AIs without one). */
  title: z.string(),
  value: z.string().min(1),
});

export const gs1UdiSchema = z.object({
  agency: z.literal('GS1'),
  /** The UDI-DI: the GTIN-14 of AI (01). Absent for data without a GTIN, e.g. an SSCC label. */
  di: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  gtin: z
    .string()
    .regex(/^\d{14}$/)
    .optional(),
  sscc: z
    .string()
    .regex(/^\d{18}$/)
    .optional(),
  lot: z.string().optional(),
  serial: z.string().optional(),
  /** AI (17); day 00 becomes the last day of that month. */
  expiry: isoDate.optional(),
  /** AI (11); day 00 becomes the last day of that month. */
  productionDate: isoDate.optional(),
  /** Every AI once, in canonical order: primary key, pre-defined-length AIs, the rest; by AI. */
  elements: z.array(gs1ElementSchema).min(1),
  /** Canonical bracketed text of `elements`, e.g. (01)…(17)…(10)…(21)…; '(' in a value is '\('. */
  bracketed: z.string(),
  /** Canonical GS1 Digital Link on https://id.gs1.org; absent without a Digital Link primary key. */
  digitalLink: z.string().optional(),
});

export const HIBC_DATE_FORMATS = [
  'MMYY',
  'MMDDYY',
  'YYMMDD',
  'YYMMDDHH',
  'YYJJJ',
  'YYJJJHH',
  'YYYYMMDD',
] as const;

export const hibcDetailsSchema = z.object({
  structure: z.enum(['primary', 'secondary', 'concatenated']),
  /** Labeler Identification Code: 4 characters, the first alphabetic. */
  lic: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{3}$/)
    .optional(),
  /** Product or Catalog Number, 1-18 characters A-Z 0-9. */
  pcn: z
    .string()
    .regex(/^[A-Z0-9]{1,18}$/)
    .optional(),
  unitOfMeasure: z.number().int().min(0).max(9).optional(),
  /** The secondary's leading flag: $$ (lot), $$+ (serial), $ and $+ (legacy), or a Julian date. */
  secondaryFlag: z.enum(['$$', '$$+', '$', '$+', 'julian']).optional(),
  quantity: z.number().int().min(0).optional(),
  expiryFormat: z.enum(HIBC_DATE_FORMATS).optional(),
  /** Hour (GMT) of expiry, from the YYMMDDHH and YYJJJHH formats. */
  expiryHour: z.number().int().min(0).max(23).optional(),
  /** A standalone secondary repeats the primary's check character as its link character. */
  linkCharacter: z.string().length(1).optional(),
  checkCharacter: z.string().length(1),
});

export const hibcUdiSchema = z.object({
  agency: z.literal('HIBCC'),
  /** The UDI-DI: LIC + PCN + unit of measure (no '+', no check character). Absent on a secondary. */
  di: z.string().optional(),
  lot: z.string().optional(),
  serial: z.string().optional(),
  expiry: isoDate.optional(),
  productionDate: isoDate.optional(),
  /** The HIBC data string as encoded in the symbol: '+' … check character. */
  data: z.string(),
  /** Human-readable interpretation: data between asterisks, a space shown as '_'. */
  hri: z.string(),
  hibc: hibcDetailsSchema,
});

export const udiSchema = z.discriminatedUnion('agency', [gs1UdiSchema, hibcUdiSchema]);

export const udiErrorSchema = z.object({
  code: z.enum(UDI_ERROR_CODES),
  message: z.string(),
  ai: z.string().optional(),
  position: z.number().int().min(0).optional(),
});

export const udiParseResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), udi: udiSchema }),
  z.object({ ok: z.literal(false), error: udiErrorSchema }),
]);

// ---- Requests and answers of the HTTP API (udi.routes.ts) and the CLI ----

export const UDI_SYMBOLOGIES = ['datamatrix', 'gs1-128', 'qr'] as const;
export const UDI_IMAGE_FORMATS = ['svg', 'png'] as const;

const udiDataSchema = z.string().min(1).max(2000).meta({
  description:
    "A UDI as scanned or typed: GS1 element string (bracketed, or unbracketed with GS or '^' for FNC1, optionally after a symbology identifier such as ]d2), GS1 Digital Link URI, or HIBC data",
  example: '(01)09506000134352(17)271231(10)LOT42(21)SN0001',
});

/** YYYY-MM-DD, or YYYY-MM for a GS1 date with day 00; the builders check the calendar. */
const isoDateOrMonthSchema = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'YYYY-MM-DD, or YYYY-MM for day 00');

export const udiParseRequestSchema = z.object({ data: udiDataSchema });

export const udiRenderRequestSchema = z.object({
  data: udiDataSchema,
  symbology: z.enum(UDI_SYMBOLOGIES).meta({
    description:
      'datamatrix: GS1 DataMatrix (HIBC DataMatrix for HIBC data); gs1-128: GS1-128 with its text (HIBC Code 128); qr: QR Code with the GS1 Digital Link (GS1 QR Code when the data has no Digital Link; HIBC QR Code)',
  }),
  format: z.enum(UDI_IMAGE_FORMATS),
  scale: z
    .number()
    .int()
    .min(1)
    .max(10)
    .optional()
    .meta({ description: 'Pixels per linear module (a 2D module is twice that); default 3' }),
});

export const udiBuildRequestSchema = z.object({
  gtin: z
    .string()
    .min(1)
    .max(20)
    .meta({ description: 'GTIN-8, -12, -13 or -14 with its check digit' }),
  lot: z.string().min(1).max(100).optional(),
  serial: z.string().min(1).max(100).optional(),
  expiry: isoDateOrMonthSchema.optional(),
  productionDate: isoDateOrMonthSchema.optional(),
});

export const udiBuildResponseSchema = z.object({
  elementString: z.string().meta({
    description:
      'As a scanner transmits it after the symbology identifier: GS (0x1D) after variable-length values',
  }),
  elementStringCaret: z
    .string()
    .meta({ description: "With '^' for FNC1, including FNC1 in first position" }),
  bracketed: z.string(),
  hri: z.array(z.string()).meta({
    description: 'The human-readable lines printed beside the symbol: (01)…, (17)…, (10)…, (21)…',
  }),
  digitalLink: z.string().optional(),
  udi: gs1UdiSchema,
});

export const ssccRequestSchema = z.object({
  extensionDigit: z.union([z.number().int(), z.string().max(2)]),
  companyPrefix: z.string().min(1).max(20),
  serialReference: z.string().min(1).max(20),
});

export const ssccResponseSchema = z.object({
  sscc: z.string().regex(/^\d{18}$/),
  bracketed: z.string(),
  digitalLink: z.string().optional(),
});

export const labelPartySchema = z.object({
  name: z.string().trim().min(1).max(120),
  address: z
    .string()
    .trim()
    .max(400)
    .optional()
    .meta({ description: 'Free text; line breaks are kept' }),
});

const labelSizeDescription =
  'Label size in millimetres. Text shrinks to fit down to 5 pt; what still does not fit is refused (422 UDI_LABEL_OVERFLOW), never cut off';

export const deviceLabelRequestSchema = z.object({
  data: udiDataSchema,
  productName: z.string().trim().min(1).max(200).meta({ description: 'Chinese is fine' }),
  description: z.string().trim().max(300).optional().meta({
    description: 'A line under the name: size, variant, the name in another language',
  }),
  model: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .optional()
    .meta({ description: 'Model or catalogue number, printed after the REF symbol' }),
  manufacturer: labelPartySchema,
  widthMm: z.number().min(70).max(150).default(100).meta({ description: labelSizeDescription }),
  heightMm: z.number().min(35).max(100).default(50).meta({ description: labelSizeDescription }),
});

export const cartonLabelRequestSchema = z.object({
  sscc: z
    .string()
    .regex(/^\d{18}$/, '18 digits')
    .meta({ description: '18 digits with the check digit (POST /api/udi/sscc makes one)' }),
  shipFrom: labelPartySchema,
  shipTo: labelPartySchema.optional(),
  content: z
    .object({
      gtin: z.string().min(1).max(20),
      count: z.number().int().min(1).max(99_999_999),
      lot: z.string().min(1).max(100).optional(),
      expiry: isoDateOrMonthSchema.optional(),
      productionDate: isoDateOrMonthSchema.optional(),
      productName: z.string().trim().min(1).max(200).optional(),
    })
    .optional()
    .meta({
      description:
        'What the carton holds, encoded as (02) CONTENT, (37) COUNT, (10) BATCH/LOT, (17) USE BY, (11) PROD DATE',
    }),
  widthMm: z.number().min(90).max(150).default(100).meta({ description: labelSizeDescription }),
  heightMm: z.number().min(120).max(220).default(150).meta({ description: labelSizeDescription }),
});

export type Gs1Element = z.infer<typeof gs1ElementSchema>;
export type Gs1Udi = z.infer<typeof gs1UdiSchema>;
export type HibcDateFormat = (typeof HIBC_DATE_FORMATS)[number];
export type HibcDetails = z.infer<typeof hibcDetailsSchema>;
export type HibcUdi = z.infer<typeof hibcUdiSchema>;
export type Udi = z.infer<typeof udiSchema>;
export type UdiParseResult = z.infer<typeof udiParseResultSchema>;
export type UdiSymbology = (typeof UDI_SYMBOLOGIES)[number];
export type UdiImageFormat = (typeof UDI_IMAGE_FORMATS)[number];
export type UdiRenderRequest = z.infer<typeof udiRenderRequestSchema>;
export type UdiBuildRequest = z.infer<typeof udiBuildRequestSchema>;
export type UdiBuildResponse = z.infer<typeof udiBuildResponseSchema>;
export type SsccRequest = z.infer<typeof ssccRequestSchema>;
export type LabelParty = z.infer<typeof labelPartySchema>;
/** Input of renderDeviceLabel; sizes default to 100 × 50 mm. */
export type DeviceLabelInput = z.input<typeof deviceLabelRequestSchema>;
/** Input of renderCartonLabel; sizes default to 100 × 150 mm. */
export type CartonLabelInput = z.input<typeof cartonLabelRequestSchema>;

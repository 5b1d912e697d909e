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

export type Gs1Element = z.infer<typeof gs1ElementSchema>;
export type Gs1Udi = z.infer<typeof gs1UdiSchema>;
export type HibcDateFormat = (typeof HIBC_DATE_FORMATS)[number];
export type HibcDetails = z.infer<typeof hibcDetailsSchema>;
export type HibcUdi = z.infer<typeof hibcUdiSchema>;
export type Udi = z.infer<typeof udiSchema>;
export type UdiParseResult = z.infer<typeof udiParseResultSchema>;

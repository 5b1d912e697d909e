import { z } from 'zod';
import { listQuerySchema } from './list.ts';
import { signatureInputSchema, signatureSchema } from './signatures.contract.ts';

export const DOCUMENT_KINDS = [
  'sop',
  'work_instruction',
  'specification',
  'label_artwork',
  'drawing',
  'form',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_VERSION_STATUSES = [
  'draft',
  'in_review',
  'approved',
  'effective',
  'superseded',
  'obsolete',
] as const;
export type DocumentVersionStatus = (typeof DOCUMENT_VERSION_STATUSES)[number];

/** Largest file a document version may carry (bytes). */
export const MAX_DOCUMENT_FILE_BYTES = 10 * 1024 * 1024;

const reason = z.string().trim().min(1).max(500);
/** 'YYYY-MM-DD' */
export const calendarDateSchema = z.iso.date();

export const documentFileSchema = z
  .object({
    sha256: z.string().meta({ description: 'SHA-256 of the bytes, hex' }),
    sizeBytes: z.number().int(),
    mediaType: z.string(),
    filename: z.string(),
    uploadedAt: z.iso.datetime(),
  })
  .meta({ id: 'DocumentFile' });

export const personRefSchema = z.object({
  id: z
    .string()
    .nullable()
    .meta({ description: 'null when Lotline itself acted (demo data, CLI)' }),
  name: z.string(),
});

export const documentVersionSummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.enum(DOCUMENT_VERSION_STATUSES),
  changeSummary: z.string(),
  effectiveFrom: calendarDateSchema.nullable(),
  updatedAt: z.iso.datetime(),
});

export const controlledDocumentSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    owner: z.object({ id: z.string(), username: z.string(), fullName: z.string() }),
    effectiveVersion: documentVersionSummarySchema.nullable(),
    latestVersion: documentVersionSummarySchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ControlledDocument' });
export type ControlledDocument = z.infer<typeof controlledDocumentSchema>;

export const controlledDocumentDetailSchema = controlledDocumentSchema
  .extend({ versions: z.array(documentVersionSummarySchema) })
  .meta({ id: 'ControlledDocumentDetail' });
export type ControlledDocumentDetail = z.infer<typeof controlledDocumentDetailSchema>;

export const documentVersionSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    documentNumber: z.string(),
    documentTitleZh: z.string(),
    documentTitleEn: z.string(),
    seq: z.number().int(),
    label: z.string().meta({ description: 'A, B, … Z, AA, …: the revision letter' }),
    changeSummary: z.string(),
    status: z.enum(DOCUMENT_VERSION_STATUSES),
    file: documentFileSchema.nullable(),
    reviewRound: z.number().int(),
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
    signatures: z.array(signatureSchema),
  })
  .meta({ id: 'DocumentVersion' });
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

/** A document version as other records link to it (routing operations, BOMs, change requests). */
export const documentVersionRefSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    number: z.string(),
    titleZh: z.string(),
    titleEn: z.string(),
    label: z.string(),
    status: z.enum(DOCUMENT_VERSION_STATUSES),
  })
  .meta({ id: 'DocumentVersionRef' });
export type DocumentVersionRef = z.infer<typeof documentVersionRefSchema>;

export const documentFileInputSchema = z.object({
  filename: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0]+$/, { error: 'a file name without a folder' }),
  mediaType: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/, {
      error: 'a media type such as application/pdf',
    }),
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_DOCUMENT_FILE_BYTES / 3) * 4 + 8)
    .meta({ description: 'The file, base64-encoded; at most 10 MiB once decoded' }),
});
export type DocumentFileInput = z.infer<typeof documentFileInputSchema>;

export const createDocumentSchema = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
      error: 'letters, digits, dot, underscore and hyphen; at most 40',
    }),
  titleZh: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().min(1).max(200),
  kind: z.enum(DOCUMENT_KINDS),
  ownerId: z.uuid().optional().meta({ description: 'Default: the signed-in user' }),
  reason: reason.optional(),
});

export const updateDocumentSchema = z.object({
  titleZh: z.string().trim().min(1).max(200).optional(),
  titleEn: z.string().trim().min(1).max(200).optional(),
  ownerId: z.uuid().optional(),
  reason,
});

export const createDocumentVersionSchema = z.object({
  changeSummary: z.string().trim().min(1).max(2000),
  file: documentFileInputSchema.optional(),
});

export const updateDocumentVersionSchema = z.object({
  changeSummary: z.string().trim().min(1).max(2000),
});

export const signedActionSchema = z.object({ signature: signatureInputSchema });
export const signedReasonSchema = z.object({ signature: signatureInputSchema, reason });
export const reasonSchema = z.object({ reason });
export const makeEffectiveSchema = z.object({
  effectiveFrom: calendarDateSchema.optional().meta({
    description:
      'Recorded effectivity date (default today, UTC); never earlier than today. The version becomes effective now.',
  }),
});

export const documentListQuerySchema = listQuerySchema.extend({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  /** Documents that have (or lack) an effective version. */
  hasEffective: z.enum(['true', 'false']).optional(),
});

import { z } from 'zod';

/** The controlled list of what a signature means (21 CFR 11.50(a)(3)). */
export const SIGNATURE_MEANINGS = [
  'authored',
  'reviewed',
  'approved',
  'released',
  'rejected',
  'verified',
  'witnessed',
  'withdrawn',
] as const;
export type SignatureMeaning = (typeof SIGNATURE_MEANINGS)[number];

/** What a client sends to sign an action: the signer re-enters their password. */
export const signatureInputSchema = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
    meaning: z.enum(SIGNATURE_MEANINGS),
    comment: z.string().trim().max(1000).optional(),
  })
  .meta({ description: 'Electronic signature: the signed-in user re-enters their password' });
export type SignatureInput = z.infer<typeof signatureInputSchema>;

/** The signature as shown with every signed record (21 CFR 11.50). */
export const signatureSchema = z
  .object({
    id: z.string(),
    signerId: z.string(),
    signerUsername: z.string(),
    signerName: z
      .string()
      .meta({ description: 'Printed name of the signer at the time of signing' }),
    signedAt: z.iso.datetime(),
    meaning: z.enum(SIGNATURE_MEANINGS),
    comment: z.string().nullable(),
    recordType: z.string(),
    recordId: z.string(),
    recordHash: z
      .string()
      .meta({ description: 'SHA-256 of the canonical record content at signing' }),
  })
  .meta({ id: 'Signature' });
export type Signature = z.infer<typeof signatureSchema>;

export const signatureVerificationSchema = z
  .object({
    signatureId: z.string(),
    status: z.enum(['valid', 'broken', 'record_missing']),
    valid: z.boolean(),
    recordHashAtSigning: z.string(),
    currentRecordHash: z.string().nullable(),
    supersededBy: z.string().nullable().meta({
      description:
        'When broken: a later signature on the same record that covers its current content',
    }),
    signature: signatureSchema,
  })
  .meta({ id: 'SignatureVerification' });
export type SignatureVerification = z.infer<typeof signatureVerificationSchema>;

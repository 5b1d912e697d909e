import { z } from 'zod';

/**
 * Approval by required roles (BOM/routing versions, change requests): each
 * signature covers one required role; the record is approved when every
 * required role is covered in the current review round.
 */
export const approvalStatusSchema = z
  .object({
    round: z.number().int().min(1).meta({
      description: 'Review round; sending a record back to draft starts a new round',
    }),
    requiredRoles: z.array(z.string()),
    covered: z.array(
      z.object({
        role: z.string(),
        signatureId: z.string(),
        signerId: z.string(),
        signerName: z.string(),
        signedAt: z.iso.datetime(),
      }),
    ),
    missing: z.array(z.string()).meta({ description: 'Required roles still without a signature' }),
    complete: z.boolean(),
  })
  .meta({ id: 'ApprovalStatus' });
export type ApprovalStatus = z.infer<typeof approvalStatusSchema>;

export const approvalRolesSchema = z.object({ roles: z.array(z.string()) });

export const setApprovalRolesSchema = z.object({
  roles: z.array(z.string().trim().min(1).max(64)).min(1).max(10),
  reason: z.string().trim().min(1).max(500),
});

import { z } from 'zod';
import { listQuerySchema } from './list.ts';

export const auditEntrySchema = z
  .object({
    seq: z.string().meta({ description: 'Gapless sequence number (a decimal string)' }),
    at: z.iso.datetime(),
    actorType: z.enum(['user', 'token', 'system']),
    actorId: z.string().nullable(),
    actorName: z.string(),
    tokenId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    reason: z.string().nullable(),
    requestId: z.string().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = listQuerySchema.extend({
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  actorId: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

import { z } from 'zod';

export const databaseKindSchema = z.enum(['pglite', 'postgres']);

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    version: z.string(),
    database: z.object({
      kind: databaseKindSchema,
      ok: z.boolean(),
      latencyMs: z.number(),
    }),
    uptimeSeconds: z.number().int(),
  })
  .meta({ id: 'Health' });

export const aboutSchema = z
  .object({
    name: z.literal('Lotline'),
    version: z.string(),
    instanceId: z.string(),
    nodeVersion: z.string(),
    startedAt: z.iso.datetime(),
    database: z.object({
      kind: databaseKindSchema,
      serverVersion: z.string(),
      embedded: z.boolean(),
    }),
  })
  .meta({ id: 'About' });

export type Health = z.infer<typeof healthSchema>;
export type About = z.infer<typeof aboutSchema>;

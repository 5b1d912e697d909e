import { z } from 'zod';
import { personRefSchema } from './documents.contract.ts';
import { itemRefSchema } from './engineering.contract.ts';
import { listQuerySchema } from './list.ts';

// Nonconformance records (NCR): a minimal record for now, opened when incoming
// inspection rejects material. The full quality-event workflow comes later.

export const NONCONFORMANCE_STATUSES = ['open', 'closed'] as const;
export type NonconformanceStatus = (typeof NONCONFORMANCE_STATUSES)[number];

export const nonconformanceSchema = z
  .object({
    id: z.string(),
    code: z.string().meta({ description: 'NCR-0001, …' }),
    status: z.enum(NONCONFORMANCE_STATUSES),
    source: z.object({
      type: z.string().meta({ description: 'e.g. inspection' }),
      id: z.string(),
      code: z.string().nullable(),
    }),
    lots: z.array(z.object({ id: z.string(), code: z.string(), qualityStatus: z.string() })),
    item: itemRefSchema,
    supplier: z
      .object({ id: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string() })
      .nullable(),
    description: z.string(),
    createdBy: personRefSchema,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Nonconformance' });
export type Nonconformance = z.infer<typeof nonconformanceSchema>;

export const nonconformanceListQuerySchema = listQuerySchema.extend({
  status: z.enum(NONCONFORMANCE_STATUSES).optional(),
  itemId: z.uuid().optional(),
  supplierId: z.uuid().optional(),
  lotId: z.uuid().optional(),
});
export type NonconformanceListQuery = z.infer<typeof nonconformanceListQuerySchema>;

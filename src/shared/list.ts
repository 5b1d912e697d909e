import { z } from 'zod';

// One list convention for every module:
// GET /api/<things>?q=&limit=&offset=&<field filters>  →  { items: [...], total: N }
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export const listQuerySchema = z.object({
  q: z.string().trim().max(200).optional().meta({ description: 'Free-text search' }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).default(0),
});

export type ListQuery = z.infer<typeof listQuerySchema>;

export function listResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0) });
}

export interface ListResult<T> {
  items: T[];
  total: number;
}

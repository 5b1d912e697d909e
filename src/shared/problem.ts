import { z } from 'zod';

/** One failing field of a request that did not pass its schema. */
export const fieldErrorSchema = z.object({
  path: z.string().meta({ description: 'Where the value was: body.name, query.limit, …' }),
  message: z.string(),
});

/** RFC 9457 problem details, with Lotline's stable `code`. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().meta({ description: 'Stable machine-readable error code' }),
    requestId: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/inspection (inspection plans, sampling, inspections)
// and of modules/quality (nonconformance records): code → HTTP status and English title.
export const INSPECTION_ERRORS = {
  INSPECTION_NOT_FOUND: { status: 404, title: 'No such inspection' },
  INSPECTION_PLAN_NOT_FOUND: { status: 404, title: 'No such inspection plan' },
  INSPECTION_ALREADY_DECIDED: {
    status: 409,
    title: 'The inspection has already been decided',
  },
  NONCONFORMANCE_NOT_FOUND: { status: 404, title: 'No such nonconformance record' },
} as const satisfies ModuleErrors;

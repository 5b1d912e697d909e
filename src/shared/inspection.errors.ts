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
  INSPECTION_RESULT_CORRECTION_REASON: {
    status: 422,
    title: 'A result already recorded is corrected only with a reason',
  },
  LOT_UNDER_INSPECTION: {
    status: 409,
    title: 'The lot has an open incoming inspection: it is released or rejected by that inspection',
  },
  NONCONFORMANCE_NOT_FOUND: { status: 404, title: 'No such nonconformance record' },
  INSPECTION_PLAN_WRONG_STATUS: {
    status: 409,
    title: 'The inspection plan is not in a status that allows this',
  },
  INSPECTION_PLAN_INVALID: {
    status: 422,
    title: 'A characteristic of the inspection plan is not consistent',
  },
  INSPECTION_SAMPLING_NOT_AVAILABLE: {
    status: 422,
    title: 'The sampling table has no plan for this code letter and AQL',
  },
  INSPECTION_RESULT_INVALID: {
    status: 422,
    title: 'The result does not fit the characteristic or its sample',
  },
  INSPECTION_RESULTS_INCOMPLETE: {
    status: 409,
    title: 'Not every sample unit has a result yet',
  },
  INSPECTION_DECISION_CONTRADICTS_RESULTS: {
    status: 409,
    title: 'The results reject the lot: it cannot be accepted',
  },
  INSPECTION_DECISION_INVALID: {
    status: 422,
    title: 'The decision is missing its reason or a valid accepted quantity',
  },
  INSPECTION_SAMPLING_DISCONTINUED: {
    status: 409,
    title: 'Acceptance is discontinued for this supplier and item until QA resumes it',
  },
} as const satisfies ModuleErrors;

import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/partners: code → HTTP status and English title.
export const PARTNERS_ERRORS = {} as const satisfies ModuleErrors;

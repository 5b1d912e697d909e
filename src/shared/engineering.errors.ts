import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/engineering: code → HTTP status and English title.
export const ENGINEERING_ERRORS = {} as const satisfies ModuleErrors;

import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/changes: code → HTTP status and English title.
export const CHANGES_ERRORS = {} as const satisfies ModuleErrors;

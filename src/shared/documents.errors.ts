import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/documents: code → HTTP status and English title.
export const DOCUMENTS_ERRORS = {} as const satisfies ModuleErrors;

import type { ModuleErrors } from './module-errors.ts';

// Error codes of modules/plant: code → HTTP status and English title.
export const PLANT_ERRORS = {} as const satisfies ModuleErrors;

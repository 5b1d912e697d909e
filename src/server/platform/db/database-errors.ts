import { DomainError } from '../errors.ts';

// What the database refuses, as the client's problem rather than a 500: the
// services check first, so these surface only from races (two requests taking
// the same code at once) or values outside what a column holds.
const CONFLICT_STATES = new Set([
  '23505', // unique_violation
  '40001', // serialization_failure: try again
  '40P01', // deadlock_detected: try again
  '55P03', // lock_not_available
]);

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** The domain error for a database error the client caused or may retry; undefined otherwise. */
export function domainErrorFromDatabase(error: unknown): DomainError | undefined {
  const state = sqlState(error);
  if (!state) return undefined;
  const detail = error instanceof Error ? error.message : undefined;
  if (CONFLICT_STATES.has(state)) {
    return new DomainError(
      'CONFLICT',
      { sqlState: state, retry: state !== '23505' },
      state === '23505'
        ? 'Another record already holds this value (it was written at the same time)'
        : 'The database refused the change because of a concurrent one; try again',
    );
  }
  // 22xxx data exceptions (value out of range, invalid date), 23xxx other
  // integrity violations (foreign key, check), 21000 one statement naming the
  // same row twice (e.g. the same result given twice in one request).
  if (state.startsWith('22') || state.startsWith('23') || state === '21000') {
    return new DomainError('VALIDATION_FAILED', { sqlState: state }, detail);
  }
  return undefined;
}

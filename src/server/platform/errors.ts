import type { ErrorCode } from '../../shared/error-codes.ts';

/**
 * A business or platform rule said no. Services throw these with a stable code;
 * the HTTP layer maps the code to a status (platform/http/problem.ts).
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, unknown>;

  constructor(code: ErrorCode, params: Record<string, unknown> = {}, message?: string) {
    super(message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

import { describe, expect, it } from 'vitest';
import { CORE_ERROR_CODES, ERROR_CODES, MODULE_ERRORS } from '../../../shared/error-codes.ts';
import { statusForCode } from './problem.ts';

describe('error codes', () => {
  it('gives every code an HTTP error status', () => {
    const bad = ERROR_CODES.filter((code) => {
      const status = statusForCode(code);
      return !(status >= 400 && status <= 503);
    });
    expect(bad).toEqual([]);
  });

  it('never lets a module reuse a platform code', () => {
    const core = new Set<string>(CORE_ERROR_CODES);
    expect(Object.keys(MODULE_ERRORS).filter((code) => core.has(code))).toEqual([]);
  });

  it('lists every code once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { problemFields, toFieldPath } from './problem-fields.ts';

describe('which form field a refusal is about', () => {
  it('reads list positions as numbers, so a form list finds the row', () => {
    expect(toFieldPath('lines.3.componentItemId')).toEqual(['lines', 3, 'componentItemId']);
    expect(toFieldPath('operations.0.parameters.2')).toEqual(['operations', 0, 'parameters', 2]);
  });

  it('takes the field a domain error names', () => {
    const error = new ApiError({
      status: 422,
      code: 'BOM_DUPLICATE_COMPONENT',
      params: { field: 'lines.1.componentItemId', componentItemId: 'x' },
    });
    expect(problemFields(error)).toEqual([{ path: ['lines', 1, 'componentItemId'] }]);
  });

  it('takes schema errors on the request body with their message, and nothing else', () => {
    const error = new ApiError({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [
        { path: 'body.lines.0.quantityPer', message: 'a decimal number such as 2 or 1.8' },
        { path: 'params.id', message: 'not a uuid' },
      ],
    });
    expect(problemFields(error)).toEqual([
      { path: ['lines', 0, 'quantityPer'], message: 'a decimal number such as 2 or 1.8' },
    ]);
  });

  it('finds nothing in a refusal about no field', () => {
    expect(problemFields(new ApiError({ status: 409, code: 'VERSION_LOCKED' }))).toEqual([]);
    expect(problemFields(new Error('network'))).toEqual([]);
  });
});

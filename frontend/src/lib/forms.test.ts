import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client/api-error';
import { hasErrors, length, serverFieldErrors } from './forms';

describe('serverFieldErrors', () => {
  it("maps the API's field names to the form's fields and drops the others", () => {
    const error = new ApiError({
      status: 400,
      type: 'validation',
      title: 'Invalid request',
      fieldErrors: [
        { field: 'settings.budgetUsd', message: 'Must be from 0 to 100000.' },
        { field: 'version', message: 'Is required.' },
      ],
    });

    expect(serverFieldErrors(error, { name: 'name', budget: 'settings.budgetUsd' })).toEqual({ budget: 'Must be from 0 to 100000.' });
  });

  it('has nothing to say about other failures', () => {
    expect(serverFieldErrors(new Error('boom'), { name: 'name' })).toEqual({});
  });
});

describe('form helpers', () => {
  it('hasErrors ignores empty entries', () => {
    expect(hasErrors({ name: undefined })).toBe(false);
    expect(hasErrors({ name: 'Give the project a name.' })).toBe(true);
  });

  it('counts characters as the API does (code points)', () => {
    expect(length('🙂🙂')).toBe(2);
  });
});

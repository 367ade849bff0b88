import { describe, expect, it } from 'vitest';
import { ApiError, networkError } from './api-error';
import { describeError } from './describe-error';

describe('describeError', () => {
  it("uses the problem's title and detail", () => {
    const error = new ApiError({ status: 401, type: 'invalid-credentials', title: 'Invalid credentials', detail: 'The email or the password is wrong.' });

    expect(describeError(error)).toEqual({ title: 'Invalid credentials', detail: 'The email or the password is wrong.' });
  });

  it('says when to try again after a 429', () => {
    const seconds = new ApiError({ status: 429, type: 'rate-limited', title: 'Too many requests', detail: 'Slow down.', retryAfterSeconds: 30 });
    const minutes = new ApiError({ status: 429, type: 'login-locked', title: 'Too many failed logins', retryAfterSeconds: 840 });

    expect(describeError(seconds).detail).toBe('Slow down. Try again in 30 seconds.');
    expect(describeError(minutes).detail).toBe('Try again in 14 minutes.');
  });

  it('tells a person what to do about a version conflict', () => {
    const error = new ApiError({ status: 409, type: 'version-conflict', title: 'Version conflict', detail: 'It was changed since you read it.' });

    expect(describeError(error)).toEqual({
      title: 'Changed elsewhere',
      detail: 'Someone changed this since you opened it. Reload to see the latest, then try again.',
    });
  });

  it('describes a dropped connection and an unexpected error', () => {
    expect(describeError(networkError()).title).toBe('Can’t reach Samokoder');
    expect(describeError(new TypeError('x is undefined'))).toEqual({ title: 'Something went wrong', detail: 'Reload the page and try again.' });
  });
});

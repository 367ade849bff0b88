import { describe, expect, it } from 'vitest';
import { validateSignIn, validateSignUp } from './auth-validation';

describe('validateSignIn', () => {
  it('asks for both fields', () => {
    expect(validateSignIn({ email: ' ', password: '' })).toEqual({ email: 'Enter your email.', password: 'Enter your password.' });
  });

  it('leaves the rest to the server (one answer for a wrong email or password)', () => {
    expect(validateSignIn({ email: 'not-an-email', password: 'short' })).toEqual({});
  });
});

describe('validateSignUp', () => {
  const valid = { email: 'ada@example.com', password: 'correct horse battery staple', displayName: '' };

  it('accepts a valid account', () => {
    expect(validateSignUp(valid)).toEqual({});
  });

  it('wants an email address', () => {
    expect(validateSignUp({ ...valid, email: '' }).email).toBe('Enter your email.');
    expect(validateSignUp({ ...valid, email: 'ada@example' }).email).toBe('Enter an email address like ada@example.com.');
    expect(validateSignUp({ ...valid, email: `${'a'.repeat(250)}@example.com` }).email).toBeDefined();
  });

  it('applies the password policy the API checks', () => {
    expect(validateSignUp({ ...valid, password: 'ninechars' }).password).toBe('Use at least 10 characters.');
    expect(validateSignUp({ ...valid, password: 'x'.repeat(257) }).password).toBe('Use at most 256 characters.');
    expect(validateSignUp({ ...valid, email: 'ada.lovelace@example.com', password: 'Ada.Lovelace@example.com' }).password).toBe(
      'Your password must not be your email.',
    );
  });

  it('limits the display name', () => {
    expect(validateSignUp({ ...valid, displayName: 'x'.repeat(101) }).displayName).toBe('Use at most 100 characters.');
  });
});

import { isBlank, length, type FieldErrors } from '@/lib/forms';

export type SignInValues = { email: string; password: string };
export type SignUpValues = { email: string; password: string; displayName: string };

// The same limits the API checks (openapi.json: RegisterRequest, LoginRequest); the server stays
// the judge, these only save a round trip and say it next to the field.
const MAX_EMAIL = 254;
const MIN_PASSWORD = 10;
const MAX_PASSWORD = 256;
const MAX_DISPLAY_NAME = 100;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateSignIn(values: SignInValues): FieldErrors<keyof SignInValues> {
  const errors: FieldErrors<keyof SignInValues> = {};
  if (isBlank(values.email)) {
    errors.email = 'Enter your email.';
  }
  if (values.password.length === 0) {
    errors.password = 'Enter your password.';
  }
  return errors;
}

export function validateSignUp(values: SignUpValues): FieldErrors<keyof SignUpValues> {
  const errors: FieldErrors<keyof SignUpValues> = {};
  const email = values.email.trim();
  if (email.length === 0) {
    errors.email = 'Enter your email.';
  } else if (length(email) > MAX_EMAIL || !EMAIL.test(email)) {
    errors.email = 'Enter an email address like ada@example.com.';
  }
  const password = length(values.password);
  if (password < MIN_PASSWORD) {
    errors.password = `Use at least ${MIN_PASSWORD} characters.`;
  } else if (password > MAX_PASSWORD) {
    errors.password = `Use at most ${MAX_PASSWORD} characters.`;
  } else if (email.length > 0 && values.password.trim().toLowerCase() === email.toLowerCase()) {
    errors.password = 'Your password must not be your email.';
  }
  if (length(values.displayName.trim()) > MAX_DISPLAY_NAME) {
    errors.displayName = `Use at most ${MAX_DISPLAY_NAME} characters.`;
  }
  return errors;
}

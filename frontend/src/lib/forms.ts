import { ApiError } from './api-client/api-error';

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export function hasErrors(errors: FieldErrors<string>): boolean {
  return Object.values(errors).some(Boolean);
}

/**
 * The API's field errors (`errors` of a 400 problem) for the fields this form shows, keyed by the
 * form's own field names. `fields` maps a form field to the API's name for it
 * (`budget` → `settings.budgetUsd`).
 */
export function serverFieldErrors<F extends string>(error: unknown, fields: Record<F, string>): FieldErrors<F> {
  const result: FieldErrors<F> = {};
  if (!(error instanceof ApiError)) {
    return result;
  }
  for (const [formField, apiField] of Object.entries(fields) as [F, string][]) {
    const message = error.fieldError(apiField);
    if (message) {
      result[formField] = message;
    }
  }
  return result;
}

/** Moves focus to the first field marked invalid, so the person lands on what to fix. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

export function isBlank(value: string): boolean {
  return value.trim().length === 0;
}

/** Characters as the API counts them (code points, not UTF-16 units). */
export function length(value: string): number {
  return [...value].length;
}

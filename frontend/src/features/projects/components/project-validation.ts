import { isBlank, length, type FieldErrors } from '@/lib/forms';
import type { Autonomy, NewProject } from '../api/types';

export type ProjectFormValues = {
  name: string;
  description: string;
  autonomy: Autonomy;
  /** As typed; empty means no budget. */
  budget: string;
};

export type ProjectFormField = keyof ProjectFormValues;

/** The form's fields under the names the API reports errors for. */
export const PROJECT_API_FIELDS: Record<ProjectFormField, string> = {
  name: 'name',
  description: 'description',
  autonomy: 'settings.autonomy',
  budget: 'settings.budgetUsd',
};

// The API's limits (openapi.json: CreateProjectRequest, Settings)
const MAX_NAME = 100;
const MAX_DESCRIPTION = 20_000;
const MAX_BUDGET = 100_000;
const BUDGET = /^\d+(\.\d{1,2})?$/;

export function validateName(name: string): string | undefined {
  if (isBlank(name)) {
    return 'Give the project a name.';
  }
  if (length(name.trim()) > MAX_NAME) {
    return `Use at most ${MAX_NAME} characters.`;
  }
  // the API refuses control characters (a pasted tab) in a one-line name
  if (/\p{Cc}/u.test(name)) {
    return 'Use letters, digits and punctuation only.';
  }
  return undefined;
}

export function validateDescription(description: string, max: number = MAX_DESCRIPTION): string | undefined {
  if (length(description) > max) {
    return `Use at most ${max.toLocaleString('en-US')} characters.`;
  }
  return undefined;
}

export function validateProject(values: ProjectFormValues): FieldErrors<ProjectFormField> {
  const errors: FieldErrors<ProjectFormField> = {};
  const name = validateName(values.name);
  if (name) {
    errors.name = name;
  }
  const description = validateDescription(values.description);
  if (description) {
    errors.description = description;
  }
  const budget = values.budget.trim();
  if (budget !== '' && (!BUDGET.test(budget) || Number(budget) > MAX_BUDGET)) {
    errors.budget = `Enter an amount in dollars from 0 to ${MAX_BUDGET.toLocaleString('en-US')}, like 5 or 12.50.`;
  }
  return errors;
}

/** The request body for valid values. */
export function toNewProject(values: ProjectFormValues): NewProject {
  const budget = values.budget.trim();
  return {
    name: values.name.trim(),
    description: values.description.trim(),
    settings: budget === '' ? { autonomy: values.autonomy } : { autonomy: values.autonomy, budgetUsd: Number(budget) },
  };
}

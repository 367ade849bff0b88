import { describe, expect, it } from 'vitest';
import { toNewProject, validateName, validateProject, type ProjectFormValues } from './project-validation';

const valid: ProjectFormValues = { name: 'Todo app', description: 'A todo list with due dates', autonomy: 'interactive', budget: '' };

describe('validateProject', () => {
  it('accepts a project without a budget', () => {
    expect(validateProject(valid)).toEqual({});
  });

  it('needs a name of at most 100 characters without control characters', () => {
    expect(validateName('   ')).toBe('Give the project a name.');
    expect(validateName('x'.repeat(101))).toBe('Use at most 100 characters.');
    expect(validateName('x'.repeat(100))).toBeUndefined();
    expect(validateName('Todo\tapp')).toBe('Use letters, digits and punctuation only.');
  });

  it('limits the description to 20,000 characters', () => {
    expect(validateProject({ ...valid, description: 'x'.repeat(20_001) }).description).toBe('Use at most 20,000 characters.');
  });

  it.each(['5', '0', '12.5', '12.50', '100000'])('accepts the budget %s', (budget) => {
    expect(validateProject({ ...valid, budget }).budget).toBeUndefined();
  });

  it.each(['-1', '1.234', 'five', '100000.01', '1e3', '$5'])('refuses the budget %s', (budget) => {
    expect(validateProject({ ...valid, budget }).budget).toBe('Enter an amount in dollars from 0 to 100,000, like 5 or 12.50.');
  });
});

describe('toNewProject', () => {
  it('trims, and sends a budget only when one was given', () => {
    expect(toNewProject({ ...valid, name: '  Todo app ', autonomy: 'autonomous' })).toEqual({
      name: 'Todo app',
      description: 'A todo list with due dates',
      settings: { autonomy: 'autonomous' },
    });
    expect(toNewProject({ ...valid, budget: ' 12.50 ' }).settings).toEqual({ autonomy: 'interactive', budgetUsd: 12.5 });
  });
});

import { describe, expect, it } from 'vitest';
import { budgetText } from './settings-text';

describe('budgetText', () => {
  it('shows a budget in dollars', () => {
    expect(budgetText({ autonomy: 'interactive', budgetUsd: 12.5 })).toBe('$12.50');
    expect(budgetText({ autonomy: 'interactive', budgetUsd: 0 })).toBe('$0.00');
  });

  it('says there is none when the API leaves it out or sends null', () => {
    expect(budgetText({ autonomy: 'interactive' })).toBe('No budget');
    expect(budgetText({ autonomy: 'interactive', budgetUsd: null })).toBe('No budget');
  });
});

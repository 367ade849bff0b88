import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, problem, tokens } from '@/testing/responses';
import { CreditSection } from './credit-section';

beforeEach(() => {
  session.signIn(tokens(1));
});

describe('CreditSection', () => {
  it('shows the balance and the ledger, newest first as the API sends it', async () => {
    fakeApi({
      'GET /v1/credit': () =>
        json(200, {
          balanceUsd: 9.5,
          items: [
            { seq: 2, kind: 'charge', amountUsd: -0.5, balanceAfterUsd: 9.5, note: 'Model call', at: '2030-01-02T00:00:00Z' },
            { seq: 1, kind: 'top-up', amountUsd: 10, balanceAfterUsd: 10, note: 'Invoice 42', at: '2030-01-01T00:00:00Z' },
          ],
        }),
    });
    render(<CreditSection />);

    const entries = within(await screen.findByRole('list', { name: 'Latest credit entries' })).getAllByRole('listitem');
    expect(entries.map((entry) => entry.textContent)).toEqual([
      expect.stringMatching(/^Charge Model call.*balance after \$9\.50-\$0\.50$/),
      expect.stringMatching(/^Top-up Invoice 42.*balance after \$10\.00\$10\.00$/),
    ]);
    expect(screen.getByText('$9.50', { selector: 'strong' })).toBeDefined();
  });

  it('shows a failure as the problem’s words', async () => {
    fakeApi({ 'GET /v1/credit': () => problem(400, 'validation', 'Invalid request', { detail: 'The cursor is not valid.' }) });
    render(<CreditSection />);

    expect((await screen.findByRole('alert')).textContent).toContain('The cursor is not valid.');
  });
});

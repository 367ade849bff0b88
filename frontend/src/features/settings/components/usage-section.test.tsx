import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, problem, tokens } from '@/testing/responses';
import { UsageSection } from './usage-section';

const NOW = new Date('2030-03-15T12:00:00Z');

beforeEach(() => {
  session.signIn(tokens(1));
});

function usage(month: string) {
  return {
    month,
    currency: 'USD',
    creditBalanceUsd: 12.5,
    totals: { runs: 3, llmCalls: 40, promptTokens: 1000, completionTokens: 500, byokCostUsd: 1, platformCostUsd: 3, chargedUsd: 3.6, sandboxSeconds: 90 },
    projects: [
      { projectId: 'prj_00000000000000000001', runs: 1, llmCalls: 10, byokCostUsd: 1, platformCostUsd: 0 },
      { projectId: 'prj_00000000000000000002', runs: 2, llmCalls: 30, platformCostUsd: 3, chargedUsd: 3.6 },
    ],
  };
}

describe('UsageSection', () => {
  it('shows the month’s totals, a bar per project and the table, and loads another month', async () => {
    const api = fakeApi({
      'GET /v1/usage': (request) => json(200, usage(new URL(request.url).searchParams.get('month')!)),
      'GET /v1/projects': () => json(200, { items: [{ id: 'prj_00000000000000000002', name: 'Shop' }] }),
    });
    const user = userEvent.setup();
    render(<UsageSection now={NOW} />);

    const chart = await screen.findByRole('figure', { name: 'Model cost per project, March 2030' });
    const bars = within(chart).getAllByRole('listitem');
    expect(bars.map((bar) => bar.textContent)).toEqual([
      'Shop$3.00 (own keys $0.00, platform $3.00)',
      'prj_00000000000000000001$1.00 (own keys $1.00, platform $0.00)',
    ]);
    expect(within(chart).getAllByTestId('cost-bar').map((bar) => bar.style.width)).toEqual(['100%', expect.stringMatching(/^33\.33/)]);
    expect(screen.getByText('$12.50')).toBeDefined();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('rowheader', { name: 'Total' })).toBeDefined();

    await user.selectOptions(screen.getByLabelText('Month'), '2030-01');

    expect(await screen.findByRole('figure', { name: 'Model cost per project, January 2030' })).toBeDefined();
    expect(api.calls.filter((call) => call.url.includes('/v1/usage')).map((call) => new URL(call.url).searchParams.get('month'))).toEqual(['2030-03', '2030-01']);
  });

  it('says so when a month has no usage', async () => {
    fakeApi({
      'GET /v1/usage': () => json(200, { ...usage('2030-03'), totals: {}, projects: [] }),
      'GET /v1/projects': () => json(200, { items: [] }),
    });
    render(<UsageSection now={NOW} />);

    expect(await screen.findByText('No usage in March 2030')).toBeDefined();
  });

  it('shows a failed load as the problem’s words with a retry', async () => {
    fakeApi({
      'GET /v1/usage': () => problem(429, 'rate-limited', 'Too many requests', { detail: 'Slow down.' }, { 'Retry-After': '5' }),
      'GET /v1/projects': () => json(200, { items: [] }),
    });
    render(<UsageSection now={NOW} />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many requests');
    expect(alert.textContent).toContain('Try again in 5 seconds');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeDefined();
  });
});

import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, tokens } from '@/testing/responses';
import { aRun } from '../testing/runs';
import { RunSummary } from './run-summary';

beforeEach(() => {
  session.signIn(tokens(1));
});

function renderSummary() {
  render(
    <dl>
      <RunSummary projectId="prj_aaaaaaaaaaaaaaaaaaaa" />
    </dl>,
  );
}

describe('RunSummary', () => {
  it("shows the newest run's status and cost", async () => {
    const run = aRun({ status: 'succeeded', cost: { totalUsd: 1.5, calls: 19, replayed: false, byAgent: [] } });
    const api = fakeApi({
      'GET /v1/projects/prj_aaaaaaaaaaaaaaaaaaaa/runs': () => json(200, { items: [aRun()] }),
      'GET /v1/runs/run_aaaaaaaaaaaaaaaaaaaa': () => json(200, run),
    });
    renderSummary();

    expect(await screen.findByText('Succeeded')).toBeDefined();
    expect(screen.getByText('$1.50')).toBeDefined();
    expect(new URL(api.calls[0]!.url).searchParams.get('limit')).toBe('1');
  });

  it('says when the project has no run', async () => {
    fakeApi({ 'GET /v1/projects/prj_aaaaaaaaaaaaaaaaaaaa/runs': () => json(200, { items: [] }) });
    renderSummary();

    expect(await screen.findByText('No runs yet')).toBeDefined();
  });
});

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, problem, tokens } from '@/testing/responses';
import { aRun } from '../testing/runs';
import { StartRunForm, type RunProject } from './start-run-form';

const project: RunProject = { id: 'prj_aaaaaaaaaaaaaaaaaaaa', description: 'A todo list with due dates', mode: 'interactive' };

beforeEach(() => {
  session.signIn(tokens(1));
});

function renderForm(hasRuns: boolean) {
  const onStarted = vi.fn();
  const onShowRun = vi.fn();
  render(<StartRunForm project={project} hasRuns={hasRuns} onStarted={onStarted} onShowRun={onShowRun} />);
  return { onStarted, onShowRun, user: userEvent.setup() };
}

describe('StartRunForm', () => {
  it("builds a new app from the project's description, in the mode chosen", async () => {
    const run = aRun();
    const api = fakeApi({ 'POST /v1/projects/prj_aaaaaaaaaaaaaaaaaaaa/runs': () => json(201, run) });
    const { onStarted, user } = renderForm(false);

    expect((screen.getByLabelText(/What should the app do/) as HTMLTextAreaElement).value).toBe('A todo list with due dates');
    expect((screen.getByRole('radio', { name: /New app/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: /Interactive/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: /Autonomous/ }));
    await user.click(screen.getByRole('button', { name: 'Build the app' }));

    await waitFor(() => expect(onStarted).toHaveBeenCalledWith(run));
    expect(await api.calls[0]!.json()).toEqual({ request: 'A todo list with due dates', kind: 'new-app', mode: 'autonomous' });
  });

  it('asks for a change once the project has runs, and wants words for it', async () => {
    const api = fakeApi({});
    const { user } = renderForm(true);

    expect((screen.getByRole('radio', { name: /Change request/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Start the change' }));

    expect(screen.getByText('Describe the change to make.')).toBeDefined();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/What should change/)));
    expect(api.calls).toHaveLength(0);
  });

  it('offers the run in progress when the project has one', async () => {
    fakeApi({
      'POST /v1/projects/prj_aaaaaaaaaaaaaaaaaaaa/runs': () =>
        problem(409, 'active-run', 'A run is in progress', {
          detail: 'the project has an active run; wait for it to end, or cancel it',
          activeRunId: 'run_bbbbbbbbbbbbbbbbbbbb',
        }),
    });
    const { onShowRun, user } = renderForm(true);

    await user.type(screen.getByLabelText(/What should change/), 'Add due dates');
    await user.click(screen.getByRole('button', { name: 'Start the change' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('A run is in progress');
    expect(alert.textContent).toContain('The project has an active run; wait for it to end, or cancel it.');
    await user.click(screen.getByRole('button', { name: 'Show the run in progress' }));
    expect(onShowRun).toHaveBeenCalledWith('run_bbbbbbbbbbbbbbbbbbbb');
  });
});

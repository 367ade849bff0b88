import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, problem, tokens } from '@/testing/responses';
import { CreateProjectForm } from './create-project-form';

beforeEach(() => {
  session.signIn(tokens(1));
});

function renderForm(onCreated = vi.fn()) {
  render(
    <MemoryRouter>
      <CreateProjectForm onCreated={onCreated} />
    </MemoryRouter>,
  );
  return onCreated;
}

describe('CreateProjectForm', () => {
  it('creates an autonomous project with a budget', async () => {
    const project = { id: 'prj_1', name: 'Todo app' };
    const api = fakeApi({ 'POST /v1/projects': () => json(201, project) });
    const onCreated = renderForm();
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Name'), 'Todo app');
    await user.type(screen.getByLabelText(/Description/), 'A todo list with due dates');
    await user.click(screen.getByRole('radio', { name: /Autonomous/ }));
    await user.type(screen.getByLabelText(/Budget in USD/), '12.50');
    await user.click(screen.getByRole('button', { name: 'Create project' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(project));
    expect(await api.calls[0]!.json()).toEqual({
      name: 'Todo app',
      description: 'A todo list with due dates',
      settings: { autonomy: 'autonomous', budgetUsd: 12.5 },
    });
    expect(api.calls[0]!.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('checks the fields before sending and moves focus to the first one to fix', async () => {
    const api = fakeApi({});
    renderForm();
    const user = userEvent.setup();

    await user.type(screen.getByLabelText(/Budget in USD/), 'lots');
    await user.click(screen.getByRole('button', { name: 'Create project' }));

    expect(screen.getByText('Give the project a name.')).toBeDefined();
    expect(screen.getByText(/Enter an amount in dollars/)).toBeDefined();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Name')));
    expect(api.calls).toHaveLength(0);
  });

  it("shows the API's field errors next to the fields they are about", async () => {
    fakeApi({
      'POST /v1/projects': () =>
        problem(400, 'validation', 'Invalid request', {
          detail: 'the request has 1 invalid field(s)',
          errors: [{ field: 'settings.budgetUsd', message: 'must be from 0 to 100000 with at most 2 decimals' }],
        }),
    });
    renderForm();
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Name'), 'Todo app');
    await user.click(screen.getByRole('button', { name: 'Create project' }));

    const budget = screen.getByLabelText(/Budget in USD/);
    await waitFor(() => expect(budget.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Must be from 0 to 100000 with at most 2 decimals.')).toBeDefined();
    expect(screen.getByRole('alert').textContent).toContain('Invalid request');
  });
});

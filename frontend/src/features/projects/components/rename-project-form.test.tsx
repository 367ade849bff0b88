import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, problem, tokens } from '@/testing/responses';
import type { Project } from '../api/types';
import { RenameProjectForm } from './rename-project-form';

const project: Project = {
  id: 'prj_00000000000000000001',
  name: 'Todo app',
  description: '',
  settings: { autonomy: 'interactive', budgetUsd: null },
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  version: 3,
};

beforeEach(() => {
  session.signIn(tokens(1));
});

async function rename(to: string) {
  const user = userEvent.setup();
  const field = screen.getByLabelText('Project name');
  await user.clear(field);
  await user.type(field, to);
  await user.click(screen.getByRole('button', { name: 'Save name' }));
}

describe('RenameProjectForm', () => {
  it('sends the version it read with the new name', async () => {
    const api = fakeApi({ [`PATCH /v1/projects/${project.id}`]: () => json(200, { ...project, name: 'Tasks', version: 4 }) });
    const onRenamed = vi.fn();
    render(<RenameProjectForm project={project} onRenamed={onRenamed} onCancel={vi.fn()} onReload={vi.fn()} />);

    await rename('Tasks');

    await waitFor(() => expect(onRenamed).toHaveBeenCalledWith(expect.objectContaining({ name: 'Tasks', version: 4 })));
    expect(await api.calls[0]!.json()).toEqual({ version: 3, name: 'Tasks' });
  });

  it('says the project changed elsewhere on a 409 and offers to reload', async () => {
    fakeApi({
      [`PATCH /v1/projects/${project.id}`]: () =>
        problem(409, 'version-conflict', 'Version conflict', { detail: 'it was changed since you read it', currentVersion: 4 }),
    });
    const onReload = vi.fn();
    render(<RenameProjectForm project={project} onRenamed={vi.fn()} onCancel={vi.fn()} onReload={onReload} />);

    await rename('Tasks');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Changed elsewhere');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalled();
  });

  it('does not send an unchanged name', async () => {
    const api = fakeApi({});
    const onCancel = vi.fn();
    render(<RenameProjectForm project={project} onRenamed={vi.fn()} onCancel={onCancel} onReload={vi.fn()} />);

    await rename('Todo app');

    expect(onCancel).toHaveBeenCalled();
    expect(api.calls).toHaveLength(0);
  });
});

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, tokens } from '@/testing/responses';
import type { Project } from '../api/types';
import { ProjectList } from './project-list';

function project(n: number, settings: Project['settings'] = { autonomy: 'interactive' }): Project {
  return {
    id: `prj_0000000000000000000${n}`,
    name: `Project ${n}`,
    description: `Description ${n}`,
    settings,
    createdAt: '2030-01-01T00:00:00Z',
    updatedAt: '2030-01-01T00:00:00Z',
    version: 1,
  };
}

beforeEach(() => {
  session.signIn(tokens(1));
});

function renderList() {
  render(
    <MemoryRouter>
      <ProjectList facts={() => <div><dt>Status</dt><dd>—</dd></div>} />
    </MemoryRouter>,
  );
}

describe('ProjectList', () => {
  it('shows each project with its settings and the facts other features add', async () => {
    fakeApi({ 'GET /v1/projects': () => json(200, { items: [project(1, { autonomy: 'autonomous', budgetUsd: 5 }), project(2)] }) });

    renderList();

    const items = within(await screen.findByRole('list', { name: 'Projects' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole('link', { name: 'Project 1' }).getAttribute('href')).toBe('/projects/prj_00000000000000000001');
    expect(items[0]!.textContent).toContain('Autonomous');
    expect(items[0]!.textContent).toContain('$5.00');
    expect(items[1]!.textContent).toContain('No budget');
    expect(items[1]!.textContent).toContain('Status—');
  });

  it('offers to create the first project when there is none', async () => {
    fakeApi({ 'GET /v1/projects': () => json(200, { items: [] }) });

    renderList();

    expect(await screen.findByText('No projects yet')).toBeDefined();
    expect(screen.getByRole('link', { name: 'Create your first project' }).getAttribute('href')).toBe('/projects/new');
  });

  it('loads the next page on request', async () => {
    const api = fakeApi({
      'GET /v1/projects': (request) =>
        new URL(request.url).searchParams.get('cursor') === 'page-2'
          ? json(200, { items: [project(3)] })
          : json(200, { items: [project(1), project(2)], nextCursor: 'page-2' }),
    });
    renderList();

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Show more projects' }));

    expect(await screen.findByRole('link', { name: 'Project 3' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Show more projects' })).toBeNull();
    expect(api.calls).toHaveLength(2);
  });

  it('shows a dropped connection with a retry', async () => {
    let attempts = 0;
    fakeApi({
      'GET /v1/projects': () => {
        attempts += 1;
        if (attempts === 1) {
          throw new TypeError('Failed to fetch');
        }
        return json(200, { items: [project(1)] });
      },
    });
    renderList();

    expect((await screen.findByRole('alert')).textContent).toContain('Check your connection');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('link', { name: 'Project 1' })).toBeDefined();
  });
});

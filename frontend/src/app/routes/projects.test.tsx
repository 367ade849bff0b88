import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, tokens } from '@/testing/responses';
import ProjectsRoute from './projects';

beforeEach(() => {
  session.signIn(tokens(1));
});

describe('ProjectsRoute', () => {
  it('offers to create a project or to import one', async () => {
    fakeApi({ 'GET /v1/projects': () => json(200, { items: [] }) });

    render(
      <MemoryRouter>
        <ProjectsRoute />
      </MemoryRouter>,
    );

    expect(screen.getByRole('link', { name: 'New project' }).getAttribute('href')).toBe('/projects/new');
    expect(screen.getByRole('link', { name: 'Import' }).getAttribute('href')).toBe('/projects/import');
    expect(await screen.findByText('No projects yet')).toBeDefined();
  });
});

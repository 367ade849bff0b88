import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_ARCHIVE_BYTES } from '@/features/projects/components/import-validation';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, problem, tokens } from '@/testing/responses';
import ImportProjectRoute from './import-project';

const PROJECT = {
  id: 'prj_00000000000000000001',
  name: 'Todo app',
  description: '',
  settings: { autonomy: 'interactive' },
  createdAt: '2030-01-01T00:00:00Z',
  updatedAt: '2030-01-01T00:00:00Z',
  version: 1,
};

beforeEach(() => {
  session.signIn(tokens(1));
});

/** As a browser on Windows reports a zip: the request says application/zip whatever the file's own type. */
function zip(name = 'todo-main.zip', size = 22): File {
  return new File([new Uint8Array(size)], name, { type: 'application/x-zip-compressed' });
}

/** Where the import leads: the project's page, here a stand-in showing what it was told. */
function ProjectPage() {
  const { pathname, state } = useLocation();
  return (
    <p>
      Project page {pathname}: {state?.flash}
    </p>
  );
}

function renderImport() {
  render(
    <MemoryRouter initialEntries={['/projects/import']}>
      <Routes>
        <Route path="/projects/import" element={<ImportProjectRoute />} />
        <Route path="/projects/:projectId" element={<ProjectPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('ImportProjectRoute', () => {
  it('sends the archive as it is, the name and description in the query, and opens the new project', async () => {
    const api = fakeApi({
      'POST /v1/projects/import': () =>
        json(201, { project: PROJECT, files: 2, binaryFiles: 0, skipped: ["todo-main/.git/HEAD: git's own data, not kept"] }, {
          Location: `/v1/projects/${PROJECT.id}`,
        }),
    });
    renderImport();
    const user = userEvent.setup();
    const archive = zip();

    await user.type(screen.getByLabelText('Name'), 'Todo app');
    await user.type(screen.getByLabelText(/Description/), 'A todo list');
    await user.upload(screen.getByLabelText('Zip archive'), archive);
    await user.click(screen.getByRole('button', { name: 'Import project' }));

    expect(await screen.findByText(/Project page \/projects\/prj_00000000000000000001/)).toBeDefined();
    expect(screen.getByText(/Imported 2 files; left out: todo-main\/\.git\/HEAD: git's own data, not kept\./)).toBeDefined();
    expect(api.calls).toHaveLength(1);
    const request = api.calls[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://localhost/v1/projects/import?name=Todo%20app&description=A%20todo%20list');
    expect(request.headers.get('Content-Type')).toBe('application/zip');
    expect(request.headers.get('Authorization')).toBe('Bearer access-1');
    expect(api.fetchMock.mock.calls[0]![1]!.body).toBe(archive);
  });

  it('names the project after the archive when no name was typed', async () => {
    renderImport();
    const user = userEvent.setup();

    await user.upload(screen.getByLabelText('Zip archive'), zip('shop-main.ZIP'));

    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('shop-main');
  });

  it('keeps a name that was typed, and follows another archive chosen instead', async () => {
    renderImport();
    const user = userEvent.setup();
    const name = screen.getByLabelText('Name') as HTMLInputElement;

    await user.upload(screen.getByLabelText('Zip archive'), zip('shop-main.zip'));
    await user.upload(screen.getByLabelText('Zip archive'), zip('shop-v2.zip'));
    expect(name.value).toBe('shop-v2');

    await user.clear(name);
    await user.type(name, 'My shop');
    await user.upload(screen.getByLabelText('Zip archive'), zip('shop-v3.zip'));
    expect(name.value).toBe('My shop');
  });

  it('refuses an archive over 4 MB without sending it', async () => {
    const api = fakeApi({});
    renderImport();
    const user = userEvent.setup();

    await user.upload(screen.getByLabelText('Zip archive'), zip('big.zip', MAX_ARCHIVE_BYTES + 1));
    await user.click(screen.getByRole('button', { name: 'Import project' }));

    expect(screen.getByText('This archive is 4.1 MB; at most 4 MB can be imported.')).toBeDefined();
    const input = screen.getByLabelText('Zip archive');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(input));
    expect(api.calls).toHaveLength(0);
  });

  it('asks for an archive before sending', async () => {
    const api = fakeApi({});
    renderImport();
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Name'), 'Todo app');
    await user.click(screen.getByRole('button', { name: 'Import project' }));

    expect(screen.getByText('Choose a zip archive.')).toBeDefined();
    expect(api.calls).toHaveLength(0);
  });

  it('shows why the API refused the archive, and stays on the form', async () => {
    fakeApi({
      'POST /v1/projects/import': () =>
        problem(400, 'import-path-traversal', 'Unsafe path in the archive', {
          detail: "'app/../../etc/cron.d/evil' climbs out of the tree; nothing was imported",
        }),
    });
    renderImport();
    const user = userEvent.setup();

    await user.upload(screen.getByLabelText('Zip archive'), zip('evil.zip'));
    await user.click(screen.getByRole('button', { name: 'Import project' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("'app/../../etc/cron.d/evil' climbs out of the tree; nothing was imported.");
    expect(screen.getByRole('button', { name: 'Import project' })).toBeDefined();
  });

  it('marks the name when the API refuses it', async () => {
    fakeApi({
      'POST /v1/projects/import': () =>
        problem(400, 'validation', 'Invalid request', {
          detail: 'the request has 1 invalid field(s); nothing was imported',
          errors: [{ field: 'name', message: 'must be 1 to 100 characters' }],
        }),
    });
    renderImport();
    const user = userEvent.setup();

    await user.upload(screen.getByLabelText('Zip archive'), zip());
    await user.click(screen.getByRole('button', { name: 'Import project' }));

    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Must be 1 to 100 characters.')).toBeDefined();
    expect(screen.getByRole('alert').textContent).toContain('The request has 1 invalid field(s); nothing was imported.');
  });

  it('shows it is busy while the archive is sent', async () => {
    let answer: (response: Response) => void = () => {};
    fakeApi({ 'POST /v1/projects/import': () => new Promise<Response>((resolve) => (answer = resolve)) });
    renderImport();
    const user = userEvent.setup();

    await user.upload(screen.getByLabelText('Zip archive'), zip());
    await user.click(screen.getByRole('button', { name: 'Import project' }));

    const button = await screen.findByRole('button', { name: 'Importing…' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    answer(json(201, { project: PROJECT, files: 1, binaryFiles: 0, skipped: [] }));
    expect(await screen.findByText(/Imported 1 file\./)).toBeDefined();
  });
});

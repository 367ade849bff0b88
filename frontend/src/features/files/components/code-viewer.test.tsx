import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { problem, tokens } from '@/testing/responses';
import type { FileEntry } from '../api/types';
import { CodeViewer, MAX_VIEW_BYTES } from './code-viewer';

const PROJECT = 'prj_00000000000000000001';

function entry(path: string, size = 40): FileEntry {
  return { path, size, sha256: `sha-${path}`, updatedAt: '2030-01-01T00:00:00Z' };
}

function text(body: string) {
  return () => new Response(body, { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

beforeEach(() => {
  session.signIn(tokens(1));
});

describe('CodeViewer', () => {
  it('shows the file with line numbers and highlights it by its language', async () => {
    const source = 'const answer: number = 42;\nexport default answer;\n';
    const api = fakeApi({ [`GET /v1/projects/${PROJECT}/files/src/my%20app/answer.ts`]: text(source) });

    render(<CodeViewer projectId={PROJECT} entry={entry('src/my app/answer.ts')} />);

    const code = await screen.findByRole('region', { name: 'Content of src/my app/answer.ts' });
    expect(code.textContent).toContain('const answer: number = 42;');
    expect(code.querySelector('[aria-hidden="true"]')!.textContent).toBe('1\n2');
    await waitFor(() => expect(code.querySelector('code[data-highlighted="true"] .hljs-keyword')).not.toBeNull());
    expect(api.calls).toHaveLength(1);
  });

  it('never turns file content into markup', async () => {
    fakeApi({ [`GET /v1/projects/${PROJECT}/files/index.html`]: text('<img src=x onerror="alert(1)">') });

    render(<CodeViewer projectId={PROJECT} entry={entry('index.html')} />);

    const code = await screen.findByRole('region', { name: 'Content of index.html' });
    await waitFor(() => expect(code.querySelector('code[data-highlighted="true"]')).not.toBeNull());
    expect(code.querySelector('img')).toBeNull();
    expect(code.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('says a binary file is not shown', async () => {
    fakeApi({
      [`GET /v1/projects/${PROJECT}/files/logo.png`]: () =>
        new Response(new Uint8Array([137, 80, 78, 71]), { status: 200, headers: { 'Content-Type': 'application/octet-stream' } }),
    });

    render(<CodeViewer projectId={PROJECT} entry={entry('logo.png')} />);

    expect(await screen.findByText('Binary file')).toBeDefined();
  });

  it('does not fetch a file too large to show', () => {
    const api = fakeApi({});

    render(<CodeViewer projectId={PROJECT} entry={entry('data.json', MAX_VIEW_BYTES + 1)} />);

    expect(screen.getByText('Too large to show here')).toBeDefined();
    expect(api.calls).toHaveLength(0);
  });

  it('shows a failed load with a retry that loads again', async () => {
    let attempts = 0;
    fakeApi({
      [`GET /v1/projects/${PROJECT}/files/a.md`]: () => {
        attempts += 1;
        if (attempts === 1) {
          throw new TypeError('Failed to fetch');
        }
        return text('# Hello')();
      },
    });

    render(<CodeViewer projectId={PROJECT} entry={entry('a.md')} />);

    expect((await screen.findByRole('alert')).textContent).toContain('Can’t reach Samokoder');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect((await screen.findByRole('region', { name: 'Content of a.md' })).textContent).toContain('# Hello');
  });

  it("shows the API's problem when the file is gone", async () => {
    fakeApi({ [`GET /v1/projects/${PROJECT}/files/gone.ts`]: () => problem(404, 'not-found', 'Not found', { detail: 'no file gone.ts in project' }) });

    render(<CodeViewer projectId={PROJECT} entry={entry('gone.ts')} />);

    expect((await screen.findByRole('alert')).textContent).toContain('No file gone.ts in project.');
  });
});

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../api/types';
import { FileTree } from './file-tree';

const files: FileEntry[] = ['src/components/App.tsx', 'src/main.tsx', 'package.json'].map((path) => ({
  path,
  size: 10,
  sha256: 'x',
  updatedAt: '2030-01-01T00:00:00Z',
}));

function renderTree(selectedPath: string | null) {
  render(
    <MemoryRouter>
      <FileTree files={files} selectedPath={selectedPath} hrefFor={(path) => `?file=${encodeURIComponent(path)}`} />
    </MemoryRouter>,
  );
}

describe('FileTree', () => {
  it('starts with folders closed and opens one with the keyboard', async () => {
    renderTree(null);
    const user = userEvent.setup();
    const src = screen.getByRole('button', { name: 'src' });

    expect(src.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('link', { name: 'main.tsx' })).toBeNull();
    expect(screen.getByRole('link', { name: 'package.json' }).getAttribute('href')).toBe('/?file=package.json');

    src.focus();
    await user.keyboard('{Enter}');

    expect(src.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('link', { name: 'main.tsx' }).getAttribute('href')).toBe('/?file=src%2Fmain.tsx');
  });

  it('opens the folders that hold the selected file and marks it', () => {
    renderTree('src/components/App.tsx');

    expect(screen.getByRole('button', { name: 'components' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('link', { name: 'App.tsx' }).getAttribute('aria-current')).toBe('true');
    expect(screen.getByRole('link', { name: 'main.tsx' }).getAttribute('aria-current')).toBeNull();
  });
});

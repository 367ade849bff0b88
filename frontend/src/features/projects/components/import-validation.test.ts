import { describe, expect, it } from 'vitest';
import { importedNotice, MAX_ARCHIVE_BYTES, nameFromFile, toNewImport, validateImport } from './import-validation';

function file(size: number, name = 'todo.zip'): File {
  return new File([new Uint8Array(size)], name);
}

describe('validateImport', () => {
  it('takes an archive of up to 4 MiB with a name', () => {
    expect(validateImport({ name: 'Todo', description: '', archive: file(MAX_ARCHIVE_BYTES) })).toEqual({});
  });

  it('refuses an archive over 4 MiB, a missing archive and a missing name', () => {
    expect(validateImport({ name: 'Todo', description: '', archive: file(MAX_ARCHIVE_BYTES + 1) }).archive).toBe(
      'This archive is 4.1 MB; at most 4 MB can be imported.',
    );
    expect(validateImport({ name: ' ', description: '', archive: null })).toEqual({
      name: 'Give the project a name.',
      archive: 'Choose a zip archive.',
    });
    expect(validateImport({ name: 'x'.repeat(101), description: '', archive: file(1) }).name).toBe('Use at most 100 characters.');
  });
});

describe('toNewImport', () => {
  it('trims the name and description', () => {
    const archive = file(1);
    expect(toNewImport({ name: ' Todo ', description: ' A list\n', archive })).toEqual({ name: 'Todo', description: 'A list', archive });
  });
});

describe('nameFromFile', () => {
  it('drops the .zip', () => {
    expect(nameFromFile('todo-main.zip')).toBe('todo-main');
    expect(nameFromFile('Shop.ZIP')).toBe('Shop');
    expect(nameFromFile('archive.tar')).toBe('archive.tar');
  });
});

describe('importedNotice', () => {
  const project = { id: 'prj_1', name: 'Todo', description: '', settings: { autonomy: 'interactive' as const }, createdAt: '', updatedAt: '', version: 1 };

  it('counts the files, and the binary ones', () => {
    expect(importedNotice({ project, files: 1, binaryFiles: 0, skipped: [] })).toBe('Imported 1 file.');
    expect(importedNotice({ project, files: 12, binaryFiles: 2, skipped: [] })).toBe('Imported 12 files (2 binary).');
  });

  it('names the first few entries left out and counts the rest', () => {
    const skipped = [
      "a/.git/HEAD: git's own data, not kept",
      "a/.git/config: git's own data, not kept",
      'a/node_modules/x.js: installed dependencies, not kept',
      'a/link: a symbolic link (to b), not kept',
    ];

    expect(importedNotice({ project, files: 2, binaryFiles: 0, skipped: skipped.slice(0, 1) })).toBe(
      "Imported 2 files; left out: a/.git/HEAD: git's own data, not kept.",
    );
    expect(importedNotice({ project, files: 2, binaryFiles: 0, skipped })).toBe(
      "Imported 2 files; left out: a/.git/HEAD: git's own data, not kept; a/.git/config: git's own data, not kept; a/node_modules/x.js: installed dependencies, not kept; and 1 more.",
    );
  });
});

import { describe, expect, it } from 'vitest';
import { languageFor } from './language';

describe('languageFor', () => {
  it.each([
    ['src/App.tsx', 'typescript'],
    ['server/index.js', 'javascript'],
    ['public/index.html', 'xml'],
    ['styles/main.CSS', 'css'],
    ['package.json', 'json'],
    ['Dockerfile', 'dockerfile'],
    ['docs/README.md', 'markdown'],
    ['app/main.py', 'python'],
  ])('%s is %s', (path, language) => {
    expect(languageFor(path)).toBe(language);
  });

  it.each(['.gitignore', 'LICENSE', 'data/blob.bin', 'Makefile'])('%s is plain text', (path) => {
    expect(languageFor(path)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { nextPath } from './next-path';

describe('nextPath', () => {
  it('keeps a path of this site', () => {
    expect(nextPath('/projects/prj_1?file=src%2Fa.ts')).toBe('/projects/prj_1?file=src%2Fa.ts');
  });

  it.each([null, '', 'projects', '//evil.example', '/\\evil.example', 'https://evil.example/'])('refuses %j', (raw) => {
    expect(nextPath(raw)).toBe('/projects');
  });
});

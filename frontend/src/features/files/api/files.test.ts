import { describe, expect, it } from 'vitest';
import { encodeFilePath } from './files';

describe('encodeFilePath', () => {
  it('encodes each segment and keeps the slashes', () => {
    expect(encodeFilePath('src/my app/App.tsx')).toBe('src/my%20app/App.tsx');
    expect(encodeFilePath('docs/100%/#1?.md')).toBe('docs/100%25/%231%3F.md');
  });
});

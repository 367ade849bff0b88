import { describe, expect, it } from 'vitest';
import { diffLines, splitLines, type DiffLine } from './line-diff';

/** The diff as `+x`, `-x`, ` x`, which reads like a unified diff. */
function compact(lines: DiffLine[]): string[] {
  return lines.map((line) => (line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : ' ') + line.text);
}

/** Both texts are rebuilt from the diff: the old from same and removed lines, the new from same and added ones. */
function sides(lines: DiffLine[]): { before: string[]; after: string[] } {
  return {
    before: lines.filter((line) => line.kind !== 'added').map((line) => line.text),
    after: lines.filter((line) => line.kind !== 'removed').map((line) => line.text),
  };
}

describe('splitLines', () => {
  it('does not count a final newline as a line and accepts CRLF', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\r\nb')).toEqual(['a', 'b']);
    expect(splitLines('\n')).toEqual(['']);
  });
});

describe('diffLines', () => {
  it('marks a changed line as removed then added, between the lines kept', () => {
    expect(compact(diffLines('a\nb\nc\n', 'a\nB\nc\n'))).toEqual([' a', '-b', '+B', ' c']);
  });

  it('finds the shortest edit script (the classic ABCABBA → CBABAC has 5 edits)', () => {
    const lines = diffLines('A\nB\nC\nA\nB\nB\nA', 'C\nB\nA\nB\nA\nC');
    expect(lines.filter((line) => line.kind !== 'same')).toHaveLength(5);
    expect(sides(lines)).toEqual({ before: ['A', 'B', 'C', 'A', 'B', 'B', 'A'], after: ['C', 'B', 'A', 'B', 'A', 'C'] });
  });

  it('shows a new file as all added and a deleted one as all removed', () => {
    expect(compact(diffLines('', 'x\ny\n'))).toEqual(['+x', '+y']);
    expect(compact(diffLines('x\ny\n', ''))).toEqual(['-x', '-y']);
    expect(diffLines('', '')).toEqual([]);
  });

  it('numbers the lines of each side', () => {
    expect(diffLines('a\nb\n', 'a\nx\nb\n')).toEqual([
      { kind: 'same', text: 'a', oldNumber: 1, newNumber: 1 },
      { kind: 'added', text: 'x', newNumber: 2 },
      { kind: 'same', text: 'b', oldNumber: 2, newNumber: 3 },
    ]);
  });

  it('rebuilds both texts for random edits, with no more edits than a full rewrite', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const before = Array.from({ length: random(30) }, () => 'line ' + random(6));
      const after = before.flatMap((line) => (random(4) === 0 ? [] : random(5) === 0 ? [line, 'new ' + random(6)] : [line]));
      const lines = diffLines(before.join('\n'), after.join('\n'));
      expect(sides(lines)).toEqual({ before, after });
      expect(lines.filter((line) => line.kind !== 'same').length).toBeLessThanOrEqual(before.length + after.length);
    }
  });

  it('gives up on the shortest script past maxEdits, still rebuilding both texts', () => {
    const before = Array.from({ length: 50 }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: 50 }, (_, i) => `new ${i}`).join('\n');
    const lines = diffLines(`same\n${before}\nend`, `same\n${after}\nend`, 10);
    expect(compact(lines)[0]).toBe(' same');
    expect(compact(lines).at(-1)).toBe(' end');
    expect(lines.filter((line) => line.kind === 'removed')).toHaveLength(50);
    expect(sides(lines).after.slice(1, 51)).toEqual(after.split('\n'));
  });
});

/**
 * A line diff (Myers' O((N+M)·D) algorithm), small enough not to need a library: the lines two
 * texts share are found after the common start and end are taken off, and when the texts differ
 * in more than `maxEdits` lines the rest is shown as removed then added (a readable answer,
 * in bounded time and memory, for a file that was rewritten).
 */

export type DiffLine =
  | { kind: 'same'; text: string; oldNumber: number; newNumber: number }
  | { kind: 'removed'; text: string; oldNumber: number }
  | { kind: 'added'; text: string; newNumber: number };

type Op = 'same' | 'removed' | 'added';

/** The text's lines; a final newline does not start another line, and CRLF counts as a newline. */
export function splitLines(text: string): string[] {
  if (text === '') {
    return [];
  }
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines;
}

export function diffLines(before: string, after: string, maxEdits = 1000): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = myers(middleA, middleB, maxEdits) ?? [
    ...middleA.map((): Op => 'removed'),
    ...middleB.map((): Op => 'added'),
  ];
  const ops: Op[] = [...Array<Op>(start).fill('same'), ...middle, ...Array<Op>(a.length - endA).fill('same')];

  const lines: DiffLine[] = [];
  let x = 0;
  let y = 0;
  for (const op of ops) {
    if (op === 'same') {
      lines.push({ kind: 'same', text: a[x]!, oldNumber: x + 1, newNumber: y + 1 });
      x++;
      y++;
    } else if (op === 'removed') {
      lines.push({ kind: 'removed', text: a[x]!, oldNumber: x + 1 });
      x++;
    } else {
      lines.push({ kind: 'added', text: b[y]!, newNumber: y + 1 });
      y++;
    }
  }
  return lines;
}

/** The shortest edit script from `a` to `b`, or null when it needs more than `maxEdits` edits. */
function myers(a: string[], b: string[], maxEdits: number): Op[] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    return n + m > maxEdits ? null : [...a.map((): Op => 'removed'), ...b.map((): Op => 'added')];
  }
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d]: the furthest x on each diagonal k in -d-1..d+1 before step d
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        return backtrack(trace, n, m);
      }
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const at = (k: number) => v[k + d + 1]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : at(previousK);
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push('same');
      x--;
      y--;
    }
    if (d > 0) {
      ops.push(x === previousX ? 'added' : 'removed');
    }
    x = previousX;
    y = previousY;
  }
  return ops.reverse();
}

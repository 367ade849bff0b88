// Prints the gzipped size of every JS chunk of the built app (dist/) and of the JavaScript the
// sign-in page needs before it can show anything: the entry chunk, the sign-in route's chunk, and
// every chunk they import statically. Exits 1 when that is over the budget (issue 8: 100 KB).
// Sizes are gzip at level 9 of the bytes on disk, in KB of 1,000 bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const SIGN_IN_ROUTE = 'src/app/routes/sign-in.tsx';
const BUDGET_KB = Number(process.env.SAMOKODER_SIGN_IN_JS_BUDGET_KB ?? 100);

const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8'));

function sizes(file) {
  const bytes = readFileSync(join(DIST, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The chunk of a manifest key and every chunk it imports statically, transitively. */
function staticClosure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(chunk.file)) {
    return seen;
  }
  seen.add(chunk.file);
  for (const imported of chunk.imports ?? []) {
    staticClosure(imported, seen);
  }
  return seen;
}

const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(7) + ' KB';

const chunks = Object.values(manifest)
  .filter((chunk) => chunk.file.endsWith('.js'))
  .map((chunk) => ({ file: chunk.file, name: chunk.src ?? chunk.name ?? '', ...sizes(chunk.file) }))
  .filter((chunk, index, all) => all.findIndex((other) => other.file === chunk.file) === index)
  .sort((a, b) => b.gzip - a.gzip);

console.log('JS chunks of frontend/dist (gzip -9):');
console.log(`${'chunk'.padEnd(48)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)}  source`);
for (const chunk of chunks) {
  console.log(`${chunk.file.padEnd(48)} ${kb(chunk.raw)} ${kb(chunk.gzip)}  ${chunk.name}`);
}

if (!manifest[SIGN_IN_ROUTE]) {
  console.error(`error: ${SIGN_IN_ROUTE} is not a chunk of its own in the manifest`);
  process.exit(1);
}
const initial = staticClosure(SIGN_IN_ROUTE, staticClosure('index.html'));
const total = [...initial].reduce((sum, file) => sum + sizes(file).gzip, 0);
console.log('');
console.log(`sign-in route, initial JS: ${kb(total).trim()} gzipped in ${initial.size} chunks (budget ${BUDGET_KB} KB)`);
for (const file of initial) {
  console.log(`  ${file}`);
}
if (total > BUDGET_KB * 1000) {
  console.error(`error: the sign-in route's initial JS is over the budget of ${BUDGET_KB} KB`);
  process.exit(1);
}

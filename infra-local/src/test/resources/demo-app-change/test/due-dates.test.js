'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createServer } = require('../src/server');

async function withServer(run) {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    await run(base);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

function post(base, body) {
  return fetch(`${base}/todos`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

test('POST /todos keeps a due date and GET /todos lists it', () => withServer(async (base) => {
  const res = await post(base, { title: 'Pay rent', dueDate: '2026-12-31' });
  assert.equal(res.status, 201);
  assert.deepEqual(await res.json(), { id: 1, title: 'Pay rent', done: false, dueDate: '2026-12-31' });
  const list = await (await fetch(`${base}/todos`)).json();
  assert.equal(list[0].dueDate, '2026-12-31');
}));

test('a todo without a due date has none', () => withServer(async (base) => {
  const todo = await (await post(base, { title: 'Someday' })).json();
  assert.equal('dueDate' in todo, false);
}));

test('a due date that is not a date is refused with 400', () => withServer(async (base) => {
  for (const dueDate of ['tomorrow', '2026-02-30', '31/12/2026', 20261231]) {
    const res = await post(base, { title: 'Bad date', dueDate });
    assert.equal(res.status, 400, `dueDate ${dueDate}`);
  }
}));

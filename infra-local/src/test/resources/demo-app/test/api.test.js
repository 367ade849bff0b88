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

test('POST /todos creates a todo and answers 201', () => withServer(async (base) => {
  const res = await post(base, { title: '  Buy milk ' });
  assert.equal(res.status, 201);
  assert.deepEqual(await res.json(), { id: 1, title: 'Buy milk', done: false });
}));

test('GET /todos lists what was created', () => withServer(async (base) => {
  await post(base, { title: 'Write tests' });
  const res = await fetch(`${base}/todos`);
  assert.equal(res.status, 200);
  assert.deepEqual((await res.json()).map((todo) => todo.title), ['Write tests']);
}));

test('a todo without a title is refused with 400', () => withServer(async (base) => {
  const res = await post(base, { title: '' });
  assert.equal(res.status, 400);
}));

test('PATCH marks a todo done; DELETE removes it', () => withServer(async (base) => {
  await post(base, { title: 'Ship it' });
  const done = await fetch(`${base}/todos/1`, { method: 'PATCH', body: JSON.stringify({ done: true }) });
  assert.equal((await done.json()).done, true);
  assert.equal((await fetch(`${base}/todos/1`, { method: 'DELETE' })).status, 204);
  assert.equal((await fetch(`${base}/todos/1`, { method: 'DELETE' })).status, 404);
}));

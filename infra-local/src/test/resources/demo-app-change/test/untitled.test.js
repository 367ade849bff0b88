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

test('a todo without a title is called Untitled', () => withServer(async (base) => {
  for (const body of [{ title: '' }, {}]) {
    const res = await post(base, body);
    assert.equal(res.status, 201, `POST /todos ${JSON.stringify(body)}`);
    assert.equal((await res.json()).title, 'Untitled');
  }
}));

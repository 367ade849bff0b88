'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { createServer } = require('../src/server');

test('GET / serves the page that lists and adds todos', async () => {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${server.address().port}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /text\/html/);
    const html = await res.text();
    assert.match(html, /<h1>Todos<\/h1>/);
    assert.match(html, /fetch\('\/todos'\)/);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

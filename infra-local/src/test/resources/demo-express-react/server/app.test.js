const { createApp } = require('./app');

let server;
let base;

beforeEach(async () => {
  server = createApp().listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function post(body) {
  return fetch(`${base}/api/bookmarks`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

test('POST /api/bookmarks answers 201 with the bookmark, and GET lists it', async () => {
  const created = await post({ title: 'Node.js', url: 'https://nodejs.org' });
  expect(created.status).toBe(201);
  expect(await created.json()).toEqual({ id: 1, title: 'Node.js', url: 'https://nodejs.org' });

  const listed = await fetch(`${base}/api/bookmarks`);
  expect(await listed.json()).toEqual([{ id: 1, title: 'Node.js', url: 'https://nodejs.org' }]);
});

test('POST /api/bookmarks without a title or with a url that is not http(s) answers 400', async () => {
  expect((await post({ url: 'https://nodejs.org' })).status).toBe(400);
  expect((await post({ title: 'Files', url: 'file:///etc/passwd' })).status).toBe(400);
});

test('DELETE /api/bookmarks/:id removes it; a second DELETE is 404', async () => {
  const { id } = await (await post({ title: 'MDN', url: 'https://developer.mozilla.org' })).json();
  expect((await fetch(`${base}/api/bookmarks/${id}`, { method: 'DELETE' })).status).toBe(204);
  expect((await fetch(`${base}/api/bookmarks/${id}`, { method: 'DELETE' })).status).toBe(404);
});

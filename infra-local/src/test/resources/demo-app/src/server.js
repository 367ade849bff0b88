'use strict';

const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { TodoStore } = require('./store');

const MAX_BODY_BYTES = 16 * 1024;
const PAGE = path.join(__dirname, '..', 'public', 'index.html');

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('the body is over 16 KB'));
        req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        reject(new Error('the body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

function servePage(res) {
  fs.readFile(PAGE, (err, html) => {
    if (err) {
      send(res, 404, { error: 'no page yet' });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
}

function createServer(store = new TodoStore()) {
  return http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const item = url.pathname.match(/^\/todos\/(\d+)$/);
    try {
      if (req.method === 'GET' && url.pathname === '/') {
        servePage(res);
      } else if (req.method === 'GET' && url.pathname === '/todos') {
        send(res, 200, store.list());
      } else if (req.method === 'POST' && url.pathname === '/todos') {
        const body = await readJson(req);
        if (typeof body.title !== 'string' || body.title.trim() === '') {
          send(res, 400, { error: 'title is required' });
          return;
        }
        send(res, 201, store.add(body.title));
      } else if (req.method === 'PATCH' && item) {
        const body = await readJson(req);
        const todo = store.setDone(Number(item[1]), body.done);
        send(res, todo ? 200 : 404, todo ?? { error: 'no such todo' });
      } else if (req.method === 'DELETE' && item) {
        if (store.remove(Number(item[1]))) {
          res.writeHead(204);
          res.end();
        } else {
          send(res, 404, { error: 'no such todo' });
        }
      } else {
        send(res, 404, { error: 'not found' });
      }
    } catch (err) {
      send(res, 400, { error: err.message });
    }
  });
}

if (require.main === module) {
  const port = Number(process.env.PORT || 3000);
  createServer().listen(port, () => console.log(`todo API on http://localhost:${port}`));
}

module.exports = { createServer };

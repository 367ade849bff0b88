const path = require('node:path');
const express = require('express');
const { BookmarkStore } = require('./store');

/**
 * The Express app: the bookmarks API under /api and, when it has been built, the React page from dist/.
 * createApp(store) takes the store so tests start with an empty one.
 */
function createApp(store = new BookmarkStore(), staticDir = path.join(__dirname, '..', 'dist')) {
  const app = express();
  app.use(express.json({ limit: '16kb' }));

  app.get('/api/bookmarks', (req, res) => {
    res.json(store.list());
  });

  app.post('/api/bookmarks', (req, res) => {
    const body = req.body || {};
    const bookmark = store.add(body.title, body.url);
    if (!bookmark) {
      res.status(400).json({ error: 'a bookmark needs a title and an http(s) url' });
      return;
    }
    res.status(201).json(bookmark);
  });

  app.delete('/api/bookmarks/:id', (req, res) => {
    if (!store.remove(Number(req.params.id))) {
      res.status(404).json({ error: 'no such bookmark' });
      return;
    }
    res.status(204).end();
  });

  app.use(express.static(staticDir));
  return app;
}

module.exports = { createApp };

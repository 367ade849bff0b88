import { useEffect, useState } from 'react';

/** The bookmarks page: lists what GET /api/bookmarks returns and adds one with POST. */
export function App() {
  const [bookmarks, setBookmarks] = useState([]);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    fetch('/api/bookmarks')
      .then((response) => response.json())
      .then(setBookmarks)
      .catch(() => setError('Could not load the bookmarks.'));
  }, []);

  async function add(event) {
    event.preventDefault();
    const response = await fetch('/api/bookmarks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title, url }),
    });
    if (response.status !== 201) {
      setError('A bookmark needs a title and an http(s) address.');
      return;
    }
    const bookmark = await response.json();
    setBookmarks((current) => [...current, bookmark]);
    setTitle('');
    setUrl('');
    setError('');
  }

  return (
    <main>
      <h1>Bookmarks</h1>
      <form onSubmit={add}>
        <label>
          Title <input value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label>
          Address <input value={url} onChange={(event) => setUrl(event.target.value)} />
        </label>
        <button type="submit">Add</button>
      </form>
      {error && <p role="alert">{error}</p>}
      <ul>
        {bookmarks.map((bookmark) => (
          <li key={bookmark.id}>
            <a href={bookmark.url}>{bookmark.title}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** Bookmarks in memory: what the API lists and adds. They are lost when the server stops. */
class BookmarkStore {
  constructor() {
    this.items = [];
    this.nextId = 1;
  }

  list() {
    return this.items.slice();
  }

  /** Adds a bookmark; title and url are trimmed and required, and url must be http(s). */
  add(title, url) {
    const cleanTitle = typeof title === 'string' ? title.trim() : '';
    const cleanUrl = typeof url === 'string' ? url.trim() : '';
    if (!cleanTitle || !/^https?:\/\/\S+$/.test(cleanUrl)) {
      return null;
    }
    const bookmark = { id: this.nextId++, title: cleanTitle.slice(0, 200), url: cleanUrl.slice(0, 2000) };
    this.items.push(bookmark);
    return bookmark;
  }

  remove(id) {
    const index = this.items.findIndex((bookmark) => bookmark.id === id);
    if (index < 0) {
      return false;
    }
    this.items.splice(index, 1);
    return true;
  }
}

module.exports = { BookmarkStore };

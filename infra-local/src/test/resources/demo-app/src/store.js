'use strict';

// An in-memory todo store. Ids count up from 1; a title is required and kept trimmed.
class TodoStore {
  #todos = new Map();
  #nextId = 1;

  list() {
    return [...this.#todos.values()];
  }

  add(title) {
    if (typeof title !== 'string' || title.trim() === '') {
      throw new TypeError('title must be a non-empty string');
    }
    const todo = { id: this.#nextId++, title: title.trim(), done: false };
    this.#todos.set(todo.id, todo);
    return todo;
  }

  setDone(id, done) {
    const todo = this.#todos.get(id);
    if (!todo) {
      return null;
    }
    todo.done = Boolean(done);
    return todo;
  }

  remove(id) {
    return this.#todos.delete(id);
  }
}

module.exports = { TodoStore };

import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { App } from './App.jsx';

globalThis.IS_REACT_ACT_ENVIRONMENT = true;

let container;
let root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

function answer(status, body) {
  return Promise.resolve({ status, json: () => Promise.resolve(body) });
}

test('lists the bookmarks the API returns', async () => {
  vi.stubGlobal('fetch', vi.fn(() => answer(200, [{ id: 1, title: 'Node.js', url: 'https://nodejs.org' }])));

  await act(async () => root.render(<App />));

  expect(fetch).toHaveBeenCalledWith('/api/bookmarks');
  const link = container.querySelector('li a');
  expect(link.textContent).toBe('Node.js');
  expect(link.getAttribute('href')).toBe('https://nodejs.org');
});

test('adds a bookmark with POST and shows it', async () => {
  const fetchMock = vi.fn((url, options) =>
    options?.method === 'POST' ? answer(201, { id: 2, ...JSON.parse(options.body) }) : answer(200, []),
  );
  vi.stubGlobal('fetch', fetchMock);
  await act(async () => root.render(<App />));

  const [title, address] = container.querySelectorAll('input');
  const type = (input, value) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  await act(async () => {
    type(title, 'MDN');
    type(address, 'https://developer.mozilla.org');
  });
  await act(async () => container.querySelector('form').requestSubmit());

  expect(fetchMock).toHaveBeenLastCalledWith('/api/bookmarks', expect.objectContaining({ method: 'POST' }));
  expect(container.querySelector('li a').textContent).toBe('MDN');
});

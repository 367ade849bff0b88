import { vi } from 'vitest';

type Handler = (request: Request) => Response | Promise<Response>;

/**
 * Replaces the global fetch with routes of a fake API ("GET /v1/projects"); a request no route
 * answers fails the test loudly. `calls` lists what was sent, in order.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), 'http://localhost'), init);
    calls.push(request);
    const url = new URL(request.url);
    const handler = routes[`${request.method} ${url.pathname}`];
    if (!handler) {
      // the client reports a thrown fetch as a dropped connection; say here what really happened
      console.error(`fakeApi: no route for ${request.method} ${url.pathname}`);
      throw new Error(`no fake route for ${request.method} ${url.pathname}`);
    }
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

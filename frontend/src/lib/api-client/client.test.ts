import { describe, expect, it, vi } from 'vitest';
import { json, noContent, problem, tokenRefused } from '@/testing/responses';
import { ApiError } from './api-error';
import { createApiClient, type AccessTokenSource } from './client';

function tokenSource(current: string | null, renewed: string | null = 'fresh'): AccessTokenSource & { renew: ReturnType<typeof vi.fn> } {
  return {
    current: vi.fn(async () => current),
    renew: vi.fn(async () => renewed),
  };
}

function fetchReturning(...responses: Response[]) {
  return vi.fn<typeof fetch>(async () => {
    const next = responses.shift();
    if (!next) {
      throw new Error('more requests than expected');
    }
    return next;
  });
}

function headersOf(fetchFn: ReturnType<typeof fetchReturning>, call: number): Record<string, string> {
  return fetchFn.mock.calls[call]![1]!.headers as Record<string, string>;
}

describe('createApiClient', () => {
  it('sends the access token as a Bearer header and JSON bodies, never cookies', async () => {
    const fetchFn = fetchReturning(json(201, { id: 'prj_1' }));
    const client = createApiClient({ tokens: tokenSource('token-1'), fetchFn });

    const created = await client.json<{ id: string }>('POST', '/v1/projects', { body: { name: 'Todo' } });

    expect(created).toEqual({ id: 'prj_1' });
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('/v1/projects');
    expect(init!.method).toBe('POST');
    expect(init!.body).toBe('{"name":"Todo"}');
    expect(init!.credentials).toBe('omit');
    expect(headersOf(fetchFn, 0)).toMatchObject({ Authorization: 'Bearer token-1', 'Content-Type': 'application/json' });
  });

  it('sends a raw body (a zip archive) as it is, with its own content type, again after a refused token', async () => {
    const tokens = tokenSource('stale', 'fresh');
    const fetchFn = fetchReturning(tokenRefused(), json(201, { files: 1 }));
    const client = createApiClient({ tokens, fetchFn });
    const archive = new Blob([new Uint8Array([0x50, 0x4b, 0x05, 0x06])], { type: 'application/zip' });

    await client.json('POST', '/v1/projects/import?name=Todo', { raw: { data: archive, contentType: 'application/zip' } });

    expect(fetchFn).toHaveBeenCalledTimes(2);
    for (const call of [0, 1]) {
      expect(fetchFn.mock.calls[call]![1]!.body).toBe(archive);
      expect(headersOf(fetchFn, call)['Content-Type']).toBe('application/zip');
    }
    expect(headersOf(fetchFn, 1).Authorization).toBe('Bearer fresh');
  });

  it('sends no token on the auth routes', async () => {
    const tokens = tokenSource('token-1');
    const fetchFn = fetchReturning(json(200, { ok: true }));
    const client = createApiClient({ tokens, fetchFn });

    await client.json('POST', '/v1/auth/login', { body: {}, auth: false });

    expect(headersOf(fetchFn, 0).Authorization).toBeUndefined();
    expect(tokens.current).not.toHaveBeenCalled();
  });

  it('renews the token after a refused one (401) and retries once', async () => {
    const tokens = tokenSource('stale', 'fresh');
    const fetchFn = fetchReturning(tokenRefused(), json(200, { items: [] }));
    const client = createApiClient({ tokens, fetchFn });

    const page = await client.json('GET', '/v1/projects');

    expect(page).toEqual({ items: [] });
    expect(tokens.renew).toHaveBeenCalledWith('stale');
    expect(headersOf(fetchFn, 1).Authorization).toBe('Bearer fresh');
  });

  it('retries only once: a second refusal is an error', async () => {
    const tokens = tokenSource('stale', 'fresh');
    const fetchFn = fetchReturning(tokenRefused(), tokenRefused());
    const client = createApiClient({ tokens, fetchFn });

    const error = await client.json('GET', '/v1/projects').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(fetchFn).toHaveBeenCalledTimes(2);
    expect(tokens.renew).toHaveBeenCalledTimes(1);
  });

  it('does not renew the token after a 403: the caller is known and not allowed', async () => {
    const tokens = tokenSource('valid', 'fresh');
    const fetchFn = fetchReturning(problem(403, 'forbidden', 'Forbidden', { detail: 'only administrators may top up credit' }));
    const client = createApiClient({ tokens, fetchFn });

    const error = (await client.json('POST', '/v1/admin/users/usr_1/credit', { body: {} }).catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(403);
    expect(error.type).toBe('forbidden');
    expect(tokens.renew).not.toHaveBeenCalled();
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it('does not retry when the session cannot be renewed', async () => {
    const fetchFn = fetchReturning(tokenRefused());
    const client = createApiClient({ tokens: tokenSource('stale', null), fetchFn });

    const error = (await client.json('GET', '/v1/projects').catch((e: unknown) => e)) as ApiError;

    expect(error.type).toBe('session-ended');
    expect(fetchFn).toHaveBeenCalledTimes(1);
  });

  it('sends nothing when signed out', async () => {
    const fetchFn = fetchReturning();
    const client = createApiClient({ tokens: tokenSource(null), fetchFn });

    const error = (await client.json('GET', '/v1/projects').catch((e: unknown) => e)) as ApiError;

    expect(error.type).toBe('session-ended');
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('throws the problem of a failed request', async () => {
    const fetchFn = fetchReturning(problem(404, 'not-found', 'Not found', { detail: 'no project prj_x' }));
    const client = createApiClient({ tokens: tokenSource('t'), fetchFn });

    const error = (await client.json('GET', '/v1/projects/prj_x').catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(404);
    expect(error.detail).toBe('No project prj_x.');
  });

  it('turns a failed connection into a network error a screen can offer to retry', async () => {
    const fetchFn = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const client = createApiClient({ tokens: tokenSource('t'), fetchFn });

    const error = (await client.json('GET', '/v1/projects').catch((e: unknown) => e)) as ApiError;

    expect(error.isNetwork).toBe(true);
    expect(error.status).toBe(0);
  });

  it('lets a cancelled request stay cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('aborted', 'AbortError');
    const fetchFn = vi.fn<typeof fetch>(async () => {
      throw abort;
    });
    const client = createApiClient({ tokens: tokenSource('t'), fetchFn });

    await expect(client.json('GET', '/v1/projects', { signal: controller.signal })).rejects.toBe(abort);
  });

  it('answers undefined for 204 No Content', async () => {
    const client = createApiClient({ tokens: tokenSource('t'), fetchFn: fetchReturning(noContent()) });

    await expect(client.json('DELETE', '/v1/projects/prj_1')).resolves.toBeUndefined();
  });
});

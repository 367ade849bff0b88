import { describe, expect, it, vi } from 'vitest';
import { ApiError, networkError } from '@/lib/api-client/api-error';
import { createApiClient } from '@/lib/api-client/client';
import { memoryStorage } from '@/testing/memory-storage';
import { json, tokenRefused, tokens } from '@/testing/responses';
import { singleTab, type CrossTab, type SessionMessage } from './cross-tab';
import { createSession, SESSION_ENDED_NOTICE, SIGNED_OUT_ELSEWHERE_NOTICE } from './session';
import { TokenStore } from './token-store';

const STORED = { 'samokoder.refreshToken': 'refresh-1' };

/** The server's side of rotation: each refresh token works once; a reused one is refused. */
function refreshServer() {
  let issued = 1;
  const used = new Set<string>();
  const presented: string[] = [];
  const exchange = vi.fn(async (refreshToken: string) => {
    presented.push(refreshToken);
    await Promise.resolve();
    if (used.has(refreshToken) || !refreshToken.startsWith('refresh-')) {
      throw new ApiError({ status: 401, type: 'invalid-refresh-token', title: 'Invalid refresh token' });
    }
    used.add(refreshToken);
    issued += 1;
    return tokens(issued);
  });
  return { exchange, presented };
}

/** Tabs of one browser: a lock they take turns on and a channel that reaches the others. */
function browser() {
  let queue: Promise<unknown> = Promise.resolve();
  const listeners: { tab: number; listener: (message: SessionMessage) => void }[] = [];
  let tabs = 0;
  return {
    tab(): CrossTab {
      const tab = (tabs += 1);
      return {
        exclusive<T>(work: () => Promise<T>) {
          const run = queue.then(work);
          queue = run.catch(() => undefined);
          return run;
        },
        publish(message) {
          listeners.filter((l) => l.tab !== tab).forEach((l) => l.listener(message));
        },
        subscribe(listener) {
          listeners.push({ tab, listener });
          return () => undefined;
        },
      };
    },
  };
}

function newSession(options: { storage?: Storage; exchange?: (rt: string) => Promise<ReturnType<typeof tokens>>; crossTab?: CrossTab; now?: () => number } = {}) {
  const storage = options.storage ?? memoryStorage(STORED);
  const revoke = vi.fn(async () => undefined);
  const session = createSession({
    store: new TokenStore(storage),
    exchange: options.exchange ?? refreshServer().exchange,
    revoke,
    crossTab: options.crossTab ?? singleTab(),
    ...(options.now ? { now: options.now } : {}),
  });
  return { session, storage, revoke };
}

describe('session', () => {
  it('is signed in when the tab holds a refresh token (a reload), and refreshes before the first request', async () => {
    const server = refreshServer();
    const { session, storage } = newSession({ exchange: server.exchange });

    expect(session.getState().signedIn).toBe(true);
    await expect(session.current()).resolves.toBe('access-2');
    await expect(session.current()).resolves.toBe('access-2');

    expect(server.presented).toEqual(['refresh-1']);
    expect(storage.getItem('samokoder.refreshToken')).toBe('refresh-2');
  });

  it('shares one refresh between requests refused at the same moment', async () => {
    const server = refreshServer();
    const { session } = newSession({ exchange: server.exchange });
    session.signIn(tokens(1));

    const renewed = await Promise.all([session.renew('access-1'), session.renew('access-1'), session.renew('access-1')]);

    expect(renewed).toEqual(['access-2', 'access-2', 'access-2']);
    expect(server.exchange).toHaveBeenCalledTimes(1);
  });

  it('sends the rotated refresh token next time, never the used one', async () => {
    const server = refreshServer();
    const { session } = newSession({ exchange: server.exchange });

    await session.current();
    await session.renew('access-2');
    await session.renew('access-3');

    expect(server.presented).toEqual(['refresh-1', 'refresh-2', 'refresh-3']);
  });

  it('does not refresh again for a request refused with a token already replaced', async () => {
    const server = refreshServer();
    const { session } = newSession({ exchange: server.exchange });
    await session.current();

    await expect(session.renew('access-1')).resolves.toBe('access-2');
    expect(server.exchange).toHaveBeenCalledTimes(1);
  });

  it('refreshes ahead of time when the access token is about to expire', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z');
    const server = refreshServer();
    const { session } = newSession({ exchange: server.exchange, now: () => now });
    session.signIn(tokens(1, now));

    await expect(session.current()).resolves.toBe('access-1');
    now += 880_000; // 20 s left of 15 minutes
    await expect(session.current()).resolves.toBe('access-2');
  });

  it('ends the session with a message when the refresh token is refused', async () => {
    const { session, storage } = newSession({ exchange: refreshServer().exchange, storage: memoryStorage({ 'samokoder.refreshToken': 'revoked' }) });
    const listener = vi.fn();
    session.subscribe(listener);

    await expect(session.current()).resolves.toBeNull();

    expect(session.getState()).toEqual({ signedIn: false, notice: SESSION_ENDED_NOTICE });
    expect(storage.getItem('samokoder.refreshToken')).toBeNull();
    expect(listener).toHaveBeenCalled();
  });

  it('stays signed in when the refresh could not reach the server, and tries again next time', async () => {
    const exchange = vi.fn().mockRejectedValueOnce(networkError()).mockResolvedValueOnce(tokens(2));
    const { session } = newSession({ exchange });

    await expect(session.current()).rejects.toMatchObject({ type: 'network' });
    expect(session.getState().signedIn).toBe(true);
    await expect(session.current()).resolves.toBe('access-2');
  });

  it('signs out: forgets the tokens, tells the server and the other tabs', async () => {
    const crossTab = { ...singleTab(), publish: vi.fn() };
    const { session, storage, revoke } = newSession({ crossTab });
    session.signIn(tokens(5));

    await session.signOut();

    expect(session.getState()).toEqual({ signedIn: false, notice: null });
    expect(storage.getItem('samokoder.refreshToken')).toBeNull();
    expect(revoke).toHaveBeenCalledWith('refresh-5');
    expect(crossTab.publish).toHaveBeenCalledWith({ type: 'signed-out', refreshToken: 'refresh-5' });
    await expect(session.current()).resolves.toBeNull();
  });

  it('signs out locally even when the server cannot be told', async () => {
    const { session, revoke } = newSession();
    revoke.mockRejectedValueOnce(networkError());

    await expect(session.signOut()).resolves.toBeUndefined();
    expect(session.getState().signedIn).toBe(false);
  });
});

describe('session across tabs', () => {
  it('two tabs holding the same refresh token (a duplicated tab) present it to the server only once', async () => {
    const server = refreshServer();
    const shared = browser();
    const a = newSession({ exchange: server.exchange, crossTab: shared.tab(), storage: memoryStorage(STORED) });
    const b = newSession({ exchange: server.exchange, crossTab: shared.tab(), storage: memoryStorage(STORED) });

    const [fromA, fromB] = await Promise.all([a.session.current(), b.session.current()]);

    expect(server.presented).toEqual(['refresh-1']);
    expect(fromA).toBe('access-2');
    expect(fromB).toBe('access-2');
    expect(b.storage.getItem('samokoder.refreshToken')).toBe('refresh-2');
  });

  it('keeps the tabs on one rotating token refresh after refresh', async () => {
    const server = refreshServer();
    const shared = browser();
    const a = newSession({ exchange: server.exchange, crossTab: shared.tab(), storage: memoryStorage(STORED) });
    const b = newSession({ exchange: server.exchange, crossTab: shared.tab(), storage: memoryStorage(STORED) });

    await a.session.current();
    await Promise.all([a.session.renew('access-2'), b.session.renew('access-2')]);
    await b.session.renew('access-3');

    expect(server.presented).toEqual(['refresh-1', 'refresh-2', 'refresh-3']);
    expect(a.session.getState().signedIn && b.session.getState().signedIn).toBe(true);
  });

  it('ignores another session’s rotation', async () => {
    const server = refreshServer();
    const shared = browser();
    const a = newSession({ exchange: server.exchange, crossTab: shared.tab(), storage: memoryStorage(STORED) });
    const other = newSession({ exchange: server.exchange, crossTab: shared.tab(), storage: memoryStorage({ 'samokoder.refreshToken': 'refresh-elsewhere' }) });
    a.session.signIn(tokens(7));

    await other.session.current();

    expect(a.session.getState().signedIn).toBe(true);
    await expect(a.session.current()).resolves.toBe('access-7');
  });

  it('signs out a tab sharing the session when another tab signs out', async () => {
    const shared = browser();
    const a = newSession({ crossTab: shared.tab(), storage: memoryStorage(STORED) });
    const b = newSession({ crossTab: shared.tab(), storage: memoryStorage(STORED) });

    await a.session.signOut();

    expect(b.session.getState()).toEqual({ signedIn: false, notice: SIGNED_OUT_ELSEWHERE_NOTICE });
  });
});

describe('session with the API client', () => {
  it('refreshes once for concurrent refused requests, then retries each with the new token', async () => {
    const server = refreshServer();
    const { session } = newSession({ exchange: server.exchange });
    session.signIn(tokens(1));
    const seen: string[] = [];
    const fetchFn = vi.fn<typeof fetch>(async (_url, init) => {
      const auth = (init!.headers as Record<string, string>).Authorization!;
      seen.push(auth);
      return auth === 'Bearer access-1' ? tokenRefused() : json(200, { ok: true });
    });
    const client = createApiClient({ tokens: session, fetchFn });

    await Promise.all([client.json('GET', '/v1/projects'), client.json('GET', '/v1/me'), client.json('GET', '/v1/projects/prj_1')]);

    expect(server.exchange).toHaveBeenCalledTimes(1);
    expect(seen.filter((auth) => auth === 'Bearer access-2')).toHaveLength(3);
  });

  it('ends the session when the refresh is refused, and the request fails with a clear error', async () => {
    const { session } = newSession({ storage: memoryStorage({ 'samokoder.refreshToken': 'revoked' }) });
    const client = createApiClient({ tokens: session, fetchFn: vi.fn<typeof fetch>() });

    const error = (await client.json('GET', '/v1/projects').catch((e: unknown) => e)) as ApiError;

    expect(error.type).toBe('session-ended');
    expect(session.getState().notice).toBe(SESSION_ENDED_NOTICE);
  });
});

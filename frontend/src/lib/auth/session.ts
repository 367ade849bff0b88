import { ApiError } from '@/lib/api-client/api-error';
import type { AccessTokenSource } from '@/lib/api-client/client';
import type { CrossTab, SessionMessage } from './cross-tab';
import type { TokenStore } from './token-store';
import type { Tokens } from './tokens';

export type SessionState = {
  signedIn: boolean;
  /** Why the person is signed out when they did not ask to be, shown on the sign-in page. */
  notice: string | null;
};

export type Session = AccessTokenSource & {
  getState(): SessionState;
  subscribe(listener: () => void): () => void;
  signIn(tokens: Tokens): void;
  signOut(): Promise<void>;
  clearNotice(): void;
};

type Deps = {
  store: TokenStore;
  /** POST /v1/auth/refresh: the refresh token for new tokens (the one sent is used up). */
  exchange(refreshToken: string): Promise<Tokens>;
  /** POST /v1/auth/logout: ends the server-side session. */
  revoke(refreshToken: string): Promise<void>;
  crossTab: CrossTab;
  now?: () => number;
};

export const SESSION_ENDED_NOTICE = 'Your session has ended. Sign in again to continue.';
export const SIGNED_OUT_ELSEWHERE_NOTICE = 'You signed out in another tab.';

/** Refresh this long before the access token expires, so a request never leaves with a dying one. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * The signed-in session: hands out access tokens and refreshes them. Refresh tokens rotate and a
 * reused one ends the whole session on the server, so a refresh is never run twice with the same
 * token: callers in this tab share one refresh in flight, tabs take turns through a lock, and the
 * tab that rotated tells the others which token replaced the one they may also hold.
 */
export function createSession({ store, exchange, revoke, crossTab, now = Date.now }: Deps): Session {
  let state: SessionState = { signedIn: store.refreshToken() !== null, notice: null };
  const listeners = new Set<() => void>();
  let inFlight: Promise<string | null> | null = null;

  function setState(next: SessionState) {
    state = next;
    listeners.forEach((listener) => listener());
  }

  function end(notice: string | null) {
    store.clear();
    setState({ signedIn: false, notice });
  }

  /** A token someone else obtained since `rejected` was handed out, if there is one. */
  function newerThan(rejected: string | undefined): string | null {
    const access = store.accessToken(now(), EXPIRY_MARGIN_MS);
    return access !== null && access !== rejected ? access : null;
  }

  async function refreshOnce(rejected: string | undefined): Promise<string | null> {
    const newer = newerThan(rejected);
    if (newer) {
      return newer;
    }
    const refreshToken = store.refreshToken();
    if (!refreshToken) {
      if (state.signedIn) {
        end(SESSION_ENDED_NOTICE);
      }
      return null;
    }
    let tokens: Tokens;
    try {
      tokens = await exchange(refreshToken);
    } catch (error) {
      // a refused refresh token ends the session; a dropped connection does not
      if (error instanceof ApiError && (error.status === 400 || error.status === 401)) {
        end(SESSION_ENDED_NOTICE);
        return null;
      }
      throw error;
    }
    if (store.refreshToken() !== refreshToken) {
      // signed out (or in again) while the refresh was on its way: its tokens belong to no one
      return newerThan(undefined);
    }
    store.save(tokens, now());
    crossTab.publish({ type: 'rotated', from: refreshToken, tokens });
    return tokens.accessToken;
  }

  function renew(rejected?: string): Promise<string | null> {
    const newer = newerThan(rejected);
    if (newer) {
      return Promise.resolve(newer);
    }
    inFlight ??= crossTab.exclusive(() => refreshOnce(rejected)).finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  function onMessage(message: SessionMessage) {
    const held = store.refreshToken();
    if (message.type === 'rotated' && held === message.from) {
      store.save(message.tokens, now());
    } else if (message.type === 'signed-out' && held === message.refreshToken) {
      end(SIGNED_OUT_ELSEWHERE_NOTICE);
    }
  }
  crossTab.subscribe(onMessage);

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async current() {
      const access = store.accessToken(now(), EXPIRY_MARGIN_MS);
      if (access) {
        return access;
      }
      return store.refreshToken() ? renew() : null;
    },
    renew,
    signIn(tokens) {
      store.save(tokens, now());
      setState({ signedIn: true, notice: null });
    },
    async signOut() {
      const refreshToken = store.refreshToken();
      end(null);
      if (refreshToken) {
        crossTab.publish({ type: 'signed-out', refreshToken });
        // best effort: the tokens are already gone from this browser, and a session the server
        // could not be told about expires on its own (30 days)
        await revoke(refreshToken).catch(() => undefined);
      }
    },
    clearNotice() {
      if (state.notice !== null) {
        setState({ ...state, notice: null });
      }
    },
  };
}

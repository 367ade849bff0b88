import type { Tokens } from './tokens';

const REFRESH_KEY = 'samokoder.refreshToken';

type Access = { token: string; expiresAt: number };

/**
 * Where the tokens live. Tokens are never cookies (docs/security.md: sent only as
 * `Authorization: Bearer`, so CSRF does not apply). The access token stays in memory only: it
 * lasts 15 minutes and a reload simply refreshes it. The refresh token goes to sessionStorage so a
 * reload keeps the person signed in, while it still dies with the tab — unlike localStorage it is
 * not left on disk after the browser closes and is not shared with every tab, which keeps the
 * exposure to one tab's lifetime. Any script on the page could read it either way; the defence
 * there is serving no third-party script.
 */
export class TokenStore {
  private access: Access | null = null;

  constructor(private readonly storage: Storage | null) {}

  accessToken(now: number, marginMs: number): string | null {
    return this.access && this.access.expiresAt - marginMs > now ? this.access.token : null;
  }

  refreshToken(): string | null {
    try {
      return this.storage?.getItem(REFRESH_KEY) ?? null;
    } catch {
      return null;
    }
  }

  save(tokens: Tokens, now: number): void {
    const expiresAt = Date.parse(tokens.accessTokenExpiresAt);
    this.access = {
      token: tokens.accessToken,
      // the server's clock and ours may differ: trust whichever end comes first
      expiresAt: Math.min(Number.isNaN(expiresAt) ? Infinity : expiresAt, now + tokens.expiresIn * 1000),
    };
    try {
      this.storage?.setItem(REFRESH_KEY, tokens.refreshToken);
    } catch {
      // storage full or disabled: the session still works until the tab reloads
    }
  }

  clear(): void {
    this.access = null;
    try {
      this.storage?.removeItem(REFRESH_KEY);
    } catch {
      // nothing stored to remove
    }
  }
}

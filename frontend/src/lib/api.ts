import { createApiClient } from './api-client/client';
import { browserCrossTab } from './auth/cross-tab';
import { createSession } from './auth/session';
import { TokenStore } from './auth/token-store';
import type { Tokens } from './auth/tokens';

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // storage disabled by the browser's settings: the session lasts until the tab reloads
    return null;
  }
}

/** The one session of this tab. */
export const session = createSession({
  store: new TokenStore(sessionStorageOrNull()),
  crossTab: browserCrossTab(),
  exchange: (refreshToken) => api.json<Tokens>('POST', '/v1/auth/refresh', { body: { refreshToken }, auth: false }),
  revoke: async (refreshToken) => {
    await api.send('POST', '/v1/auth/logout', { body: { refreshToken }, auth: false });
  },
});

/** The API client every feature calls; same origin (the gateway, or the dev server's proxy). */
export const api = createApiClient({ tokens: session });

import { ApiError, networkError, sessionEndedError } from './api-error';
import { errorFromResponse } from './problem';

/** Where the client gets access tokens; the session (lib/auth) implements it. */
export interface AccessTokenSource {
  /** A usable access token (refreshing first if there is none yet), or null when signed out. */
  current(): Promise<string | null>;
  /** A new access token after the server refused `rejected`, or null when the session has ended. */
  renew(rejected: string): Promise<string | null>;
}

/**
 * A body sent as it is, with its own content type (a zip archive to import). A Blob, not a stream:
 * after a refused token the same bytes are sent again.
 */
export type RawBody = { data: Blob; contentType: string };

export type RequestOptions = {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, instead of a JSON `body`. */
  raw?: RawBody;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** False for the auth routes themselves, which take no token. */
  auth?: boolean;
};

export type ApiClient = {
  /** The raw response of a successful call (2xx); anything else is thrown as an ApiError. */
  send(method: string, path: string, options?: RequestOptions): Promise<Response>;
  json<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
};

type Deps = {
  tokens: AccessTokenSource;
  fetchFn?: typeof fetch;
  baseUrl?: string;
};

export function createApiClient({ tokens, fetchFn = (...args) => fetch(...args), baseUrl = '' }: Deps): ApiClient {
  async function attempt(method: string, path: string, options: RequestOptions, token: string | null) {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
    let body: BodyInit | null = null;
    if (options.raw !== undefined) {
      headers['Content-Type'] = options.raw.contentType;
      body = options.raw.data;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    if (token) {
      headers.Authorization = `Bearer ${token}`;
    }
    try {
      return await fetchFn(baseUrl + path, {
        method,
        headers,
        body,
        signal: options.signal ?? null,
        // tokens travel only in the Authorization header (docs/security.md), never as cookies
        credentials: 'omit',
      });
    } catch (error) {
      if (options.signal?.aborted) {
        throw error;
      }
      throw networkError();
    }
  }

  async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    let response: Response;
    if (options.auth === false) {
      response = await attempt(method, path, options, null);
    } else {
      const token = await tokens.current();
      if (!token) {
        throw sessionEndedError();
      }
      response = await attempt(method, path, options, token);
      // The API checks the token before anything else and refuses an expired or invalid one with
      // 401 (WWW-Authenticate: Bearer ..., error="invalid_token"): nothing happened, so one retry
      // with a fresh token is safe. A 403 is a decision about a valid caller (a key's scope, an
      // administrator's route): a new token would not change it.
      if (response.status === 401) {
        const renewed = await tokens.renew(token);
        if (!renewed) {
          throw sessionEndedError();
        }
        response = await attempt(method, path, options, renewed);
      }
    }
    if (!response.ok) {
      throw await errorFromResponse(response);
    }
    return response;
  }

  async function json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await send(method, path, options);
    if (response.status === 204) {
      return undefined as T;
    }
    try {
      return (await response.json()) as T;
    } catch {
      throw new ApiError({ status: response.status, type: 'bad-response', title: 'Unexpected answer from the server', detail: 'Try again in a moment.' });
    }
  }

  return { send, json };
}

/** Responses as the API sends them, for tests. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, slug: string, title: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: `https://samokoder.dev/problems/${slug}`, title, status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

/** The API's refusal of an expired or invalid access token: 401, a Bearer challenge and a problem. */
export function tokenRefused(): Response {
  return problem(401, 'invalid-token', 'Invalid credential', { detail: 'the access token expired' }, {
    'WWW-Authenticate': 'Bearer realm="samokoder", error="invalid_token", error_description="The access token expired"',
  });
}

/** A refusal by something in front of the API (a proxy), not problem+json. */
export function plainRefusal(status: 401 | 403): Response {
  return json(status, { message: status === 401 ? 'Unauthorized' : 'Forbidden' });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function tokens(n: number, now = Date.now()) {
  return {
    tokenType: 'Bearer' as const,
    accessToken: `access-${n}`,
    expiresIn: 900,
    accessTokenExpiresAt: new Date(now + 900_000).toISOString(),
    refreshToken: `refresh-${n}`,
    refreshTokenExpiresAt: new Date(now + 30 * 86_400_000).toISOString(),
    userId: 'usr_1',
  };
}

/**
 * Where to go after signing in. Only a path of this site: `//evil.example` or `https://…` in the
 * `next` parameter would otherwise send the person off-site straight after they signed in.
 */
export function nextPath(raw: string | null, fallback = '/projects'): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) {
    return fallback;
  }
  return raw;
}

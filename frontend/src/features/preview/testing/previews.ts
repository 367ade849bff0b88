import type { Preview } from '../api/types';

export const PREVIEW_ORIGIN = 'http://127.0.0.1:41234';

/** The address a live preview's answer carries: the origin's entrance with one-time ticket `ticket`. */
export function ticketUrl(ticket: string): string {
  return `${PREVIEW_ORIGIN}/.samokoder/enter?ticket=${ticket}`;
}

/** A preview as the API answers it, for tests: running, its files unchanged, by default. */
export function aPreview(changes: Partial<Preview> = {}): Preview {
  const status = changes.status ?? 'running';
  const live = status === 'starting' || status === 'running';
  return {
    id: 'pv_aaaaaaaaaaaaaaaaaaaa',
    status,
    url: live ? ticketUrl('pt_first') : `${PREVIEW_ORIGIN}/`,
    startCommand: 'npm start',
    createdAt: '2030-01-01T10:00:00Z',
    expiresAt: '2030-01-01T10:30:00Z',
    filesChanged: false,
    ...changes,
  };
}

import { api } from '@/lib/api';
import { projectApiPath } from '@/lib/paths';
import type { Preview } from './types';

/**
 * Starts a preview of the project's current files, replacing the one before. A project without
 * an app to run (no successful run, or no start command) answers 409 `preview-unavailable`, its
 * detail saying why.
 */
export function startPreview(projectId: string): Promise<Preview> {
  return api.json<Preview>('POST', `${projectApiPath(projectId)}/preview`);
}

/** The project's preview with a fresh ticket in its `url` while it is live; 404 when it never had one. */
export function getPreview(projectId: string, signal?: AbortSignal): Promise<Preview> {
  return api.json<Preview>('GET', `${projectApiPath(projectId)}/preview`, { signal });
}

/** Stops the project's preview (one that had stopped stays as it was). */
export function stopPreview(projectId: string): Promise<Preview> {
  return api.json<Preview>('DELETE', `${projectApiPath(projectId)}/preview`);
}

import { api } from '@/lib/api';
import { projectApiPath } from '@/lib/paths';
import type { Export, FileContent, FileTree } from './types';

/** `src/my app/App.tsx` → `src/my%20app/App.tsx`: each segment encoded, the slashes kept (route `{path+}`). */
export function encodeFilePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function listFiles(projectId: string, signal?: AbortSignal): Promise<FileTree> {
  return api.json<FileTree>('GET', `${projectApiPath(projectId)}/files`, { signal });
}

export async function getFile(projectId: string, path: string, signal?: AbortSignal): Promise<FileContent> {
  const response = await api.send('GET', `${projectApiPath(projectId)}/files/${encodeFilePath(path)}`, {
    signal,
    headers: { Accept: 'text/plain, application/octet-stream' },
  });
  if ((response.headers.get('Content-Type') ?? '').startsWith('text/')) {
    return { kind: 'text', text: await response.text() };
  }
  // the tree already gave the size; the bytes are not shown, so they are not read
  await response.body?.cancel();
  return { kind: 'binary' };
}

export function exportProject(projectId: string): Promise<Export> {
  return api.json<Export>('GET', `${projectApiPath(projectId)}/export`);
}

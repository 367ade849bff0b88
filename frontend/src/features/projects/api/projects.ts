import { api } from '@/lib/api';
import { projectApiPath } from '@/lib/paths';
import type { ImportedProject, NewImport, NewProject, Project, ProjectPage } from './types';

const PAGE_SIZE = 20;

export function listProjects(cursor: string | undefined, signal?: AbortSignal): Promise<ProjectPage> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) {
    query.set('cursor', cursor);
  }
  return api.json<ProjectPage>('GET', `/v1/projects?${query}`, { signal });
}

export function getProject(id: string, signal?: AbortSignal): Promise<Project> {
  return api.json<Project>('GET', projectApiPath(id), { signal });
}

export function createProject(input: NewProject): Promise<Project> {
  return api.json<Project>('POST', '/v1/projects', { body: input });
}

/**
 * A new project with the files of a zip archive. The archive is the body as it is (not JSON); the
 * name and description travel in the query. An archive the API will not take is a 400 or 413
 * problem (`import-path-traversal`, `import-too-large`, …) and nothing is imported.
 */
export function importProject({ name, description, archive }: NewImport): Promise<ImportedProject> {
  // %20 for a space, never `+`: not every gateway reads a `+` in a query as a space
  let query = `name=${encodeURIComponent(name)}`;
  if (description !== '') {
    query += `&description=${encodeURIComponent(description)}`;
  }
  return api.json<ImportedProject>('POST', `/v1/projects/import?${query}`, { raw: { data: archive, contentType: 'application/zip' } });
}

/** Renames the project as it was read; a change made elsewhere since is a 409 `version-conflict`. */
export function renameProject(project: Project, name: string): Promise<Project> {
  return api.json<Project>('PATCH', projectApiPath(project.id), { body: { version: project.version, name } });
}

/** Deletes the project as it was read (If-Match its version), with every file. */
export async function deleteProject(project: Project): Promise<void> {
  await api.send('DELETE', projectApiPath(project.id), { headers: { 'If-Match': `"${project.version}"` } });
}

import { api } from '@/lib/api';
import { projectApiPath } from '@/lib/paths';
import type { NewProject, Project, ProjectPage } from './types';

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

/** Renames the project as it was read; a change made elsewhere since is a 409 `version-conflict`. */
export function renameProject(project: Project, name: string): Promise<Project> {
  return api.json<Project>('PATCH', projectApiPath(project.id), { body: { version: project.version, name } });
}

/** Deletes the project as it was read (If-Match its version), with every file. */
export async function deleteProject(project: Project): Promise<void> {
  await api.send('DELETE', projectApiPath(project.id), { headers: { 'If-Match': `"${project.version}"` } });
}

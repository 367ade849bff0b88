// A project id comes from a URL the person can edit: it is always encoded into a path.

/** `/v1/projects/{id}`: the root of every API route of a project. */
export function projectApiPath(projectId: string): string {
  return `/v1/projects/${encodeURIComponent(projectId)}`;
}

/** The project's page in the app. */
export function projectPagePath(projectId: string): string {
  return `/projects/${encodeURIComponent(projectId)}`;
}

/** `/v1/runs/{id}`: the root of every API route of a run. */
export function runApiPath(runId: string): string {
  return `/v1/runs/${encodeURIComponent(runId)}`;
}

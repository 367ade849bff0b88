export type Autonomy = 'interactive' | 'autonomous';

export type ProjectSettings = {
  /** Most the project may spend on model calls, in USD; absent (or null): no project budget. */
  budgetUsd?: number | null;
  autonomy: Autonomy;
};

export type Project = {
  id: string;
  name: string;
  description: string;
  settings: ProjectSettings;
  createdAt: string;
  updatedAt: string;
  /** Sent back on a change, so a change made elsewhere meanwhile is refused, not overwritten. */
  version: number;
};

export type ProjectPage = { items: Project[]; nextCursor?: string };

export type NewProject = {
  name: string;
  description: string;
  settings: { autonomy: Autonomy; budgetUsd?: number };
};

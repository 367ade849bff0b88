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

export type NewImport = {
  name: string;
  description: string;
  /** The zip archive, sent as it is. */
  archive: Blob;
};

/** The answer to an import: the new project, how many files it got, and what was left out, each with why. */
export type ImportedProject = {
  project: Project;
  files: number;
  binaryFiles: number;
  /** What was left out, each with why: `todo-main/.git/: 214 file(s), git's own data, not kept`, a link each. */
  skipped: string[];
};

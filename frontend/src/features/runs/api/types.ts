export type RunKind = 'new-app' | 'change-request';

/** Whether SpecWriter may ask the person questions (the project's autonomy, or chosen per run). */
export type RunMode = 'interactive' | 'autonomous';

export type RunStatus = 'running' | 'waiting-for-answer' | 'paused-budget' | 'succeeded' | 'failed' | 'cancelled';

/** Where the current task stands: new, steps-planned, code-written, passed, failed. */
export type TaskPhase = string;

export type RunProgress = {
  specDone: boolean;
  openQuestions: number;
  architectureDone: boolean;
  planDone: boolean;
  taskCount: number;
  /** The task being worked on, from 1; 0 outside the tasks. */
  currentTask: number;
  tasksDone: number;
  /** Absent outside the tasks. */
  phase?: TaskPhase | null;
  fixIterations: number;
  docsDone: boolean;
  cancelRequested: boolean;
};

export type AgentCost = {
  agent: string;
  costUsd: number;
  calls: number;
  promptTokens: number;
  completionTokens: number;
};

export type RunCost = {
  totalUsd: number;
  calls: number;
  /** The answers came from a recorded transcript: no model was called. */
  replayed: boolean;
  byAgent: AgentCost[];
};

/**
 * A run as `GET /v1/runs/{runId}` answers it. The API leaves out what is null: `currentStep`
 * before the first step, `cost` everywhere but on that route, `failure` unless it failed.
 */
export type Run = {
  id: string;
  projectId: string;
  kind: RunKind;
  status: RunStatus;
  mode: RunMode;
  request: string;
  /** The step the router chose last (`code-monkey`, `executor`, …) and why. */
  currentStep?: { step: string; reason: string } | null;
  progress: RunProgress;
  cost?: RunCost | null;
  failure?: string | null;
  createdAt: string;
  updatedAt: string;
};

export type RunPage = { items: Run[]; nextCursor?: string | null };

/** One line of the run's timeline; `data` values are strings (agent, task, exitCode, path, …). */
export type RunEvent = {
  seq: number;
  type: string;
  message: string;
  data: Record<string, string>;
  at: string;
};

/** Events after a cursor; `next` is the `after` of the following poll. */
export type RunEventPage = { items: RunEvent[]; next: number };

export type Question = {
  id: number;
  text: string;
  answer?: string | null;
  askedAt: string;
  answeredAt?: string | null;
};

export type NewRun = { request: string; kind: RunKind; mode: RunMode };

/** One task of the run's plan (`GET /v1/runs/{id}/tasks`); `current` is the task the run is on or stopped at. */
export type PlannedTask = {
  number: number;
  epic: string;
  title: string;
  description: string;
  acceptanceTests: string[];
  status: 'planned' | 'done' | 'failed';
  current: boolean;
};

/** One run of a task's commands and tests in the sandbox; `output` is the capped tail of stdout and stderr. */
export type Execution = {
  number: number;
  passed: boolean;
  failedCommand: string[];
  failure: 'none' | 'tests' | 'command';
  exitCode: number;
  timedOut: boolean;
  durationMillis: number;
  output: string;
  filesChanged: number;
  at: string;
};

export type FileChangeKind = 'added' | 'modified' | 'deleted';

/** A changed file between two snapshots; the API leaves out `before` for an added file, `after` for a deleted one. */
export type ChangedFile = {
  path: string;
  change: FileChangeKind;
  before?: { sha256: string; size: number } | null;
  after?: { sha256: string; size: number } | null;
};

export type SnapshotDiff = { from: string; to: string; files: ChangedFile[]; truncated: boolean };

/** One file's two versions as text; absent when the file is not in that snapshot, or `binary` / `truncated`. */
export type FileDiff = {
  path: string;
  change: FileChangeKind | 'unchanged';
  before?: string | null;
  after?: string | null;
  binary: boolean;
  truncated: boolean;
};

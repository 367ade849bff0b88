import type { Run, RunEvent } from '../api/types';

/** A run as the API answers it, for tests: a new app in its first task by default. */
export function aRun(changes: Partial<Run> = {}, progress: Partial<Run['progress']> = {}): Run {
  return {
    id: 'run_aaaaaaaaaaaaaaaaaaaa',
    projectId: 'prj_aaaaaaaaaaaaaaaaaaaa',
    kind: 'new-app',
    status: 'running',
    mode: 'autonomous',
    request: 'A todo list API',
    progress: {
      specDone: true,
      openQuestions: 0,
      architectureDone: true,
      planDone: true,
      taskCount: 2,
      currentTask: 1,
      tasksDone: 0,
      phase: 'failed',
      fixIterations: 0,
      docsDone: false,
      cancelRequested: false,
      ...progress,
    },
    createdAt: '2030-01-01T10:00:00Z',
    updatedAt: '2030-01-01T10:00:10Z',
    ...changes,
  };
}

let seq = 0;

/** An event with the next sequence number (reset with `resetEvents`). */
export function anEvent(type: string, message: string, data: Record<string, string> = {}): RunEvent {
  seq += 1;
  return { seq, type, message, data, at: '2030-01-01T10:00:00Z' };
}

export function resetEvents() {
  seq = 0;
}

/**
 * An agent's tool call as the platform records it; `data` adds the step, the path, `changed`,
 * `task`, or `ok: 'false'` for a refused one.
 */
export function aToolCall(agent: string, tool: string, message: string, data: Record<string, string> = {}): RunEvent {
  return anEvent('TOOL_CALL', message, { agent, tool, ok: 'true', ...data });
}

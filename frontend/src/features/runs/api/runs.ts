import { api } from '@/lib/api';
import { projectApiPath, runApiPath } from '@/lib/paths';
import type { Execution, FileDiff, NewRun, PlannedTask, Question, Run, RunEventPage, RunPage, SnapshotDiff } from './types';

/** The most events one poll asks for (the API's maximum). */
export const EVENTS_PAGE_SIZE = 200;

/** Starts a run; a project with a run in progress answers 409 `active-run` with its id. */
export function startRun(projectId: string, input: NewRun): Promise<Run> {
  return api.json<Run>('POST', `${projectApiPath(projectId)}/runs`, { body: input });
}

/** The project's runs, newest first. */
export function listRuns(projectId: string, limit: number, signal?: AbortSignal): Promise<RunPage> {
  return api.json<RunPage>('GET', `${projectApiPath(projectId)}/runs?${new URLSearchParams({ limit: String(limit) })}`, { signal });
}

/** The run with its cost so far (only this route has the cost). */
export function getRun(runId: string, signal?: AbortSignal): Promise<Run> {
  return api.json<Run>('GET', runApiPath(runId), { signal });
}

/** The run's events after sequence number `after`, oldest first. */
export function listRunEvents(runId: string, after: number, signal?: AbortSignal): Promise<RunEventPage> {
  const query = new URLSearchParams({ after: String(after), limit: String(EVENTS_PAGE_SIZE) });
  return api.json<RunEventPage>('GET', `${runApiPath(runId)}/events?${query}`, { signal });
}

export async function listQuestions(runId: string, signal?: AbortSignal): Promise<Question[]> {
  return (await api.json<{ items: Question[] }>('GET', `${runApiPath(runId)}/questions`, { signal })).items;
}

/** Answers one question; the last answer sends the run back to work. */
export function answerQuestion(runId: string, questionId: number, answer: string): Promise<Question> {
  return api.json<Question>('POST', `${runApiPath(runId)}/questions/${questionId}/answer`, { body: { answer } });
}

/** Asks the run to stop at its next step (202); an ended run answers 409 `run-state`. */
export function cancelRun(runId: string): Promise<Run> {
  return api.json<Run>('POST', `${runApiPath(runId)}/cancel`);
}

/** Resumes a failed or budget-paused run; 409 `run-state` says why it cannot. */
export function resumeRun(runId: string): Promise<Run> {
  return api.json<Run>('POST', `${runApiPath(runId)}/resume`);
}

/** The run's plan: every task with its status (empty until TechLead has planned). */
export async function listTasks(runId: string, signal?: AbortSignal): Promise<PlannedTask[]> {
  return (await api.json<{ items: PlannedTask[] }>('GET', `${runApiPath(runId)}/tasks`, { signal })).items;
}

/** A task's executions in the sandbox, first to last, with their capped output. */
export async function listExecutions(runId: string, task: number, signal?: AbortSignal): Promise<Execution[]> {
  return (await api.json<{ items: Execution[] }>('GET', `${runApiPath(runId)}/tasks/${task}/executions`, { signal })).items;
}

/** The files that changed between two of the project's snapshots (keys from the run's events). */
export function getDiff(projectId: string, from: string, to: string, signal?: AbortSignal): Promise<SnapshotDiff> {
  return api.json<SnapshotDiff>('GET', `${projectApiPath(projectId)}/diff?${new URLSearchParams({ from, to })}`, { signal });
}

/** One file's two versions between those snapshots. */
export function getFileDiff(projectId: string, from: string, to: string, path: string, signal?: AbortSignal): Promise<FileDiff> {
  return api.json<FileDiff>('GET', `${projectApiPath(projectId)}/diff?${new URLSearchParams({ from, to, path })}`, { signal });
}

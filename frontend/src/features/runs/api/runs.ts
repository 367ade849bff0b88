import { api } from '@/lib/api';
import { projectApiPath, runApiPath } from '@/lib/paths';
import type { NewRun, Question, Run, RunEventPage, RunPage } from './types';

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

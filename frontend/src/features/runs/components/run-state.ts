import { sentence } from '@/lib/api-client/problem';
import type { Run, RunEvent, RunStatus } from '../api/types';
import { isRefused, isToolCall, toolCallText } from './tool-calls';

/** A run in one of these can still change by itself (or by an answer): it is watched. */
export function isActive(status: RunStatus): boolean {
  return status === 'running' || status === 'waiting-for-answer' || status === 'paused-budget';
}

/** Only these move on without the person: `paused-budget` and `waiting-for-answer` wait for them. */
export function isWorking(status: RunStatus): boolean {
  return status === 'running';
}

export function canCancel(run: Run): boolean {
  return isActive(run.status) && !run.progress.cancelRequested;
}

/** The API resumes a failed run or one paused by the budget; it says why when it cannot. */
export function canResume(run: Run): boolean {
  return run.status === 'failed' || run.status === 'paused-budget';
}

export const STATUS_LABELS: Record<RunStatus, string> = {
  running: 'Running',
  'waiting-for-answer': 'Waiting for your answers',
  'paused-budget': 'Paused: budget reached',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The workflow's steps (`currentStep.step`, or a `route` event's `step` in upper case) as people read them. */
const STEPS: Record<string, { agent: string; doing: string }> = {
  'spec-writer': { agent: 'SpecWriter', doing: 'writes the spec' },
  'ask-user': { agent: 'You', doing: 'the agents wait for your answers' },
  architect: { agent: 'Architect', doing: 'chooses the stack' },
  'tech-lead': { agent: 'TechLead', doing: 'plans the tasks' },
  developer: { agent: 'Developer', doing: 'plans the steps of the task' },
  'code-monkey': { agent: 'CodeMonkey', doing: 'writes the files' },
  executor: { agent: 'Executor', doing: 'runs the commands and tests in the sandbox' },
  'bug-hunter': { agent: 'BugHunter', doing: 'finds why the tests fail' },
  troubleshooter: { agent: 'Troubleshooter', doing: 'finds why a command fails' },
  'problem-solver': { agent: 'ProblemSolver', doing: 'rethinks the approach' },
  'complete-task': { agent: 'Workflow', doing: 'saves the finished task' },
  'technical-writer': { agent: 'TechnicalWriter', doing: 'writes the README' },
  finalize: { agent: 'Workflow', doing: 'packs the app' },
  fail: { agent: 'Workflow', doing: 'stops the run' },
};

/** `CODE_MONKEY` or `code-monkey` → `code-monkey`. */
function stepKey(step: string): string {
  return step.toLowerCase().replaceAll('_', '-');
}

/** Who works on a step: an agent's name, or the step itself for a step this app does not know yet. */
export function agentOfStep(step: string): string {
  return STEPS[stepKey(step)]?.agent ?? step;
}

export function stepDoing(step: string): string | undefined {
  return STEPS[stepKey(step)]?.doing;
}

/** The agent an event is about: its `agent`, or for a routing decision the agent it hands to. */
export function eventAgent(event: RunEvent): string | undefined {
  if (event.data.agent) {
    return event.data.agent;
  }
  if (event.type === 'route' && event.data.step) {
    return agentOfStep(event.data.step);
  }
  return undefined;
}

const FAILURES = new Set(['EXECUTION_FAILED', 'FAILURE_REPEATED', 'COMMAND_REFUSED', 'RUN_FAILED']);
const SUCCESSES = new Set(['EXECUTION_PASSED', 'TASK_DONE', 'RUN_SUCCEEDED']);
const ATTENTION = new Set(['WAITING_FOR_ANSWERS', 'PAUSED_FOR_BUDGET', 'CANCEL_REQUESTED', 'RUN_CANCELLED']);

export type EventTone = 'failure' | 'success' | 'attention' | 'route' | 'tool' | 'refused' | 'info';

/**
 * How a timeline line looks: failures stand out (the executor's failed commands among them); an
 * agent's tool calls are small, and a refused one is marked but is no failure of the run.
 */
export function eventTone(event: RunEvent): EventTone {
  if (isToolCall(event)) {
    return isRefused(event) ? 'refused' : 'tool';
  }
  if (FAILURES.has(event.type)) {
    return 'failure';
  }
  if (SUCCESSES.has(event.type)) {
    return 'success';
  }
  if (ATTENTION.has(event.type)) {
    return 'attention';
  }
  return event.type === 'route' ? 'route' : 'info';
}

/**
 * The event's message as a sentence ("task 1: node --test failed…" → "Task 1: node --test failed….").
 * A tool call's message, and the rest of one that starts with its agent's name ("CodeMonkey paused
 * after…"), say what the agent did: they are shown as they are, after the agent.
 */
export function eventText(event: RunEvent): string {
  if (isToolCall(event)) {
    return toolCallText(event);
  }
  const agent = event.data.agent;
  if (agent && event.message.startsWith(`${agent} `)) {
    return event.message.slice(agent.length + 1);
  }
  return sentence(event.message);
}

/** The facts of an executor event worth a glance: exit code and how long it took. */
export function executionFacts(event: RunEvent): string | undefined {
  if (event.type !== 'EXECUTION_FAILED' && event.type !== 'EXECUTION_PASSED') {
    return undefined;
  }
  const facts: string[] = [];
  if (event.data.exitCode !== undefined) {
    facts.push(`exit code ${event.data.exitCode}`);
  }
  const millis = Number(event.data.durationMillis);
  if (event.data.durationMillis !== undefined && Number.isFinite(millis)) {
    facts.push(millis < 1000 ? `${millis} ms` : `${(millis / 1000).toFixed(1)} s`);
  }
  return facts.length > 0 ? facts.join(' · ') : undefined;
}

/** Adds a page of events to those shown, once each and in order (a poll may repeat one). */
export function mergeEvents(shown: RunEvent[], page: RunEvent[]): RunEvent[] {
  const last = shown.length > 0 ? shown[shown.length - 1]!.seq : 0;
  const fresh = page.filter((event) => event.seq > last);
  return fresh.length > 0 ? [...shown, ...fresh] : shown;
}

export type PlanTask = {
  number: number;
  /** Known once the task is done (TASK_DONE names it); the API has no route for the plan itself. */
  title: string | undefined;
  status: 'done' | 'current' | 'pending';
};

const TASK_DONE_TITLE = /^task \d+ of \d+ done: (.+)$/;

/** The plan as far as the run's progress and events tell it: every task, done, current or to do. */
export function planTasks(run: Run, events: RunEvent[]): PlanTask[] {
  const titles = new Map<number, string>();
  for (const event of events) {
    const match = event.type === 'TASK_DONE' ? TASK_DONE_TITLE.exec(event.message) : null;
    const number = Number(event.data.task);
    if (match && Number.isInteger(number)) {
      titles.set(number, match[1]!);
    }
  }
  const { taskCount, tasksDone, currentTask } = run.progress;
  return Array.from({ length: taskCount }, (_, index) => {
    const number = index + 1;
    const status = number <= tasksDone ? 'done' : number === currentTask ? 'current' : 'pending';
    return { number, title: titles.get(number), status };
  });
}

const PHASES: Record<string, string> = {
  new: 'starting',
  'steps-planned': 'steps planned',
  'code-written': 'code written',
  tested: 'tests passed; building, starting and probing the app',
  passed: 'tests passed',
  failed: 'tests failed',
};

export function phaseText(phase: string): string {
  return PHASES[phase] ?? phase.replaceAll('-', ' ');
}

/** What the run is doing now, in a line. */
export function currentActivity(run: Run): { agent: string; text: string } | undefined {
  if (!isActive(run.status)) {
    return undefined;
  }
  if (run.status === 'waiting-for-answer') {
    return { agent: 'You', text: 'The agents wait for your answers to their questions.' };
  }
  if (run.status === 'paused-budget') {
    return { agent: 'You', text: 'The run is paused: it reached the budget. Raise the project’s budget, then resume it.' };
  }
  if (run.progress.cancelRequested) {
    return { agent: 'Workflow', text: 'Stopping at the next step, as you asked.' };
  }
  const step = run.currentStep;
  if (!step) {
    return { agent: 'Workflow', text: 'Starting…' };
  }
  return { agent: agentOfStep(step.step), text: sentence(step.reason) };
}

/** The snapshots a task's changes lie between: the workspace before it and after it. */
export type TaskSnapshots = { from: string; to: string };

/**
 * Each completed task's snapshots, from the events: `RUN_STARTED` carries the baseline and each
 * `TASK_DONE` the workspace after its task, which is where the next task starts.
 */
export function taskSnapshots(events: RunEvent[]): Map<number, TaskSnapshots> {
  const after = new Map<number, string>();
  let baseline: string | undefined;
  for (const event of events) {
    if (event.type === 'RUN_STARTED' && event.data.snapshot && baseline === undefined) {
      baseline = event.data.snapshot;
    }
    const task = Number(event.data.task);
    if (event.type === 'TASK_DONE' && event.data.snapshot && Number.isInteger(task)) {
      after.set(task, event.data.snapshot);
    }
  }
  const pairs = new Map<number, TaskSnapshots>();
  for (const [task, to] of after) {
    const from = task === 1 ? baseline : after.get(task - 1);
    if (from !== undefined) {
      pairs.set(task, { from, to });
    }
  }
  return pairs;
}

/** How long an execution took, as people read it. */
export function formatDuration(millis: number): string {
  return millis < 1000 ? `${millis} ms` : `${(millis / 1000).toFixed(1)} s`;
}

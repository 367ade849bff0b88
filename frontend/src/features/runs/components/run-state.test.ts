import { describe, expect, it } from 'vitest';
import type { Run, RunEvent } from '../api/types';
import { agentOfStep, canResume, currentActivity, eventAgent, eventTone, executionFacts, mergeEvents, planTasks, taskSnapshots } from './run-state';

function run(changes: Partial<Run> = {}, progress: Partial<Run['progress']> = {}): Run {
  return {
    id: 'run_1',
    projectId: 'prj_1',
    kind: 'new-app',
    status: 'running',
    mode: 'autonomous',
    request: 'A todo app',
    progress: {
      specDone: true,
      openQuestions: 0,
      architectureDone: true,
      planDone: true,
      taskCount: 3,
      currentTask: 2,
      tasksDone: 1,
      phase: 'code-written',
      fixIterations: 1,
      docsDone: false,
      cancelRequested: false,
      ...progress,
    },
    createdAt: '2030-01-01T00:00:00Z',
    updatedAt: '2030-01-01T00:00:00Z',
    ...changes,
  };
}

function event(seq: number, type: string, message = '', data: Record<string, string> = {}): RunEvent {
  return { seq, type, message, data, at: '2030-01-01T00:00:00Z' };
}

describe('planTasks', () => {
  it('lists every task as done, current or to do, with the titles of the done ones', () => {
    const events = [event(27, 'TASK_DONE', 'task 1 of 3 done: Todo store and REST API', { task: '1', snapshot: 's' })];

    expect(planTasks(run(), events)).toEqual([
      { number: 1, title: 'Todo store and REST API', status: 'done' },
      { number: 2, title: undefined, status: 'current' },
      { number: 3, title: undefined, status: 'pending' },
    ]);
  });

  it('has no tasks before the plan', () => {
    expect(planTasks(run({}, { planDone: false, taskCount: 0, currentTask: 0, tasksDone: 0 }), [])).toEqual([]);
  });
});

describe('mergeEvents', () => {
  it('adds only events after the last one shown', () => {
    const shown = [event(1, 'a'), event(2, 'b')];

    expect(mergeEvents(shown, [event(2, 'b'), event(3, 'c')]).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(mergeEvents(shown, [event(1, 'a')])).toBe(shown);
  });
});

describe('agents and events', () => {
  it('names the agent of a step in either spelling', () => {
    expect(agentOfStep('code-monkey')).toBe('CodeMonkey');
    expect(agentOfStep('BUG_HUNTER')).toBe('BugHunter');
    expect(agentOfStep('something-new')).toBe('something-new');
  });

  it('reads the agent of an event, or the one a routing decision hands to', () => {
    expect(eventAgent(event(1, 'FILE_WRITTEN', '', { agent: 'CodeMonkey' }))).toBe('CodeMonkey');
    expect(eventAgent(event(2, 'route', '', { step: 'EXECUTOR' }))).toBe('Executor');
    expect(eventAgent(event(3, 'RUN_STARTED'))).toBeUndefined();
  });

  it("makes the executor's failures stand out, with exit code and duration", () => {
    const failed = event(17, 'EXECUTION_FAILED', 'task 1: node --test failed with exit code 1', { exitCode: '1', durationMillis: '745' });

    expect(eventTone(failed)).toBe('failure');
    expect(executionFacts(failed)).toBe('exit code 1 · 745 ms');
    expect(executionFacts(event(18, 'EXECUTION_PASSED', '', { exitCode: '0', durationMillis: '2500' }))).toBe('exit code 0 · 2.5 s');
    expect(eventTone(event(19, 'RUN_SUCCEEDED'))).toBe('success');
    expect(executionFacts(event(20, 'FILE_WRITTEN'))).toBeUndefined();
  });
});

describe('currentActivity', () => {
  it('says who works and why, or what the run waits for', () => {
    expect(currentActivity(run({ currentStep: { step: 'bug-hunter', reason: 'task 1 of 2: tests failed; fix iteration 1' } }))).toEqual({
      agent: 'BugHunter',
      text: 'Task 1 of 2: tests failed; fix iteration 1.',
    });
    expect(currentActivity(run({ status: 'waiting-for-answer' }))?.text).toContain('your answers');
    expect(currentActivity(run({}, { cancelRequested: true }))?.text).toContain('Stopping');
    expect(currentActivity(run({ status: 'succeeded' }))).toBeUndefined();
  });

  it('offers a resume only where the API allows one', () => {
    expect(canResume(run({ status: 'failed' }))).toBe(true);
    expect(canResume(run({ status: 'paused-budget' }))).toBe(true);
    expect(canResume(run({ status: 'cancelled' }))).toBe(false);
  });
});

describe('taskSnapshots', () => {
  it('pairs each done task with the snapshot before it: the baseline for task 1, the previous task’s after that', () => {
    const events: RunEvent[] = [
      { seq: 1, type: 'RUN_STARTED', message: 'a new app', data: { snapshot: 'base' }, at: '2030-01-01T10:00:00Z' },
      { seq: 2, type: 'TASK_DONE', message: 'task 1 of 3 done: A', data: { task: '1', snapshot: 'one' }, at: '2030-01-01T10:00:00Z' },
      { seq: 3, type: 'EXECUTION_PASSED', message: 'task 2 passed', data: { task: '2' }, at: '2030-01-01T10:00:00Z' },
      { seq: 4, type: 'TASK_DONE', message: 'task 2 of 3 done: B', data: { task: '2', snapshot: 'two' }, at: '2030-01-01T10:00:00Z' },
    ];

    const pairs = taskSnapshots(events);

    expect(pairs.get(1)).toEqual({ from: 'base', to: 'one' });
    expect(pairs.get(2)).toEqual({ from: 'one', to: 'two' });
    expect(pairs.has(3)).toBe(false);
  });

  it('has no pair for task 1 when the run started before events carried the baseline', () => {
    const events: RunEvent[] = [
      { seq: 1, type: 'RUN_STARTED', message: 'a new app', data: {}, at: '2030-01-01T10:00:00Z' },
      { seq: 2, type: 'TASK_DONE', message: 'task 1 of 1 done: A', data: { task: '1', snapshot: 'one' }, at: '2030-01-01T10:00:00Z' },
    ];

    expect(taskSnapshots(events).size).toBe(0);
  });
});

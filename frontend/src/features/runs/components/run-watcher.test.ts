import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, networkError } from '@/lib/api-client/api-error';
import type { Run, RunEvent, RunEventPage, RunStatus } from '../api/types';
import { pollDelay, POLLING, watchRun, type RunWatchState } from './run-watcher';

function run(status: RunStatus, updatedAt = '2030-01-01T00:00:00Z'): Run {
  return {
    id: 'run_1',
    projectId: 'prj_1',
    kind: 'new-app',
    status,
    mode: 'autonomous',
    request: 'A todo app',
    progress: {
      specDone: false,
      openQuestions: 0,
      architectureDone: false,
      planDone: false,
      taskCount: 0,
      currentTask: 0,
      tasksDone: 0,
      fixIterations: 0,
      docsDone: false,
      cancelRequested: false,
    },
    createdAt: '2030-01-01T00:00:00Z',
    updatedAt,
  };
}

function event(seq: number, type = 'route'): RunEvent {
  return { seq, type, message: `event ${seq}`, data: {}, at: '2030-01-01T00:00:00Z' };
}

/** A fake runs API: the run as it is now, and every event so far; it records each call. */
function fakeRunsApi() {
  const api = {
    run: run('running'),
    events: [] as RunEvent[],
    failWith: null as unknown,
    calls: [] as string[],
    getRun: vi.fn(async (_runId: string, _signal: AbortSignal): Promise<Run> => {
      api.calls.push('run');
      if (api.failWith) {
        throw api.failWith;
      }
      return api.run;
    }),
    listEvents: vi.fn(async (_runId: string, after: number, _signal: AbortSignal): Promise<RunEventPage> => {
      api.calls.push(`events after ${after}`);
      const items = api.events.filter((e) => e.seq > after).slice(0, 2);
      return { items, next: items.length > 0 ? items[items.length - 1]!.seq : after };
    }),
  };
  return api;
}

function watch(api: ReturnType<typeof fakeRunsApi>, onEnded = vi.fn()) {
  const states: RunWatchState[] = [];
  const watcher = watchRun({
    runId: 'run_1',
    getRun: api.getRun,
    listEvents: api.listEvents,
    pageSize: 2,
    onChange: (state) => states.push(state),
    onEnded,
  });
  return { watcher, states, last: () => states[states.length - 1]!, onEnded };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('pollDelay', () => {
  it('starts at a second and backs off to at most 15 seconds', () => {
    expect(pollDelay(0)).toBe(1_000);
    expect(pollDelay(1)).toBe(1_600);
    expect(pollDelay(2)).toBe(2_560);
    expect(pollDelay(50)).toBe(POLLING.maxDelayMs);
  });
});

describe('watchRun', () => {
  it('reads the run, then every event page after the cursor', async () => {
    const api = fakeRunsApi();
    api.events = [event(1), event(2), event(3)];
    const { last } = watch(api);

    await vi.advanceTimersByTimeAsync(0);

    expect(api.calls).toEqual(['run', 'events after 0', 'events after 2']);
    expect(last().events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(last().run?.status).toBe('running');
    expect(last().stopped).toBe(false);
  });

  it('polls again with the last cursor, less often while nothing happens, at once again after news', async () => {
    const api = fakeRunsApi();
    api.events = [event(1)];
    watch(api);
    await vi.advanceTimersByTimeAsync(0);
    api.calls.length = 0;

    // nothing new: 1 s, then 1.6 s, then 2.56 s
    await vi.advanceTimersByTimeAsync(999);
    expect(api.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.calls).toEqual(['run', 'events after 1']);
    await vi.advanceTimersByTimeAsync(1_599);
    expect(api.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.calls).toHaveLength(4);

    // news: the next poll comes a second later again
    api.events.push(event(2));
    await vi.advanceTimersByTimeAsync(2_560);
    expect(api.calls.slice(-2)).toEqual(['run', 'events after 1']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.calls.slice(-2)).toEqual(['run', 'events after 2']);
  });

  it('never waits longer than the longest delay', async () => {
    const api = fakeRunsApi();
    api.run = run('waiting-for-answer');
    watch(api);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    const polls = api.calls.filter((call) => call === 'run').length;

    api.calls.length = 0;
    await vi.advanceTimersByTimeAsync(POLLING.maxDelayMs);

    expect(polls).toBeGreaterThan(10);
    expect(api.calls.filter((call) => call === 'run')).toHaveLength(1);
  });

  it('stops when the run ends, after reading its last events, and says the run ended once', async () => {
    const api = fakeRunsApi();
    const { last, onEnded } = watch(api);
    await vi.advanceTimersByTimeAsync(0);

    api.run = run('succeeded', '2030-01-01T00:01:00Z');
    api.events = [event(1), event(2, 'RUN_SUCCEEDED')];
    await vi.advanceTimersByTimeAsync(1_000);
    api.calls.length = 0;
    await vi.advanceTimersByTimeAsync(60_000);

    expect(api.calls).toEqual([]);
    expect(last().stopped).toBe(true);
    expect(last().events.map((e) => e.type)).toEqual(['route', 'RUN_SUCCEEDED']);
    expect(onEnded).toHaveBeenCalledTimes(1);
    expect(onEnded).toHaveBeenCalledWith(api.run);
  });

  it('reads a run that had already ended once, and does not call it an ending', async () => {
    const api = fakeRunsApi();
    api.run = run('failed');
    const { last, onEnded } = watch(api);
    await vi.advanceTimersByTimeAsync(60_000);

    expect(api.calls.filter((call) => call === 'run')).toHaveLength(1);
    expect(last().stopped).toBe(true);
    expect(onEnded).not.toHaveBeenCalled();
  });

  it('watches again after a resume (pollNow) until the run ends again', async () => {
    const api = fakeRunsApi();
    api.run = run('failed');
    const { watcher, last, onEnded } = watch(api);
    await vi.advanceTimersByTimeAsync(0);

    api.run = run('running', '2030-01-01T00:02:00Z');
    watcher.pollNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(last().stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.calls.filter((call) => call === 'run')).toHaveLength(3);

    api.run = run('succeeded', '2030-01-01T00:03:00Z');
    await vi.advanceTimersByTimeAsync(1_600);
    expect(last().stopped).toBe(true);
    expect(onEnded).toHaveBeenCalledTimes(1);
  });

  it('pollNow polls at once and starts the pace over', async () => {
    const api = fakeRunsApi();
    const { watcher } = watch(api);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1_000 + 1_600 + 2_560);
    api.calls.length = 0;

    watcher.pollNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls).toEqual(['run', 'events after 0']);
    await vi.advanceTimersByTimeAsync(999);
    expect(api.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.calls).toHaveLength(4);
  });

  it('a pollNow during a poll polls once more right after it', async () => {
    const api = fakeRunsApi();
    let release: () => void = () => undefined;
    api.getRun.mockImplementationOnce(async () => {
      api.calls.push('run');
      await new Promise<void>((resolve) => (release = resolve));
      return api.run;
    });
    const { watcher } = watch(api);
    await vi.advanceTimersByTimeAsync(0);
    watcher.pollNow();
    watcher.pollNow();
    release();
    await vi.advanceTimersByTimeAsync(0);

    expect(api.calls).toEqual(['run', 'events after 0', 'run', 'events after 0']);
  });

  it('shows a failed poll, keeps trying with the back-off, and clears the error when it recovers', async () => {
    const api = fakeRunsApi();
    api.failWith = networkError();
    const { last } = watch(api);
    await vi.advanceTimersByTimeAsync(0);

    expect(last().error).toBe(api.failWith);
    expect(last().stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(1_599);
    expect(api.calls).toEqual(['run']);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.calls).toEqual(['run', 'run']);

    api.failWith = null;
    await vi.advanceTimersByTimeAsync(2_560);
    expect(last().error).toBeNull();
    expect(last().run?.status).toBe('running');
  });

  it('stops for good on a run that is not found', async () => {
    const api = fakeRunsApi();
    api.failWith = new ApiError({ status: 404, type: 'not-found', title: 'Not found' });
    const { watcher, last } = watch(api);
    await vi.advanceTimersByTimeAsync(0);
    watcher.pollNow();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(api.calls).toEqual(['run']);
    expect(last().stopped).toBe(true);
    expect(last().error).toBe(api.failWith);
  });

  it('stop() drops the poll in flight and polls no more', async () => {
    const api = fakeRunsApi();
    let release: () => void = () => undefined;
    api.getRun.mockImplementationOnce(async (_runId, signal) => {
      api.calls.push('run');
      await new Promise<void>((resolve) => (release = resolve));
      expect(signal.aborted).toBe(true);
      return api.run;
    });
    const { watcher, states } = watch(api);
    await vi.advanceTimersByTimeAsync(0);

    watcher.stop();
    release();
    await vi.advanceTimersByTimeAsync(60_000);

    expect(api.calls).toEqual(['run']);
    expect(states).toEqual([]);
  });
});

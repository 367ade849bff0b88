import { ApiError } from '@/lib/api-client/api-error';
import type { Run, RunEvent, RunEventPage } from '../api/types';
import { isActive, mergeEvents } from './run-state';

export type RunWatchState = {
  /** Undefined until the first poll answers. */
  run: Run | undefined;
  events: RunEvent[];
  /** Why the last poll failed (shown; the next poll tries again), or null. */
  error: unknown;
  /** Polling has stopped: the run ended, or it cannot be read (gone, or the session ended). */
  stopped: boolean;
};

/**
 * How often a watched run is polled: at once after a change, then less often while nothing
 * happens (a run waiting for answers can wait for hours), never less often than `maxDelayMs`.
 */
export const POLLING = { firstDelayMs: 1_000, factor: 1.6, maxDelayMs: 15_000 } as const;

/** The wait before the next poll after `quietPolls` polls in a row that brought nothing new. */
export function pollDelay(quietPolls: number): number {
  return Math.min(POLLING.maxDelayMs, Math.round(POLLING.firstDelayMs * POLLING.factor ** quietPolls));
}

/** The most pages of events one poll reads before it lets the screen show them. */
const MAX_PAGES_PER_POLL = 10;

export type RunWatchDeps = {
  runId: string;
  getRun(runId: string, signal: AbortSignal): Promise<Run>;
  listEvents(runId: string, after: number, signal: AbortSignal): Promise<RunEventPage>;
  /** The page size `listEvents` asks for: a full page means there may be more. */
  pageSize: number;
  onChange(state: RunWatchState): void;
  /** The run was seen to end while watched (not when it had ended before): its files changed. */
  onEnded?(run: Run): void;
};

export type RunWatch = {
  /** Polls now and at the first pace again: after an answer, a cancel or a resume. */
  pollNow(): void;
  /** Stops polling for good and drops the poll in flight. */
  stop(): void;
};

/**
 * Follows a run: its state and cost (`GET /v1/runs/{id}`), then the events after the last one
 * seen (`after` = the previous `next`). Reads the run first, so a run seen ended has all of its
 * events read in the same poll; then polling stops. One poll at a time.
 */
export function watchRun(deps: RunWatchDeps): RunWatch {
  let state: RunWatchState = { run: undefined, events: [], error: null, stopped: false };
  let after = 0;
  let quietPolls = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  let again = false;
  let kicked = false;
  let stopped = false;

  function emit(next: RunWatchState) {
    state = next;
    deps.onChange(state);
  }

  function schedule(delay: number) {
    clearTimeout(timer);
    timer = setTimeout(() => void poll(), delay);
  }

  async function poll(): Promise<void> {
    if (stopped) {
      return;
    }
    clearTimeout(timer);
    const controller = new AbortController();
    inFlight = controller;
    const before = state.run;
    const asked = kicked;
    kicked = false;
    try {
      const run = await deps.getRun(deps.runId, controller.signal);
      let events = state.events;
      for (let page = 0; page < MAX_PAGES_PER_POLL && !controller.signal.aborted; page += 1) {
        const answer = await deps.listEvents(deps.runId, after, controller.signal);
        events = mergeEvents(events, answer.items);
        after = Math.max(after, answer.next);
        if (answer.items.length < deps.pageSize) {
          break;
        }
      }
      if (controller.signal.aborted) {
        return;
      }
      const changed = events !== state.events || run.updatedAt !== before?.updatedAt || run.status !== before?.status;
      quietPolls = changed || asked ? 0 : quietPolls + 1;
      const ended = !isActive(run.status);
      emit({ run, events, error: null, stopped: ended && !again });
      if (ended && before !== undefined && isActive(before.status)) {
        deps.onEnded?.(run);
      }
      if (ended && !again) {
        return;
      }
    } catch (error) {
      if (controller.signal.aborted) {
        return;
      }
      // a run that is gone (or another person's) and a session that ended do not come back by waiting
      const final = error instanceof ApiError && (error.status === 404 || error.type === 'session-ended');
      quietPolls += 1;
      emit({ ...state, error, stopped: final });
      if (final) {
        stopped = true;
        return;
      }
    } finally {
      if (inFlight === controller) {
        inFlight = undefined;
      }
    }
    if (again) {
      again = false;
      void poll();
      return;
    }
    schedule(pollDelay(quietPolls));
  }

  void poll();

  return {
    pollNow() {
      if (stopped) {
        return;
      }
      quietPolls = 0;
      kicked = true;
      if (inFlight) {
        again = true;
        return;
      }
      if (state.stopped) {
        emit({ ...state, stopped: false });
      }
      void poll();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      inFlight?.abort();
    },
  };
}

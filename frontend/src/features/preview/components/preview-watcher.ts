import { ApiError } from '@/lib/api-client/api-error';
import type { Preview, PreviewStatus } from '../api/types';

export type PreviewWatchState = {
  /** Undefined until the first read answers; null when the project has no preview. */
  preview: Preview | null | undefined;
  /** Why the last read failed (shown; the next poll tries again), or null. */
  error: unknown;
};

/**
 * How often a preview is read: often while it starts (to show its output and the moment it
 * answers), seldom while it runs (to see it stop by itself: idle, its maximum, a restart of the
 * platform, and whether the files changed), never once it ended.
 */
export const PREVIEW_POLLING = { startingMs: 2_000, runningMs: 10_000 } as const;

/** The wait before reading a preview in `status` again, or null: no more reads. */
export function previewPollDelay(status: PreviewStatus): number | null {
  if (status === 'starting') {
    return PREVIEW_POLLING.startingMs;
  }
  return status === 'running' ? PREVIEW_POLLING.runningMs : null;
}

export type PreviewWatchDeps = {
  getPreview(signal: AbortSignal): Promise<Preview>;
  onChange(state: PreviewWatchState): void;
};

export type PreviewWatch = {
  /** Reads now (a retry, a run that ended, a fresh ticket), then at the preview's pace. */
  pollNow(): void;
  /**
   * Sends a change (start, stop) or a read of its own, shows the preview it answers and polls at
   * its pace. The poll in flight is dropped, so an older answer never overwrites this one. A
   * failure is thrown for the caller to show; polling goes on as before.
   */
  apply(send: () => Promise<Preview>): Promise<Preview>;
  /** Stops polling for good and drops the read in flight. */
  stop(): void;
};

/** Follows the project's preview (`GET …/preview`): one read at a time, at the pace of its status. */
export function watchPreview(deps: PreviewWatchDeps): PreviewWatch {
  let state: PreviewWatchState = { preview: undefined, error: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  let acting = 0;
  let stopped = false;

  function emit(next: PreviewWatchState) {
    state = next;
    deps.onChange(state);
  }

  function cancelRead() {
    clearTimeout(timer);
    inFlight?.abort();
    inFlight = undefined;
  }

  function schedule() {
    clearTimeout(timer);
    const delay = state.preview ? previewPollDelay(state.preview.status) : null;
    if (delay !== null && !stopped && acting === 0) {
      timer = setTimeout(() => void poll(), delay);
    }
  }

  async function poll(): Promise<void> {
    if (stopped || acting > 0) {
      return;
    }
    cancelRead();
    const controller = new AbortController();
    inFlight = controller;
    try {
      const preview = await deps.getPreview(controller.signal);
      if (controller.signal.aborted) {
        return;
      }
      emit({ preview, error: null });
    } catch (error) {
      if (controller.signal.aborted) {
        return;
      }
      if (error instanceof ApiError && error.status === 404) {
        // the project never had a preview (or is gone, which the page shows by itself)
        emit({ preview: null, error: null });
      } else {
        emit({ ...state, error });
        if (error instanceof ApiError && error.type === 'session-ended') {
          // it does not come back by waiting
          return;
        }
      }
    } finally {
      if (inFlight === controller) {
        inFlight = undefined;
      }
    }
    schedule();
  }

  void poll();

  return {
    pollNow() {
      void poll();
    },
    async apply(send) {
      acting += 1;
      cancelRead();
      try {
        const preview = await send();
        if (!stopped) {
          emit({ preview, error: null });
        }
        return preview;
      } finally {
        acting -= 1;
        schedule();
      }
    },
    stop() {
      stopped = true;
      cancelRead();
    },
  };
}

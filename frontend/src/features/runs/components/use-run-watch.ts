import { useEffect, useRef, useState } from 'react';
import { EVENTS_PAGE_SIZE, getRun, listRunEvents } from '../api/runs';
import type { Run } from '../api/types';
import { watchRun, type RunWatch, type RunWatchState } from './run-watcher';

type Callbacks = {
  /** Every new reading of the run (the project page keeps its list of runs current with it). */
  onRun?(run: Run): void;
  onEnded?(run: Run): void;
};

/** Watches a run while the component is shown; `pollNow` after the person acted on it. */
export function useRunWatch(runId: string, callbacks: Callbacks = {}) {
  const [state, setState] = useState<RunWatchState>({ run: undefined, events: [], error: null, stopped: false });
  const watch = useRef<RunWatch | null>(null);
  const latest = useRef(callbacks);
  latest.current = callbacks;

  useEffect(() => {
    setState({ run: undefined, events: [], error: null, stopped: false });
    let lastRun: Run | undefined;
    const watcher = watchRun({
      runId,
      getRun,
      listEvents: listRunEvents,
      pageSize: EVENTS_PAGE_SIZE,
      onChange: (next) => {
        setState(next);
        if (next.run && next.run !== lastRun) {
          lastRun = next.run;
          latest.current.onRun?.(next.run);
        }
      },
      onEnded: (run) => latest.current.onEnded?.(run),
    });
    watch.current = watcher;
    return () => {
      watcher.stop();
      watch.current = null;
    };
  }, [runId]);

  return { ...state, pollNow: () => watch.current?.pollNow() };
}

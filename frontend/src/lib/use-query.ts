import { useCallback, useEffect, useRef, useState } from 'react';

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'success'; data: T };

export type Query<T> = {
  state: QueryState<T>;
  /** Loads again (the Retry button of an error, or after a change elsewhere). */
  reload(): void;
  /** Replaces the loaded data with what a successful change returned, without a round trip. */
  setData(update: (data: T) => T): void;
};

/**
 * Loads `load()` when `key` changes, cancelling the previous load. Every screen that reads the
 * API goes through it, so each has the same loading, error and retry behaviour.
 */
export function useQuery<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Query<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) {
          setState({ status: 'success', data });
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ status: 'error', error });
        }
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setData = useCallback((update: (data: T) => T) => {
    setState((current) => (current.status === 'success' ? { status: 'success', data: update(current.data) } : current));
  }, []);

  return { state, reload, setData };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { getPreview } from '../api/preview';
import type { Preview } from '../api/types';
import { watchPreview, type PreviewWatch, type PreviewWatchState } from './preview-watcher';

const NOT_READ: PreviewWatchState = { preview: undefined, error: null };

/** Watches the project's preview while the component is shown. */
export function usePreview(projectId: string) {
  const [state, setState] = useState<PreviewWatchState>(NOT_READ);
  const watch = useRef<PreviewWatch | null>(null);

  useEffect(() => {
    setState(NOT_READ);
    const watcher = watchPreview({ getPreview: (signal) => getPreview(projectId, signal), onChange: setState });
    watch.current = watcher;
    return () => {
      watcher.stop();
      watch.current = null;
    };
  }, [projectId]);

  const pollNow = useCallback(() => watch.current?.pollNow(), []);
  const apply = useCallback((send: () => Promise<Preview>) => (watch.current ? watch.current.apply(send) : send()), []);
  return { ...state, pollNow, apply };
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, sessionEndedError } from '@/lib/api-client/api-error';
import type { Preview } from '../api/types';
import { aPreview } from '../testing/previews';
import { previewPollDelay, watchPreview, type PreviewWatchState } from './preview-watcher';

function notFound() {
  return new ApiError({ status: 404, type: 'not-found', title: 'Not found', detail: 'No preview of project prj_1.' });
}

/** A read that answers when the test says so. */
function deferred() {
  let resolve!: (preview: Preview) => void;
  const promise = new Promise<Preview>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let states: PreviewWatchState[];
const last = () => states.at(-1)!;

beforeEach(() => {
  vi.useFakeTimers();
  states = [];
});

afterEach(() => {
  vi.useRealTimers();
});

describe('previewPollDelay', () => {
  it('reads every 2 s while it starts, every 10 s while it runs, and not once it ended', () => {
    expect(previewPollDelay('starting')).toBe(2_000);
    expect(previewPollDelay('running')).toBe(10_000);
    expect(previewPollDelay('failed')).toBeNull();
    expect(previewPollDelay('stopped')).toBeNull();
  });
});

describe('watchPreview', () => {
  it('reads a project without a preview as null, once', async () => {
    const getPreview = vi.fn(async () => {
      throw notFound();
    });
    watchPreview({ getPreview, onChange: (state) => states.push(state) });
    await vi.advanceTimersByTimeAsync(60_000);

    expect(last()).toEqual({ preview: null, error: null });
    expect(getPreview).toHaveBeenCalledTimes(1);
  });

  it('keeps polling through a failed read, showing it, and stops for good when the session ended', async () => {
    const answers: Array<Preview | Error> = [aPreview({ status: 'starting' }), new TypeError('boom'), aPreview({ status: 'starting' }), sessionEndedError()];
    const getPreview = vi.fn(async () => {
      const next = answers.shift()!;
      if (next instanceof Error) {
        throw next;
      }
      return next;
    });
    watchPreview({ getPreview, onChange: (state) => states.push(state) });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(last().error).toBeInstanceOf(TypeError);
    expect(last().preview?.status).toBe('starting');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(last().error).toBeNull();
    await vi.advanceTimersByTimeAsync(2_000);
    expect((last().error as ApiError).type).toBe('session-ended');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(getPreview).toHaveBeenCalledTimes(4);
  });

  it('never lets a reading in flight overwrite what an action answered', async () => {
    const reads = [deferred(), deferred()];
    let read = 0;
    const getPreview = vi.fn(() => reads[read++]!.promise);
    const watch = watchPreview({ getPreview, onChange: (state) => states.push(state) });
    reads[0]!.resolve(aPreview({ status: 'running' }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(getPreview).toHaveBeenCalledTimes(2);

    // Stop is pressed while the second reading is on its way; that reading answers "running" late
    const stopped = aPreview({ status: 'stopped', message: 'stopped by you' });
    await watch.apply(async () => stopped);
    reads[1]!.resolve(aPreview({ status: 'running' }));
    await vi.advanceTimersByTimeAsync(60_000);

    expect(last()).toEqual({ preview: stopped, error: null });
    expect(getPreview).toHaveBeenCalledTimes(2);
  });

  it('throws a refused action for the caller, and polls on as before', async () => {
    const getPreview = vi.fn(async () => aPreview({ status: 'running' }));
    const watch = watchPreview({ getPreview, onChange: (state) => states.push(state) });
    await vi.advanceTimersByTimeAsync(0);
    const refused = new ApiError({ status: 409, type: 'preview-unavailable', title: 'No preview possible' });

    await expect(
      watch.apply(async () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect(last().preview?.status).toBe('running');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(getPreview).toHaveBeenCalledTimes(2);
  });

  it('stops reading once stopped', async () => {
    const getPreview = vi.fn(async () => aPreview({ status: 'starting' }));
    const watch = watchPreview({ getPreview, onChange: (state) => states.push(state) });
    await vi.advanceTimersByTimeAsync(0);
    watch.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(getPreview).toHaveBeenCalledTimes(1);
  });
});

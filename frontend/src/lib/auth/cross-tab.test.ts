import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserCrossTab, HANDOFF_MS } from './cross-tab';

afterEach(() => {
  vi.useRealTimers();
});

describe('browserCrossTab', () => {
  it('answers as soon as the work is done but keeps the lock a moment longer for the hand-off', async () => {
    vi.useFakeTimers();
    let released = false;
    vi.stubGlobal('navigator', {
      locks: {
        request: async (_name: string, callback: () => Promise<void>) => {
          await callback();
          released = true;
        },
      },
    });

    const result = await browserCrossTab().exclusive(async () => 'tokens');

    expect(result).toBe('tokens');
    expect(released).toBe(false);
    await vi.advanceTimersByTimeAsync(HANDOFF_MS);
    expect(released).toBe(true);
  });

  it('passes on a failure of the work', async () => {
    vi.stubGlobal('navigator', { locks: { request: async (_name: string, callback: () => Promise<void>) => callback() } });

    await expect(browserCrossTab().exclusive(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
  });

  it('just runs the work where the browser has no locks', async () => {
    vi.stubGlobal('navigator', {});

    await expect(browserCrossTab().exclusive(async () => 42)).resolves.toBe(42);
  });
});

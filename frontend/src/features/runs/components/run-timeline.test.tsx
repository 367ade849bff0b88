import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { anEvent, aToolCall, resetEvents } from '../testing/runs';
import { RunTimeline } from './run-timeline';

const events = () => [
  anEvent('route', 'task 1 of 2: write 2 file(s)', { step: 'CODE_MONKEY' }),
  aToolCall('CodeMonkey', 'read_file', 'read src/store.js (lines 1–40 of 40)', { task: '1', path: 'src/store.js' }),
  aToolCall('CodeMonkey', 'write_file', 'wrote src/server.js (80 lines)', { task: '1', path: 'src/server.js', changed: 'true' }),
  aToolCall('CodeMonkey', 'edit_file', 'edit_file refused: old_text is not in src/server.js. Read it again.', {
    task: '1',
    path: 'src/server.js',
    ok: 'false',
  }),
  anEvent('FILE_WRITTEN', 'finished src/server.js in 1 reviewed version(s)', { agent: 'CodeMonkey', task: '1', path: 'src/server.js' }),
  anEvent('EXECUTION_FAILED', 'task 1: node --test failed with exit code 1', { agent: 'Executor', exitCode: '1', durationMillis: '745' }),
  anEvent('STEP_YIELDED', 'BugHunter paused after 12 model call(s) to continue in a new invocation', { agent: 'BugHunter' }),
];

const lines = () => within(screen.getByRole('region', { name: 'Run events' })).queryAllByRole('listitem').map((item) => item.textContent);

beforeEach(() => resetEvents());

describe('RunTimeline', () => {
  it("shows the agents' tool calls as lines with the agent and what it did, a refused one marked", () => {
    render(<RunTimeline events={events()} />);

    const shown = lines();
    expect(shown).toHaveLength(7);
    expect(shown[1]).toContain('CodeMonkey read src/store.js (lines 1–40 of 40)');
    expect(shown[2]).toContain('CodeMonkey wrote src/server.js (80 lines)');
    expect(shown[2]).not.toContain('Refused');
    expect(shown[3]).toContain('Refused CodeMonkey edit_file: old_text is not in src/server.js. Read it again.');
    expect(shown[6]).toContain('BugHunter paused after 12 model call(s) to continue in a new invocation');
  });

  it('hides and shows the tool calls; the failures count only failed executions', async () => {
    render(<RunTimeline events={events()} />);
    const user = userEvent.setup();

    const toolCalls = screen.getByRole('checkbox', { name: 'Tool calls (3)' });
    expect(toolCalls).toHaveProperty('checked', true);
    await user.click(toolCalls);
    expect(lines()).toHaveLength(4);
    expect(lines().join('\n')).not.toContain('src/store.js');
    expect(lines().join('\n')).not.toContain('Refused');

    await user.click(toolCalls);
    expect(lines()).toHaveLength(7);

    await user.click(screen.getByRole('checkbox', { name: 'Failures only (1)' }));
    expect(lines()).toEqual([expect.stringContaining('Failed Executor Task 1: node --test failed with exit code 1. (exit code 1 · 745 ms)')]);
    expect(toolCalls).toHaveProperty('disabled', true);
  });

  it('says when there is nothing to show', () => {
    render(<RunTimeline events={[]} />);

    expect(screen.getByRole('checkbox', { name: 'Tool calls (0)' })).toBeDefined();
    expect(screen.getByText('No events yet.')).toBeDefined();
  });
});

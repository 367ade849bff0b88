import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { anEvent, aToolCall, resetEvents } from '../testing/runs';
import { TaskToolCalls } from './task-tool-calls';

beforeEach(() => resetEvents());

describe('TaskToolCalls', () => {
  it('says, per agent, which files it read and changed for the task', () => {
    const events = [
      aToolCall('Developer', 'list_files', 'listed 2 file(s)', { task: '1', step: 'task 1 · round 1' }),
      aToolCall('CodeMonkey', 'read_file', 'read src/store.js (lines 1–40 of 40)', { task: '1', path: 'src/store.js' }),
      aToolCall('CodeMonkey', 'write_file', 'wrote src/server.js (80 lines)', { task: '1', path: 'src/server.js', changed: 'true' }),
      aToolCall('CodeMonkey', 'read_file', 'read src/server.js (lines 1–80 of 80)', { task: '1', path: 'src/server.js' }),
      aToolCall('CodeMonkey', 'write_file', 'wrote test/server.test.js (42 lines)', { task: '1', path: 'test/server.test.js', changed: 'true' }),
      aToolCall('BugHunter', 'read_file', 'read src/server.js (lines 1–80 of 80)', { step: 'task 1 · iteration 1', path: 'src/server.js' }),
      aToolCall('CodeMonkey', 'edit_file', 'edit_file refused: old_text is not in src/server.js.', { task: '1', path: 'src/server.js', ok: 'false' }),
      aToolCall('CodeMonkey', 'edit_file', 'edited src/server.js (at line 57)', { task: '1', path: 'src/server.js', changed: 'true' }),
      aToolCall('CodeMonkey', 'delete_file', 'deleted old.js', { task: '1', path: 'old.js', changed: 'true' }),
      aToolCall('CodeMonkey', 'read_file', 'read public/index.html (lines 1–9 of 9)', { task: '2', path: 'public/index.html' }),
      anEvent('TASK_DONE', 'task 1 of 2 done: Todo store and REST API', { task: '1' }),
    ];

    render(<TaskToolCalls events={events} task={1} />);

    const list = screen.getByRole('list', { name: 'Tool calls of task 1' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Developer read and changed no file · 1 tool call',
      'CodeMonkey read src/store.js, src/server.js; changed src/server.js, test/server.test.js, old.js (deleted) · 7 tool calls, 1 refused',
      'BugHunter read src/server.js · 1 tool call',
    ]);
    expect(screen.getByRole('region', { name: 'Files the agents read and changed' })).toBeDefined();
  });

  it('says when no agent has used a tool for the task', () => {
    render(<TaskToolCalls events={[aToolCall('TechnicalWriter', 'read_file', 'read README.md (empty)', { step: 'readme', path: 'README.md' })]} task={1} />);

    expect(screen.queryByRole('list', { name: 'Tool calls of task 1' })).toBeNull();
    expect(screen.getByText('No agent has used a tool for this task yet.')).toBeDefined();
  });
});

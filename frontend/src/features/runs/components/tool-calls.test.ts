import { beforeEach, describe, expect, it } from 'vitest';
import { anEvent, aToolCall, resetEvents } from '../testing/runs';
import { eventText, eventTone } from './run-state';
import { isOfTask, taskToolCalls, toolCallText } from './tool-calls';

beforeEach(() => resetEvents());

describe('tool calls', () => {
  it('are small timeline lines, a refused one marked but no failure of the run', () => {
    const read = aToolCall('CodeMonkey', 'read_file', 'read src/server.js (lines 1–80 of 80)', { path: 'src/server.js' });
    const refused = aToolCall('CodeMonkey', 'edit_file', 'edit_file refused: old_text is not in src/server.js. Read the file again.', {
      path: 'src/server.js',
      ok: 'false',
    });

    expect(eventTone(read)).toBe('tool');
    expect(eventText(read)).toBe('read src/server.js (lines 1–80 of 80)');
    expect(eventTone(refused)).toBe('refused');
    expect(toolCallText(refused)).toBe('edit_file: old_text is not in src/server.js. Read the file again.');
  });

  it('say what the agent did after its name, as an event that starts with the agent’s name does', () => {
    const yielded = anEvent('STEP_YIELDED', 'CodeMonkey paused after 12 model call(s) to continue in a new invocation', { agent: 'CodeMonkey' });

    expect(eventText(yielded)).toBe('paused after 12 model call(s) to continue in a new invocation');
    expect(eventTone(yielded)).toBe('info');
  });

  it('belong to a task by their task, or by a step named after it', () => {
    expect(isOfTask(aToolCall('CodeMonkey', 'read_file', 'read a', { task: '1', step: 'task 1 · step 2 · a' }), 1)).toBe(true);
    expect(isOfTask(aToolCall('BugHunter', 'read_file', 'read a', { step: 'task 12 · iteration 1' }), 12)).toBe(true);
    expect(isOfTask(aToolCall('BugHunter', 'read_file', 'read a', { step: 'task 12 · iteration 1' }), 1)).toBe(false);
    expect(isOfTask(aToolCall('TechnicalWriter', 'read_file', 'read a', { step: 'readme' }), 1)).toBe(false);
  });
});

describe('taskToolCalls', () => {
  it('lists, per agent in the order they began, the files read and changed for the task, each once', () => {
    const events = [
      aToolCall('TechLead', 'read_file', 'read package.json (lines 1–9 of 9)', { step: 'plan', path: 'package.json' }),
      aToolCall('CodeMonkey', 'list_files', 'listed 3 file(s)', { task: '1', step: 'task 1 · step 1 · src/server.js' }),
      aToolCall('CodeMonkey', 'read_file', 'read src/store.js (lines 1–40 of 40)', { task: '1', path: 'src/store.js' }),
      aToolCall('CodeMonkey', 'write_file', 'wrote src/server.js (80 lines)', { task: '1', path: 'src/server.js', changed: 'true' }),
      aToolCall('CodeMonkey', 'read_file', 'read src/server.js (lines 1–80 of 80)', { task: '1', path: 'src/server.js' }),
      aToolCall('CodeMonkey', 'write_file', 'wrote test/server.test.js (42 lines)', { task: '1', path: 'test/server.test.js', changed: 'true' }),
      aToolCall('CodeMonkey', 'delete_file', 'deleted tmp.js', { task: '1', path: 'tmp.js', changed: 'true' }),
      aToolCall('BugHunter', 'search', 'searched for /createServer/ (3 match(es))', { task: '1' }),
      aToolCall('BugHunter', 'read_file', 'read src/server.js (lines 1–80 of 80)', { task: '1', path: 'src/server.js' }),
      aToolCall('BugHunter', 'read_file', 'read_file refused: nope.js does not exist.', { task: '1', path: 'nope.js', ok: 'false' }),
      aToolCall('CodeMonkey', 'edit_file', 'edited src/server.js (at line 57)', { task: '1', path: 'src/server.js', changed: 'true' }),
      aToolCall('CodeMonkey', 'edit_file', 'edit_file refused: old_text is not in src/server.js.', { task: '1', path: 'src/server.js', ok: 'false' }),
      aToolCall('CodeMonkey', 'read_file', 'read src/todos.js (lines 1–5 of 5)', { task: '2', path: 'src/todos.js' }),
      anEvent('FILE_WRITTEN', 'finished src/server.js in 1 reviewed version(s)', { agent: 'CodeMonkey', task: '1', path: 'src/server.js' }),
    ];

    expect(taskToolCalls(events, 1)).toEqual([
      {
        agent: 'CodeMonkey',
        read: ['src/store.js', 'src/server.js'],
        changed: [
          { path: 'src/server.js', deleted: false },
          { path: 'test/server.test.js', deleted: false },
          { path: 'tmp.js', deleted: true },
        ],
        calls: 8,
        refused: 1,
      },
      { agent: 'BugHunter', read: ['src/server.js'], changed: [], calls: 3, refused: 1 },
    ]);
    expect(taskToolCalls(events, 3)).toEqual([]);
  });
});

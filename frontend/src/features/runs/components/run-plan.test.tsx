import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, problem, tokens } from '@/testing/responses';
import type { Execution, PlannedTask } from '../api/types';
import { anEvent, aRun, aToolCall, resetEvents } from '../testing/runs';
import { RunPlan } from './run-plan';

const RUN = '/v1/runs/run_aaaaaaaaaaaaaaaaaaaa';
const DIFF = '/v1/projects/prj_aaaaaaaaaaaaaaaaaaaa/diff';
const BASELINE = `snapshots/prj_aaaaaaaaaaaaaaaaaaaa/${'a'.repeat(64)}.json`;
const AFTER_1 = `snapshots/prj_aaaaaaaaaaaaaaaaaaaa/${'b'.repeat(64)}.json`;

const task = (number: number, changes: Partial<PlannedTask> = {}): PlannedTask => ({
  number,
  epic: 'Todos',
  title: `Task title ${number}`,
  description: `What task ${number} does`,
  acceptanceTests: [],
  status: 'planned',
  current: false,
  ...changes,
});

const failedExecution: Execution = {
  number: 1,
  passed: false,
  failedCommand: ['node', '--test'],
  failure: 'tests',
  exitCode: 1,
  timedOut: false,
  durationMillis: 745,
  output: 'not ok 1 - GET /todos returns []\n# fail 1',
  filesChanged: 3,
  at: '2030-01-01T10:00:05Z',
};

const passedExecution: Execution = { ...failedExecution, number: 2, passed: true, failedCommand: [], failure: 'none', exitCode: 0, output: '# pass 3' };

function api() {
  return fakeApi({
    [`GET ${RUN}/tasks`]: () => json(200, { items: [task(1, { status: 'done' }), task(2, { current: true })] }),
    [`GET ${RUN}/tasks/1/executions`]: () => json(200, { items: [failedExecution, passedExecution] }),
    [`GET ${RUN}/tasks/2/executions`]: () => json(200, { items: [] }),
    [`GET ${DIFF}`]: (request) => {
      const query = new URL(request.url).searchParams;
      if (query.get('from') !== BASELINE || query.get('to') !== AFTER_1) {
        return problem(404, 'not-found', 'Not found');
      }
      if (query.get('path') === 'src/server.js') {
        return json(200, { path: 'src/server.js', change: 'modified', before: 'a\nb\n', after: 'a\nB\n', binary: false, truncated: false });
      }
      if (query.get('path') === 'logo.png') {
        return json(200, { path: 'logo.png', change: 'added', binary: true, truncated: false });
      }
      return json(200, {
        from: BASELINE,
        to: AFTER_1,
        files: [
          { path: 'logo.png', change: 'added', after: { sha256: 'c'.repeat(64), size: 2048 } },
          { path: 'src/server.js', change: 'modified', before: { sha256: 'd'.repeat(64), size: 4 }, after: { sha256: 'e'.repeat(64), size: 4 } },
        ],
        truncated: false,
      });
    },
  });
}

const events = () => [
  anEvent('RUN_STARTED', 'a new app in autonomous mode', { snapshot: BASELINE }),
  aToolCall('CodeMonkey', 'read_file', 'read src/store.js (lines 1–40 of 40)', { task: '1', path: 'src/store.js' }),
  aToolCall('CodeMonkey', 'write_file', 'wrote src/server.js (4 lines)', { task: '1', path: 'src/server.js', changed: 'true' }),
  anEvent('EXECUTION_FAILED', 'task 1: node --test failed with exit code 1', { task: '1' }),
  anEvent('EXECUTION_PASSED', 'task 1 passed', { task: '1' }),
  anEvent('TASK_DONE', 'task 1 of 2 done: Task title 1', { task: '1', snapshot: AFTER_1 }),
];

beforeEach(() => {
  resetEvents();
  session.signIn(tokens(1));
});

describe('RunPlan', () => {
  it('lists the plan from the API, with its titles and the current task marked', async () => {
    api();
    render(<RunPlan run={aRun({}, { currentTask: 2, tasksDone: 1 })} events={events()} />);

    const list = screen.getByRole('list', { name: 'Tasks' });
    await waitFor(() => expect(list.textContent).toContain('Task 2: Task title 2'));
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first!.textContent).toContain('Done');
    expect(first!.textContent).toContain('Task 1: Task title 1');
    expect(second!.getAttribute('aria-current')).toBe('step');
    expect(second!.textContent).toContain('In progress');
  });

  it('opens a task to its executions, the failed one with its output, and its changes as a line diff', async () => {
    api();
    render(<RunPlan run={aRun({}, { currentTask: 2, tasksDone: 1 })} events={events()} />);
    const user = userEvent.setup();

    const open = screen.getByRole('button', { name: 'Details of task 1' });
    await user.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');

    const toolCalls = await screen.findByRole('list', { name: 'Tool calls of task 1' });
    expect(toolCalls.textContent).toBe('CodeMonkey read src/store.js; changed src/server.js · 2 tool calls');
    const failed = await screen.findByText('Execution 1: tests failed');
    expect(screen.getByText('Execution 2: passed')).toBeDefined();
    expect(failed.closest('summary')!.textContent).toContain('exit code 1 · 745 ms · 3 files changed');
    await user.click(failed);
    const output = screen.getByRole('region', { name: 'Output of execution 1' });
    expect(output.tagName).toBe('PRE');
    expect(output.textContent).toContain('not ok 1 - GET /todos returns []');
    expect(screen.getByText('node --test')).toBeDefined();

    const files = await screen.findByRole('list', { name: 'Files changed by task 1' });
    expect(within(files).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Added logo.png 2.0 KB',
      'Modified src/server.js 4 B',
    ]);
    await user.click(within(files).getByRole('button', { name: /src\/server\.js/ }));
    const diff = await screen.findByRole('region', { name: 'Changes to src/server.js' });
    expect(diff.textContent).toBe(' a\n−removed: b\n+added: B\n');
    expect(screen.getByText('1 line added, 1 removed')).toBeDefined();

    await user.click(within(files).getByRole('button', { name: /logo\.png/ }));
    expect(await screen.findByText('logo.png is not text; download the app to see it.')).toBeDefined();
  });

  it('shows the task a run failed on as failed, and opens it to its last execution: the command and the output', async () => {
    const again: Execution = { ...failedExecution, number: 2, output: 'not ok 3 - a todo without a title is refused with 400\n# fail 1' };
    fakeApi({
      [`GET ${RUN}/tasks`]: () => json(200, { items: [task(1, { status: 'failed', current: true }), task(2)] }),
      [`GET ${RUN}/tasks/1/executions`]: () => json(200, { items: [failedExecution, again] }),
    });
    render(<RunPlan run={aRun({ status: 'failed', failure: 'task 1 of 2 failed the same way after ProblemSolver' })} events={[]} />);
    const user = userEvent.setup();

    const list = screen.getByRole('list', { name: 'Tasks' });
    await waitFor(() => expect(list.textContent).toContain('Task 1: Task title 1'));
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first!.textContent).toContain('Failed');
    expect(first!.getAttribute('aria-current')).toBeNull();
    expect(second!.textContent).toContain('To do');

    await user.click(screen.getByRole('button', { name: 'Details of task 1' }));
    const last = await screen.findByText('Execution 2: tests failed');
    expect(last.closest('details')!.open).toBe(true);
    expect(screen.getByText('Execution 1: tests failed').closest('details')!.open).toBe(false);
    expect(screen.getByRole('region', { name: 'Output of execution 2' }).textContent).toContain('a todo without a title is refused with 400');
  });

  it('says a task’s changes come once it is done', async () => {
    api();
    render(<RunPlan run={aRun({}, { currentTask: 2, tasksDone: 1 })} events={events()} />);
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Details of task 2' }));

    expect(await screen.findByText('Nothing has run in the sandbox for this task yet.')).toBeDefined();
    expect(screen.getByText('No agent has used a tool for this task yet.')).toBeDefined();
    expect(screen.getByText('The task’s changes show once it is done.')).toBeDefined();
  });
});

import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, problem, tokens } from '@/testing/responses';
import type { PlannedTask, Question, Run, RunEvent } from '../api/types';
import { anEvent, aRun, aToolCall, resetEvents } from '../testing/runs';
import RunView from './run-view';

const RUN = '/v1/runs/run_aaaaaaaaaaaaaaaaaaaa';

/** The runs API for one run: `state.run` and `state.events` are what it answers now. */
function runsApi(run: Run, events: RunEvent[], questions: Question[] = []) {
  const state = { run, events, questions, answers: [] as unknown[], tasks: [] as PlannedTask[] };
  const api = fakeApi({
    [`GET ${RUN}`]: () => json(200, state.run),
    [`GET ${RUN}/events`]: (request) => {
      const after = Number(new URL(request.url).searchParams.get('after'));
      const items = state.events.filter((event) => event.seq > after);
      return json(200, { items, next: items.length > 0 ? items[items.length - 1]!.seq : after });
    },
    [`GET ${RUN}/questions`]: () => json(200, { items: state.questions }),
    [`GET ${RUN}/tasks`]: () => json(200, { items: state.tasks }),
    [`POST ${RUN}/questions/1/answer`]: async (request) => {
      const body = await request.json();
      state.answers.push(body);
      const answered = { ...state.questions[0]!, answer: body.answer, answeredAt: '2030-01-01T10:01:00Z' };
      state.questions = [answered];
      state.run = aRun({ status: 'running', updatedAt: '2030-01-01T10:01:00Z' });
      return json(200, answered);
    },
    [`POST ${RUN}/cancel`]: () => {
      state.run = aRun({}, { cancelRequested: true });
      return json(202, state.run);
    },
    [`POST ${RUN}/resume`]: () =>
      problem(409, 'run-state', 'Not possible in the run’s state', { detail: 'the budget is still spent; raise it first' }),
  });
  const reads = () => api.calls.filter((call) => call.method === 'GET' && new URL(call.url).pathname === RUN).length;
  return { state, api, reads };
}

const demoEvents = () => [
  anEvent('RUN_STARTED', 'a new app in autonomous mode'),
  anEvent('route', 'task 1 of 2: run its commands and tests', { step: 'EXECUTOR' }),
  anEvent('EXECUTION_FAILED', 'task 1: node --test failed with exit code 1', { agent: 'Executor', exitCode: '1', durationMillis: '745' }),
  anEvent('route', 'task 1 of 2: tests failed; fix iteration 1', { step: 'BUG_HUNTER' }),
];

beforeEach(() => {
  resetEvents();
  session.signIn(tokens(1));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('RunView', () => {
  it('shows who works on what, the plan, the cost per agent and the timeline with its failures', async () => {
    runsApi(
      aRun(
        {
          currentStep: { step: 'bug-hunter', reason: 'task 1 of 2: tests failed; fix iteration 1' },
          cost: {
            totalUsd: 0.0123,
            calls: 3,
            replayed: false,
            byAgent: [
              { agent: 'CodeMonkey', costUsd: 0.01, calls: 2, promptTokens: 4173, completionTokens: 3758 },
              { agent: 'Architect', costUsd: 0.0023, calls: 1, promptTokens: 676, completionTokens: 75 },
            ],
          },
        },
        { fixIterations: 1 },
      ),
      demoEvents(),
    );
    render(<RunView runId="run_aaaaaaaaaaaaaaaaaaaa" />);
    const user = userEvent.setup();

    const now = await screen.findByRole('group', { name: 'Now' });
    expect(now.textContent).toBe('BugHunter Task 1 of 2: tests failed; fix iteration 1.');
    expect(screen.getByText('Running')).toBeDefined();
    expect(screen.getByText('0 of 2 tasks done')).toBeDefined();
    const tasks = within(screen.getByRole('list', { name: 'Tasks' })).getAllByRole('listitem');
    expect(tasks[0]!.textContent).toContain('In progress');
    expect(tasks[0]!.textContent).toContain('fix iteration 1');
    expect(tasks[1]!.textContent).toContain('To do');

    const codeMonkey = screen.getByRole('row', { name: /CodeMonkey/ });
    expect(codeMonkey.textContent).toContain('4,173 / 3,758');
    expect(codeMonkey.textContent).toContain('$0.01');
    expect(screen.getByRole('row', { name: /Architect/ }).textContent).toContain('$0.0023');

    const timeline = screen.getByRole('region', { name: 'Run events' });
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(4);
    await user.click(screen.getByRole('checkbox', { name: 'Failures only (1)' }));
    const failures = within(timeline).getAllByRole('listitem');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.textContent).toContain('Failed');
    expect(failures[0]!.textContent).toContain('Task 1: node --test failed with exit code 1.');
    expect(failures[0]!.textContent).toContain('exit code 1 · 745 ms');
  });

  it('shows the questions of a waiting run, sends an answer, and reads the run again at once', async () => {
    const { state, reads } = runsApi(aRun({ status: 'waiting-for-answer' }, { planDone: false, taskCount: 0, currentTask: 0, openQuestions: 1 }), [], [
      { id: 1, text: 'Should todos survive a restart?', askedAt: '2030-01-01T10:00:00Z' },
    ]);
    render(<RunView runId="run_aaaaaaaaaaaaaaaaaaaa" />);
    const user = userEvent.setup();

    const questions = await screen.findByRole('region', { name: 'The agents have questions for you' });
    await user.click(await within(questions).findByRole('button', { name: 'Send answer' }));
    expect(within(questions).getByText('Write an answer.')).toBeDefined();

    await user.type(within(questions).getByLabelText('Should todos survive a restart?'), 'No, memory is fine');
    const before = reads();
    await user.click(within(questions).getByRole('button', { name: 'Send answer' }));

    await waitFor(() => expect(screen.getByText('Running')).toBeDefined());
    expect(reads()).toBeGreaterThan(before);
    expect(state.answers).toEqual([{ answer: 'No, memory is fine' }]);
    expect(screen.queryByRole('region', { name: 'The agents have questions for you' })).toBeNull();
  });

  it('cancels after confirming, and shows why a resume is refused', async () => {
    const { state } = runsApi(aRun(), demoEvents());
    render(<RunView runId="run_aaaaaaaaaaaaaaaaaaaa" />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Cancel run' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this run?' });
    expect(within(dialog).getByRole('button', { name: 'Keep running' })).toBeDefined();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel run' }));
    await waitFor(() => expect(screen.getByRole('group', { name: 'Now' }).textContent).toContain('Stopping at the next step'));
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();

    state.run = aRun({ status: 'paused-budget', updatedAt: '2030-01-01T10:05:00Z' });
    await user.click(await screen.findByRole('button', { name: 'Resume run' }, { timeout: 3_000 }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not possible in the run’s state');
    expect(alert.textContent).toContain('The budget is still spent; raise it first.');
  });

  it('announces events that arrive while it is open, not the history', async () => {
    vi.useFakeTimers();
    const { state } = runsApi(aRun(), demoEvents());
    render(<RunView runId="run_aaaaaaaaaaaaaaaaaaaa" />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    const live = screen.getAllByRole('status').find((element) => element.getAttribute('aria-live') === 'polite')!;
    expect(screen.getByRole('region', { name: 'Run events' }).textContent).toContain('Task 1 of 2: tests failed; fix iteration 1.');
    expect(live.textContent).toBe('');

    state.events = [
      ...state.events,
      anEvent('FIX_PLANNED', 'task 1, iteration 1: POST /todos answers 200', { agent: 'BugHunter' }),
      anEvent('route', 'task 1 of 2: write 1 file(s)', { step: 'CODE_MONKEY' }),
    ];
    state.run = aRun({ updatedAt: '2030-01-01T10:00:20Z' });
    await act(() => vi.advanceTimersByTimeAsync(1_000));

    expect(live.textContent).toBe('BugHunter: Task 1, iteration 1: POST /todos answers 200.');

    // tool calls show in the timeline but are not read out: there are dozens a step
    state.events = [
      ...state.events,
      aToolCall('CodeMonkey', 'read_file', 'read src/server.js (lines 1–80 of 80)', { task: '1', path: 'src/server.js' }),
    ];
    state.run = aRun({ updatedAt: '2030-01-01T10:00:30Z' });
    await act(() => vi.advanceTimersByTimeAsync(1_000));

    expect(screen.getByRole('region', { name: 'Run events' }).textContent).toContain('CodeMonkey read src/server.js (lines 1–80 of 80)');
    expect(live.textContent).toBe('BugHunter: Task 1, iteration 1: POST /todos answers 200.');
  });

  it('shows why a failed run failed, in a sentence, and the task it stopped on as failed', async () => {
    const failed = aRun({
      status: 'failed',
      failure: 'task 1 of 2 failed the same way after ProblemSolver; stopping the task. Its last execution: npm test failed with exit code 1',
    });
    const { state } = runsApi(failed, demoEvents());
    state.tasks = [
      { number: 1, epic: 'API', title: 'Todos', description: '', acceptanceTests: [], status: 'failed', current: true },
      { number: 2, epic: 'Page', title: 'A page', description: '', acceptanceTests: [], status: 'planned', current: false },
    ];
    render(<RunView runId={failed.id} />);

    const why = await screen.findByRole('region', { name: 'Why it failed' });
    expect(why.textContent).toContain(
      'Task 1 of 2 failed the same way after ProblemSolver; stopping the task. Its last execution: npm test failed with exit code 1.',
    );
    const tasks = screen.getByRole('list', { name: 'Tasks' });
    await waitFor(() => expect(within(tasks).getAllByRole('listitem')[0]!.textContent).toMatch(/^Failed\s*Task 1: Todos/));
    expect(screen.queryByRole('group', { name: 'Now' })).toBeNull();
  });

  it('says so when the run does not exist', async () => {
    fakeApi({ [`GET ${RUN}`]: () => problem(404, 'not-found', 'Not found', { detail: 'no run run_aaaaaaaaaaaaaaaaaaaa' }) });
    render(<RunView runId="run_aaaaaaaaaaaaaaaaaaaa" />);

    expect((await screen.findByRole('alert')).textContent).toContain('Run not found');
  });
});

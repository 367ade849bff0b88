import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/api';
import { fakeApi } from '@/testing/fake-api';
import { json, problem, tokens } from '@/testing/responses';
import type { Preview } from '../api/types';
import { aPreview, PREVIEW_ORIGIN, ticketUrl } from '../testing/previews';
import { FRAME_SANDBOX, PreviewPanel } from './preview-panel';

const PROJECT = 'prj_aaaaaaaaaaaaaaaaaaaa';
const PREVIEW = `/v1/projects/${PROJECT}/preview`;

/**
 * The preview API of one project: `state.preview` is what it answers now (null: none yet). Every
 * answer about a live preview carries a new ticket, as the API's do.
 */
function previewApi(initial: Preview | null, start?: () => Response) {
  const state = { preview: initial, tickets: 0, starts: 0, answers: [] as Preview[] };
  function answer(status: number): Response {
    const preview = state.preview!;
    const live = preview.status === 'starting' || preview.status === 'running';
    const answered = live ? { ...preview, url: ticketUrl(`pt_${(state.tickets += 1)}`) } : preview;
    state.answers.push(answered);
    return json(status, answered);
  }
  const api = fakeApi({
    [`GET ${PREVIEW}`]: () =>
      state.preview ? answer(200) : problem(404, 'not-found', 'Not found', { detail: `no preview of project ${PROJECT}` }),
    [`POST ${PREVIEW}`]:
      start ??
      (() => {
        state.starts += 1;
        state.preview = aPreview({ id: `pv_${state.starts}`, status: 'starting', log: '> todo@1.0.0 start\n> node src/server.js' });
        return answer(201);
      }),
    [`DELETE ${PREVIEW}`]: () => {
      state.preview = { ...state.preview!, status: 'stopped', message: 'stopped by you', url: `${PREVIEW_ORIGIN}/` };
      return answer(200);
    },
  });
  const sent = (method: string) => api.calls.filter((call) => call.method === method && new URL(call.url).pathname === PREVIEW).length;
  return { state, api, sent };
}

function renderPanel() {
  return render(<PreviewPanel projectId={PROJECT} projectName="Todo app" />);
}

function frame(): HTMLIFrameElement {
  return screen.getByTitle('Preview of Todo app') as HTMLIFrameElement;
}

beforeEach(() => {
  session.signIn(tokens(1));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('PreviewPanel', () => {
  it('offers to start a preview, shows the log while it starts, then the app in a frame at its ticket address', async () => {
    vi.useFakeTimers();
    const { state, sent } = previewApi(null);
    renderPanel();
    await act(() => vi.advanceTimersByTimeAsync(0));

    const panel = screen.getByRole('region', { name: 'Preview' });
    expect(panel.textContent).toContain('runs the app’s current files in the sandbox');
    // fireEvent, not userEvent: Testing Library's async wrapper waits on a timer the fake clock holds
    fireEvent.click(within(panel).getByRole('button', { name: 'Start preview' }));
    await act(() => vi.advanceTimersByTimeAsync(0));

    expect(within(panel).getByText('Starting…')).toBeDefined();
    const log = within(panel).getByRole('region', { name: 'Preview log' });
    expect(log.tagName).toBe('PRE');
    expect(log.textContent).toBe('> todo@1.0.0 start\n> node src/server.js');
    expect(sent('POST')).toBe(1);
    expect(screen.queryByTitle('Preview of Todo app')).toBeNull();

    // read every 2 s while it starts: the log grows
    const reads = sent('GET');
    state.preview = { ...state.preview!, log: '> node src/server.js\nlistening on 3000' };
    await act(() => vi.advanceTimersByTimeAsync(1_999));
    expect(sent('GET')).toBe(reads);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(sent('GET')).toBe(reads + 1);
    expect(within(panel).getByRole('region', { name: 'Preview log' }).textContent).toContain('listening on 3000');

    // it answers: the frame opens at the address of the reading that saw it running
    state.preview = { ...state.preview!, status: 'running' };
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    await act(() => vi.advanceTimersByTimeAsync(0));
    const sawRunning = state.answers.find((answer) => answer.status === 'running')!;
    const src = frame().getAttribute('src');
    expect(src).toBe(sawRunning.url);
    expect(src).toMatch(/^http:\/\/127\.0\.0\.1:41234\/\.samokoder\/enter\?ticket=pt_\d+$/);
    expect(frame().getAttribute('sandbox')).toBe(FRAME_SANDBOX);
    expect(within(panel).queryByText('Starting…')).toBeNull();
    // the app's output stays at hand, folded away
    const output = within(panel).getByText('The app’s output').closest('details')!;
    expect(output.open).toBe(false);
    expect(output.textContent).toContain('listening on 3000');

    // the address without its ticket; the link has an unspent ticket of its own, read at once
    expect(within(panel).getByText(PREVIEW_ORIGIN)).toBeDefined();
    const link = within(panel).getByRole('link', { name: 'Open in new tab' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('href')).toBe(state.answers.at(-1)!.url);
    expect(link.getAttribute('href')).not.toBe(src);

    // read every 10 s while it runs; a reading does not reload the frame
    const running = sent('GET');
    await act(() => vi.advanceTimersByTimeAsync(9_999));
    expect(sent('GET')).toBe(running);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(sent('GET')).toBe(running + 1);
    expect(frame().getAttribute('src')).toBe(src);
    expect(link.getAttribute('href')).toBe(state.answers.at(-1)!.url);

    // Reload opens the frame again, with a fresh ticket
    fireEvent.click(within(panel).getByRole('button', { name: 'Reload' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(frame().getAttribute('src')).not.toBe(src);
    expect(frame().getAttribute('src')).toMatch(/\?ticket=pt_\d+$/);
  });

  it('shows why the app did not start, with its output, and starts it again', async () => {
    const { sent } = previewApi(
      aPreview({
        status: 'failed',
        message: "the app exited with code 1 before it answered on port 3000:\nError: Cannot find module 'express'\n    at node:internal",
        log: "Error: Cannot find module 'express'",
      }),
    );
    renderPanel();
    const user = userEvent.setup();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The app did not start');
    const why = within(alert).getByRole('region', { name: 'Why the app did not start' });
    expect(why.tagName).toBe('PRE');
    expect(why.textContent).toBe("the app exited with code 1 before it answered on port 3000:\nError: Cannot find module 'express'\n    at node:internal");
    expect(screen.queryByTitle('Preview of Todo app')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(await screen.findByText('Starting…')).toBeDefined();
    expect(sent('POST')).toBe(1);
  });

  it('says why there is nothing to preview yet, next to the button', async () => {
    previewApi(null, () =>
      problem(409, 'preview-unavailable', 'No preview possible', {
        detail: 'the project has no app to preview yet: a run of it must succeed first',
      }),
    );
    renderPanel();
    const user = userEvent.setup();

    const start = await screen.findByRole('button', { name: 'Start preview' });
    await user.click(start);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No preview possible');
    expect(alert.textContent).toContain('The project has no app to preview yet: a run of it must succeed first.');
    expect(start.parentElement!.parentElement!.contains(alert)).toBe(true);
    expect(screen.getByRole('button', { name: 'Start preview' })).toBeDefined();
  });

  it('stops a running preview and offers to start it again', async () => {
    const { state, sent } = previewApi(aPreview({ status: 'running' }));
    renderPanel();
    const user = userEvent.setup();

    await waitFor(() => expect(frame()).toBeDefined());
    await user.click(screen.getByRole('button', { name: 'Stop' }));

    expect(await screen.findByText('The preview stopped: stopped by you.')).toBeDefined();
    expect(sent('DELETE')).toBe(1);
    expect(state.preview!.status).toBe('stopped');
    expect(screen.queryByTitle('Preview of Todo app')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Open in new tab' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Start again' })).toBeDefined();
  });

  it('says when the files changed since it started, and restarts it on them', async () => {
    const { sent } = previewApi(aPreview({ status: 'running', filesChanged: true }));
    renderPanel();
    const user = userEvent.setup();

    expect(await screen.findByText(/^The files changed since this preview started\./)).toBeDefined();
    await waitFor(() => expect(frame()).toBeDefined());
    await user.click(screen.getByRole('button', { name: 'Restart' }));

    expect(await screen.findByText('Starting…')).toBeDefined();
    expect(sent('POST')).toBe(1);
    expect(screen.queryByText(/^The files changed/)).toBeNull();
    expect(screen.queryByTitle('Preview of Todo app')).toBeNull();
  });

  it('offers a retry when the preview cannot be read', async () => {
    let fail = true;
    fakeApi({
      [`GET ${PREVIEW}`]: () => (fail ? problem(500, 'internal', 'Internal error', { detail: 'try again in a moment' }) : json(200, aPreview({ status: 'stopped', message: 'stopped after 15 minutes without a request' }))),
    });
    renderPanel();
    const user = userEvent.setup();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Internal error');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('The preview stopped: stopped after 15 minutes without a request.')).toBeDefined();
  });
});

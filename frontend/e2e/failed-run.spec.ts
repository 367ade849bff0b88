import { expect, test, type APIRequestContext } from '@playwright/test';
import { accessTokenViaApi, createProjectViaApi, registerViaApi, screenshot, signInViaUi, uniqueEmail } from './support';

// A run that fails, for real, on the local platform with the demo's replayed transcript
// (e2e/global-setup.ts): the todo app is built and given due dates over the API, then a change
// the app's own tests contradict is asked for in the web app. Its fixes go round in a circle, the
// run stops on its task, and the run view says which task failed and why. Three runs: about 90 s.
const RUN_TIMEOUT = 120_000;

// the requests as the transcript's scripted team answers them (tools: DemoMain; infra-local's tests: DemoModel)
const TODO_APP = 'A todo list: a REST API with a static page, using only Node.js built-ins, with its own tests.';
const DUE_DATES = 'Add due dates to the todos: a todo may have an optional due date (a day), which the API keeps and lists.';
const UNTITLED = 'Let a todo be added without a title: call it Untitled.';

/** Runs a request on the project over the API, autonomously, and waits until it succeeded. */
async function succeedViaApi(request: APIRequestContext, token: string, projectId: string, text: string, kind: 'new-app' | 'change-request') {
  const headers = { Authorization: `Bearer ${token}` };
  const started = await request.post(`/v1/projects/${projectId}/runs`, { headers, data: { request: text, kind, mode: 'autonomous' } });
  expect(started.status()).toBe(201);
  const { id } = await started.json();
  const run = async () => (await request.get(`/v1/runs/${id}`, { headers })).json();
  await expect.poll(async () => (await run()).status, { timeout: RUN_TIMEOUT, intervals: [1_000] }).not.toBe('running');
  expect(await run(), `run ${id}: ${text}`).toMatchObject({ status: 'succeeded' });
}

test('a change that fails: the run view shows the task it stopped on as failed, and why in words', async ({ page, request }, testInfo) => {
  test.setTimeout(3 * RUN_TIMEOUT);
  const email = uniqueEmail('failer');
  await registerViaApi(request, email);
  const token = await accessTokenViaApi(request, email);
  const project = await createProjectViaApi(request, token, 'Todos that fail');

  await test.step('the todo app is built, and given due dates', async () => {
    await succeedViaApi(request, token, project.id, TODO_APP, 'new-app');
    await succeedViaApi(request, token, project.id, DUE_DATES, 'change-request');
  });

  await signInViaUi(page, email);
  await page.goto(`/projects/${project.id}`);
  const runs = page.getByRole('region', { name: 'Runs' });

  await test.step('ask for a change the app’s tests contradict', async () => {
    await expect(runs.getByRole('radio', { name: /Change request/ })).toBeChecked();
    await runs.getByLabel(/What should change/).fill(UNTITLED);
    await runs.getByRole('radio', { name: /Autonomous/ }).check();
    await runs.getByRole('button', { name: 'Start the change' }).click();
    await expect(runs.getByText('Running', { exact: true })).toBeVisible();
  });

  await test.step('the run fails, saying why in words: the command and its exit code', async () => {
    const why = runs.getByRole('region', { name: 'Why it failed' });
    await expect(why).toBeVisible({ timeout: RUN_TIMEOUT });
    await expect(why).toContainText('Task 1 of 1 failed the same way after ProblemSolver');
    await expect(why).toContainText('npm test failed with exit code 1');
    await expect(why).not.toContainText(/Exception|dev\.samokoder/);
    await expect(runs.getByRole('button', { name: 'Resume run' })).toBeVisible();
  });

  await test.step('the task it stopped on shows as failed, and opens at the execution that failed', async () => {
    const tasks = runs.getByRole('list', { name: 'Tasks' });
    const task = tasks.getByRole('listitem').filter({ hasText: 'Task 1: Todos without a title are called Untitled' });
    await expect(task).toContainText(/^Failed/);
    await expect(runs.getByText('0 of 1 tasks done')).toBeVisible();
    await task.getByRole('button', { name: 'Details of task 1' }).click();
    await expect(task.getByText('Execution 4: tests failed')).toBeVisible();
    // the last execution is open: the test that failed is there to read
    const output = task.getByRole('region', { name: 'Output of execution 4' });
    await expect(output).toBeVisible();
    await expect(output).toContainText('not ok');
    await expect(output).toContainText('a todo without a title is called Untitled');
    await screenshot(page, testInfo, 'run-failed');
  });

  await test.step('the timeline shows the fixes going round in a circle', async () => {
    const events = runs.getByRole('region', { name: 'Run events' });
    await expect(events).toContainText(/fixes since go round in a circle/);
    await expect(events).toContainText('Task 1: npm test failed with exit code 1');
  });
});

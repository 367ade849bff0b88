import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { registerViaApi, screenshot, signInViaUi, uniqueEmail } from './support';

// Real runs on the local platform: the agents answer from the demo's replayed transcript and the
// Executor runs the generated tests in the sandbox (e2e/global-setup.ts). A run takes 20–40 s.
const RUN_TIMEOUT = 120_000;

/** With SAMOKODER_README_SCREENSHOTS=1 the run view's screenshot also goes to docs/images for the README. */
const readmeImages = join(dirname(fileURLToPath(import.meta.url)), '../../docs/images');

async function createProject(page: Page, name: string, mode: 'Interactive' | 'Autonomous') {
  await page.getByRole('link', { name: 'New project' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('textbox', { name: /^Description/ }).fill('A todo list: add todos, tick them done, delete them.');
  await page.getByRole('radio', { name: new RegExp(mode) }).check();
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('an interactive run: answer the question in place, follow the agents live, get the files', async ({ page, request }, testInfo) => {
  test.setTimeout(RUN_TIMEOUT + 60_000);
  const email = uniqueEmail('runner');
  await registerViaApi(request, email);
  await signInViaUi(page, email);
  await createProject(page, 'Todo API', 'Interactive');
  const runs = page.getByRole('region', { name: 'Runs' });
  const files = page.getByRole('region', { name: 'Files' });

  await test.step('start the run from the project description', async () => {
    await expect(runs.getByText('No runs yet')).toBeVisible();
    await expect(runs.getByLabel(/What should the app do/)).toHaveValue('A todo list: add todos, tick them done, delete them.');
    await expect(runs.getByRole('radio', { name: /Interactive/ })).toBeChecked();
    await screenshot(page, testInfo, 'start-run');
    await runs.getByRole('button', { name: 'Build the app' }).click();
    // on a warm platform the replayed SpecWriter may ask before a poll sees the run running
    await expect(runs.getByText(/^(Running|Waiting for your answers)$/)).toBeVisible();
    await expect(runs.getByRole('button', { name: 'Build the app' })).toHaveCount(0);
  });

  await test.step("answer SpecWriter's question where it is asked", async () => {
    const questions = runs.getByRole('region', { name: 'The agents have questions for you' });
    await expect(questions).toBeVisible({ timeout: 30_000 });
    await expect(runs.getByText('Waiting for your answers')).toBeVisible();
    await screenshot(page, testInfo, 'run-question');
    await questions.getByLabel('Should todos survive a restart of the server?').fill('No, keeping them in memory is fine.');
    await questions.getByRole('button', { name: 'Send answer' }).click();
    await expect(questions).toBeHidden();
  });

  await test.step('follow the agents live until the app is built', async () => {
    // the view updates by itself: agents, tasks and the timeline move without a reload
    await expect(runs.getByRole('group', { name: 'Now' })).toContainText(/Architect|TechLead|Developer|CodeMonkey|Executor|BugHunter/, {
      timeout: 30_000,
    });
    await expect(runs.getByText('Succeeded')).toBeVisible({ timeout: RUN_TIMEOUT });
    await expect(runs.getByText('2 of 2 tasks done')).toBeVisible();
    const tasks = runs.getByRole('list', { name: 'Tasks' });
    await expect(tasks).toContainText('Task 1: Todo store and REST API');
    await expect(tasks).toContainText('Task 2: A static page for the todos');
    await expect(runs.getByRole('row', { name: /BugHunter/ })).toBeVisible();
    await expect(runs.getByText(/^The answers were replayed from a recorded transcript/)).toBeVisible();

    const events = runs.getByRole('region', { name: 'Run events' });
    await expect(events).toContainText('Question 1 answered');
    // the run's last event carries its summary, which says the answers were replayed too
    await expect(events).toContainText(/The app is built: .*responses were replayed from a recorded transcript/);
    // the failing test BugHunter fixed is easy to find
    await runs.getByRole('checkbox', { name: 'Failures only (1)' }).check();
    await expect(events.getByRole('listitem')).toHaveCount(1);
    await expect(events).toContainText('Task 1: npm test failed with exit code 1');
    await runs.getByRole('checkbox', { name: /Failures only/ }).uncheck();
  });

  await test.step("open task 1: the failed execution's output and the files the task added", async () => {
    const tasks = runs.getByRole('list', { name: 'Tasks' });
    const details = tasks.getByRole('button', { name: 'Details of task 1' });
    await details.click();
    await expect(details).toHaveAttribute('aria-expanded', 'true');
    const failed = tasks.getByText('Execution 1: tests failed');
    await expect(failed).toBeVisible();
    await expect(tasks.getByText('Execution 2: passed')).toBeVisible();
    await failed.click();
    await expect(tasks.getByRole('region', { name: 'Output of execution 1' })).toContainText(/fail/i);
    const changed = tasks.getByRole('list', { name: 'Files changed by task 1' });
    await expect(changed).toContainText('src/server.js');
    await expect(changed).toContainText('test/api.test.js');
    await changed.getByRole('button', { name: /src\/server\.js/ }).click();
    await expect(tasks.getByRole('region', { name: 'Changes to src/server.js' })).toContainText('createServer');
    await screenshot(page, testInfo, 'task-changes');
    await details.click();
    await expect(details).toHaveAttribute('aria-expanded', 'false');
  });

  await test.step('see what the agents read and changed: their tool calls on the timeline and per task', async () => {
    const events = runs.getByRole('region', { name: 'Run events' });
    const toolCalls = runs.getByRole('checkbox', { name: /^Tool calls \(\d+\)$/ });
    await expect(toolCalls).toBeChecked();
    // each tool call is a line: the agent, then what it did ("read src/store.js (lines 1–40 of 40)")
    const lines = await events.getByRole('listitem').allTextContents();
    const first = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    const last = (pattern: RegExp) => lines.findLastIndex((line) => pattern.test(line));
    const readsStore = first(/CodeMonkey read src\/store\.js\b/);
    const writesServer = first(/CodeMonkey (wrote|edited) src\/server\.js\b/);
    const readsServer = first(/CodeMonkey read src\/server\.js\b/);
    const writesTest = first(/CodeMonkey (wrote|appended to|edited) test\/api\.test\.js\b/);
    const bugHunterReads = first(/BugHunter read src\/server\.js\b/);
    const editsServer = last(/CodeMonkey edited src\/server\.js \(at line \d+\)/);
    expect(readsStore, 'CodeMonkey reads src/store.js').toBeGreaterThanOrEqual(0);
    expect(writesServer, 'then writes src/server.js').toBeGreaterThan(readsStore);
    expect(readsServer, 'CodeMonkey reads src/server.js').toBeGreaterThanOrEqual(0);
    expect(writesTest, 'then writes test/api.test.js').toBeGreaterThan(readsServer);
    expect(bugHunterReads, 'BugHunter reads src/server.js').toBeGreaterThanOrEqual(0);
    expect(editsServer, 'then CodeMonkey edits it').toBeGreaterThan(bugHunterReads);

    // they can be hidden, leaving the milestones; a refused call is no failure: the count stayed 1 above
    await toolCalls.uncheck();
    await expect(events.getByRole('listitem').filter({ hasText: /CodeMonkey (read|wrote|edited) / })).toHaveCount(0);
    await expect(events).toContainText('Task 1 of 2 done: Todo store and REST API');
    await toolCalls.check();
    await expect(events.getByRole('listitem').filter({ hasText: /CodeMonkey read src\/store\.js/ }).first()).toBeVisible();

    const tasks = runs.getByRole('list', { name: 'Tasks' });
    const details = tasks.getByRole('button', { name: 'Details of task 1' });
    await details.click();
    const agents = tasks.getByRole('list', { name: 'Tool calls of task 1' });
    const codeMonkey = agents.getByRole('listitem').filter({ hasText: /^CodeMonkey / });
    await expect(codeMonkey).toContainText(/read [^;]*src\/store\.js/);
    await expect(codeMonkey).toContainText(/read [^;]*src\/server\.js/);
    await expect(codeMonkey).toContainText(/changed [^;]*src\/server\.js/);
    await expect(codeMonkey).toContainText(/changed [^;]*test\/api\.test\.js/);
    await expect(agents.getByRole('listitem').filter({ hasText: /^BugHunter / })).toContainText(/read [^;]*src\/server\.js/);
    await screenshot(page, testInfo, 'task-tool-calls');
    await details.click();
    await expect(details).toHaveAttribute('aria-expanded', 'false');
  });

  await test.step('the files appear without a reload', async () => {
    const tree = files.getByRole('navigation', { name: 'Project files' });
    await expect(tree).toBeVisible();
    await tree.getByRole('button', { name: 'src' }).click();
    await tree.getByRole('link', { name: 'server.js' }).click();
    await expect(page.getByRole('region', { name: 'Content of src/server.js' })).toContainText('201');
    await page.getByRole('heading', { name: 'Runs' }).scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, 'run-view');
    const view = runs.getByRole('article');
    if (process.env.SAMOKODER_README_SCREENSHOTS === '1') {
      mkdirSync(readmeImages, { recursive: true });
      await view.screenshot({ path: join(readmeImages, 'run-view.png') });
    }
  });

  await test.step('ask for a change next: the form offers a change request', async () => {
    await expect(runs.getByRole('radio', { name: /Change request/ })).toBeChecked();
    await expect(runs.getByRole('button', { name: 'Start the change' })).toBeVisible();
  });

  await test.step('download the app, then sign out', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download zip' }).click();
    expect((await download).url()).toContain('exports/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });
});

test('a run started in another tab is shown instead of a second one, and cancelled from there', async ({ page, context, request }, testInfo) => {
  test.setTimeout(RUN_TIMEOUT);
  const email = uniqueEmail('canceller');
  await registerViaApi(request, email);
  await signInViaUi(page, email);
  await createProject(page, 'Cancelled app', 'Autonomous');
  const other = await context.newPage();
  await signInViaUi(other, email);
  await other.goto(page.url());
  const otherRuns = other.getByRole('region', { name: 'Runs' });
  await expect(otherRuns.getByRole('button', { name: 'Build the app' })).toBeVisible();

  const runs = page.getByRole('region', { name: 'Runs' });
  await runs.getByRole('button', { name: 'Build the app' }).click();
  await expect(runs.getByText('Running', { exact: true })).toBeVisible();

  await test.step('the other tab is refused a second run and offered the one in progress', async () => {
    await otherRuns.getByRole('button', { name: 'Build the app' }).click();
    const alert = otherRuns.getByRole('alert');
    await expect(alert).toContainText('A run is in progress');
    await alert.getByRole('button', { name: 'Show the run in progress' }).click();
    await expect(otherRuns.getByRole('article')).toBeVisible();
    await expect(otherRuns.getByRole('button', { name: 'Build the app' })).toHaveCount(0);
  });

  await test.step('cancel it there, after confirming', async () => {
    await otherRuns.getByRole('button', { name: 'Cancel run' }).click();
    const dialog = other.getByRole('dialog', { name: 'Cancel this run?' });
    await expect(dialog.getByRole('button', { name: 'Keep running' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Cancel run' }).click();
    await expect(dialog).toBeHidden();
    await expect(otherRuns.getByText('Cancelled', { exact: true })).toBeVisible({ timeout: 60_000 });
  });

  await test.step('the first tab sees the run end by itself', async () => {
    await expect(runs.getByText('Cancelled', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(runs.getByRole('region', { name: 'Run events' })).toContainText('Cancel requested by the user');
    await expect(runs.getByRole('button', { name: 'Cancel run' })).toHaveCount(0);
    await expect(runs.getByRole('button', { name: 'Resume run' })).toHaveCount(0);
    await expect(runs.getByRole('button', { name: 'Start the change' })).toBeVisible();
    await screenshot(page, testInfo, 'run-cancelled');
  });
});

import { expect, test, type Page } from '@playwright/test';
import { registerViaApi, screenshot, signInViaUi, uniqueEmail } from './support';

// The live preview on the local platform: the demo's replayed run builds the todo app (a REST API
// and public/index.html, e2e/global-setup.ts), then the preview installs and starts it in the
// sandbox with its start command (`npm start`) and serves it from an origin of its own, shown in
// a frame on the project page. The run takes 20–40 s; the app starts within seconds.
const RUN_TIMEOUT = 120_000;
const PREVIEW_TIMEOUT = 90_000;

const TODO = 'Buy milk from the preview';

async function createProject(page: Page, name: string) {
  await page.getByRole('link', { name: 'New project' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByRole('textbox', { name: /^Description/ }).fill('A todo list: add todos, tick them done, delete them.');
  await page.getByRole('radio', { name: /Autonomous/ }).check();
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('preview the built app in place: use it in the frame, open it in a tab, stop it', async ({ page, context, request }, testInfo) => {
  test.setTimeout(RUN_TIMEOUT + 2 * PREVIEW_TIMEOUT);
  const email = uniqueEmail('previewer');
  await registerViaApi(request, email);
  await signInViaUi(page, email);
  await createProject(page, 'Previewed todos');
  const runs = page.getByRole('region', { name: 'Runs' });
  // exact: the region's log and the frame's title say "Preview" too
  const preview = page.getByRole('region', { name: 'Preview', exact: true });

  await test.step('before any run there is nothing to preview, and the panel says why', async () => {
    await expect(preview.getByText('The preview runs the app’s current files in the sandbox')).toBeVisible();
    await preview.getByRole('button', { name: 'Start preview' }).click();
    await expect(preview.getByRole('alert')).toContainText('The project has no app to preview yet: a run of it must succeed first.');
    await expect(preview.getByRole('button', { name: 'Start preview' })).toBeVisible();
  });

  await test.step('build the app: the replayed demo run succeeds', async () => {
    await runs.getByRole('button', { name: 'Build the app' }).click();
    await expect(runs.getByText('Running', { exact: true })).toBeVisible();
    await expect(runs.getByText('Succeeded')).toBeVisible({ timeout: RUN_TIMEOUT });
  });

  const frame = preview.locator('iframe[title^="Preview of"]');
  const app = page.frameLocator('iframe[title^="Preview of"]');

  await test.step('start the preview and wait for the app to answer in the frame', async () => {
    await preview.getByRole('button', { name: 'Start preview' }).click();
    await expect(preview.getByRole('alert')).toHaveCount(0);
    await expect(frame).toBeVisible({ timeout: PREVIEW_TIMEOUT });
    await expect(frame).toHaveAttribute('title', 'Preview of Previewed todos');
    await expect(frame).toHaveAttribute('src', /\/\.samokoder\/enter\?ticket=pt_/);
    // the address is the preview's own origin, never the platform's, and shown without its ticket
    const address = preview.getByText(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(address).toBeVisible();
    expect(new URL((await address.textContent())!).origin).not.toBe(new URL(page.url()).origin);
    await expect(preview.getByRole('button', { name: 'Restart' })).toBeVisible();
    await expect(app.getByRole('heading', { name: 'Todos' })).toBeVisible({ timeout: 30_000 });
  });

  await test.step('use the app in the frame: add a todo, see it listed', async () => {
    await app.getByPlaceholder('What needs doing?').fill(TODO);
    await app.getByRole('button', { name: 'Add' }).click();
    await expect(app.getByRole('listitem').filter({ hasText: TODO })).toBeVisible();
    await page.getByRole('heading', { name: 'Preview', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, 'preview-running');
  });

  await test.step('open it in a tab of its own: the link carries an unspent ticket', async () => {
    const link = preview.getByRole('link', { name: 'Open in new tab' });
    await expect(link).toHaveAttribute('href', /\/\.samokoder\/enter\?ticket=pt_/);
    await expect.poll(async () => link.getAttribute('href')).not.toBe(await frame.getAttribute('src'));
    const opened = context.waitForEvent('page');
    await link.click();
    const tab = await opened;
    await expect(tab.getByRole('heading', { name: 'Todos' })).toBeVisible();
    // the same running app: the todo added in the frame is there
    await expect(tab.getByRole('listitem').filter({ hasText: TODO })).toBeVisible();
    await expect(tab).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await tab.close();
  });

  await test.step('stop it: the frame goes, and it can be started again', async () => {
    await preview.getByRole('button', { name: 'Stop' }).click();
    await expect(preview.getByText(/^The preview stopped: stopped by you/)).toBeVisible();
    await expect(frame).toHaveCount(0);
    await expect(preview.getByRole('link', { name: 'Open in new tab' })).toHaveCount(0);
    await expect(preview.getByRole('button', { name: 'Start again' })).toBeVisible();
    await screenshot(page, testInfo, 'preview-stopped');
  });
});

import { expect, test, type Page } from '@playwright/test';
import { accessTokenViaApi, createProjectViaApi, registerViaApi, screenshot, signInViaUi, uniqueEmail } from './support';

/** Nothing wider than the screen: no sideways scrolling to read a page. */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('the main screens read on a phone', async ({ page, request }, testInfo) => {
  test.setTimeout(150_000);
  const email = uniqueEmail('phone');
  await registerViaApi(request, email);
  const project = await createProjectViaApi(
    request,
    await accessTokenViaApi(request, email),
    'A project with a rather long name that has to wrap on a small screen',
  );

  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, testInfo, 'sign-in');

  await signInViaUi(page, email);
  await expect(page.getByRole('link', { name: /A project with a rather long name/ })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, testInfo, 'projects');

  await page.getByRole('link', { name: 'New project' }).click();
  await expect(page.getByRole('heading', { name: 'New project' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, testInfo, 'new-project');

  await page.goto(`/projects/${project.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('A project with a rather long name');
  await expect(page.getByText('No runs yet')).toBeVisible();
  await expect(page.getByText('No budget')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, testInfo, 'project');

  // a real run (the replayed demo), followed to its end on the small screen
  await page.getByRole('radio', { name: /Autonomous/ }).check();
  await page.getByRole('button', { name: 'Build the app' }).click();
  const runs = page.getByRole('region', { name: 'Runs' });
  await expect(runs.getByText('Succeeded')).toBeVisible({ timeout: 90_000 });
  await expect(runs.getByText('2 of 2 tasks done')).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, testInfo, 'run-view');

  // the settings, with the month's usage of that run in a table that scrolls inside itself
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Usage per project' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await screenshot(page, testInfo, 'settings');
});

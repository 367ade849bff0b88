import { expect, test } from '@playwright/test';
import { accessTokenViaApi, createProjectViaApi, registerViaApi, screenshot, signInViaUi, uniqueEmail } from './support';

test("another user's project reads as not found", async ({ page, request }, testInfo) => {
  const owner = uniqueEmail('owner');
  await registerViaApi(request, owner);
  const theirs = await createProjectViaApi(request, await accessTokenViaApi(request, owner), 'Private plans');
  const visitor = uniqueEmail('visitor');
  await registerViaApi(request, visitor);
  await signInViaUi(page, visitor);

  await page.goto(`/projects/${theirs.id}`);

  await expect(page.getByRole('heading', { name: 'Project not found' })).toBeVisible();
  await expect(page.getByText('Private plans')).toHaveCount(0);
  await screenshot(page, testInfo, 'project-not-found');
});

test('a dropped connection shows the problem and a retry that recovers', async ({ page, request }, testInfo) => {
  const email = uniqueEmail('offline');
  await registerViaApi(request, email);
  await createProjectViaApi(request, await accessTokenViaApi(request, email), 'Survives outages');
  await signInViaUi(page, email);
  await expect(page.getByRole('link', { name: 'Survives outages' })).toBeVisible();

  await page.route('**/v1/projects?*', (route) => route.abort('internetdisconnected'));
  await page.reload();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Can’t reach Samokoder');
  await expect(alert).toContainText('Check your connection, then try again.');
  await screenshot(page, testInfo, 'network-error');

  await page.unroute('**/v1/projects?*');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('link', { name: 'Survives outages' })).toBeVisible();
});

test('a rename that lost a race with another change says so and reloads', async ({ page, request }) => {
  const email = uniqueEmail('racer');
  await registerViaApi(request, email);
  const token = await accessTokenViaApi(request, email);
  const project = await createProjectViaApi(request, token, 'First name');
  await signInViaUi(page, email);
  await page.goto(`/projects/${project.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'First name' })).toBeVisible();

  const elsewhere = await request.patch(`/v1/projects/${project.id}`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { version: project.version, name: 'Renamed elsewhere' },
  });
  expect(elsewhere.status()).toBe(200);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel('Project name').fill('Renamed here');
  await page.getByRole('button', { name: 'Save name' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Changed elsewhere');
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Renamed elsewhere' })).toBeVisible();
});

test('an unknown address shows a page, not a blank screen', async ({ page }) => {
  await page.goto('/no/such/page');

  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to your projects' })).toBeVisible();
});

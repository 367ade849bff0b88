import { expect, test } from '@playwright/test';
import { PASSWORD, screenshot, uniqueEmail } from './support';

test('sign up, sign in, create, rename, browse, download, delete a project, sign out', async ({ page }, testInfo) => {
  const email = uniqueEmail('ada');

  await test.step('a signed-out visitor lands on sign-in', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await screenshot(page, testInfo, 'sign-in');
  });

  await test.step('sign up, which signs in', async () => {
    await page.getByRole('link', { name: 'Create an account' }).click();
    await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Your name').fill('Ada');
    await screenshot(page, testInfo, 'sign-up');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
    await expect(page.getByText('No projects yet')).toBeVisible();
    await expect(page.getByText('Ada', { exact: true })).toBeVisible();
    await screenshot(page, testInfo, 'projects-empty');
  });

  await test.step('sign out, then sign in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
  });

  await test.step('create an autonomous project with a budget', async () => {
    await page.getByRole('link', { name: 'New project' }).click();
    await expect(page.getByRole('heading', { name: 'New project' })).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill('Todo app');
    await page.getByRole('textbox', { name: /^Description/ }).fill('A todo list with due dates and reminders.');
    await page.getByRole('radio', { name: /Autonomous/ }).check();
    await page.getByRole('textbox', { name: /^Budget in USD/ }).fill('5');
    await screenshot(page, testInfo, 'new-project');
    await page.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Todo app' })).toBeVisible();
    // the facts under the title (the run form below offers the modes too)
    await expect(page.getByRole('definition').filter({ hasText: 'Autonomous' })).toBeVisible();
    await expect(page.getByText('$5.00')).toBeVisible();
  });

  await test.step('the project has no run and no files yet', async () => {
    await expect(page.getByRole('region', { name: 'Runs' }).getByText('No runs yet')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Files' }).getByText('No files yet')).toBeVisible();
    await screenshot(page, testInfo, 'project');
  });

  await test.step('rename it', async () => {
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('Project name').fill('Todo list');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Todo list' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Rename' })).toBeFocused();
  });

  await test.step('download it as a zip', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download zip' }).click();
    expect((await download).url()).toContain('exports/');
  });

  await test.step('see it in the list', async () => {
    await page.getByRole('link', { name: '← Projects' }).click();
    const card = page.getByRole('list', { name: 'Projects' }).getByRole('listitem').filter({ hasText: 'Todo list' });
    await expect(card).toContainText('Autonomous');
    await expect(card).toContainText('$5.00');
    await expect(card).toContainText('StatusNo runs yet');
    await screenshot(page, testInfo, 'projects');
    await card.getByRole('link', { name: 'Todo list' }).click();
  });

  await test.step('delete it, after confirming', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Todo list”?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await screenshot(page, testInfo, 'delete-dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Delete' })).toBeFocused();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete project' }).click();
    await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
    await expect(page.getByText('Deleted “Todo list”.')).toBeVisible();
    await expect(page.getByText('No projects yet')).toBeVisible();
  });

  await test.step('sign out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await page.goto('/projects');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fprojects/);
  });
});

import { expect, test } from '@playwright/test';
import { registerViaApi, screenshot, signInViaUi, uniqueEmail, zipArchive } from './support';

// A repository's download as GitHub makes it: everything under one folder (taken off on import),
// with git's own data (left out, and said so).
const ARCHIVE = zipArchive({
  'todo-main/package.json': '{\n  "name": "todo",\n  "private": true\n}\n',
  'todo-main/src/server.js': "import { createServer } from 'node:http';\n\ncreateServer((req, res) => res.end('[]')).listen(3000);\n",
  'todo-main/.git/HEAD': 'ref: refs/heads/main\n',
});

test('import a project from a zip archive and browse its files', async ({ page, request }, testInfo) => {
  const email = uniqueEmail('importer');
  await registerViaApi(request, email);
  await signInViaUi(page, email);

  await test.step('open the import form next to New project', async () => {
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Import a project' })).toBeVisible();
    await expect(page.getByText('.git/ and node_modules/ are left out; at most 4 MB')).toBeVisible();
  });

  await test.step('choose the archive, which names the project, then name it', async () => {
    await page.getByLabel('Zip archive').setInputFiles({ name: 'todo.zip', mimeType: 'application/zip', buffer: ARCHIVE });
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('todo');
    await page.getByLabel('Name', { exact: true }).fill('Imported todos');
    await page.getByRole('textbox', { name: /^Description/ }).fill('A todo API, imported from its zip.');
    await screenshot(page, testInfo, 'import-project');
    await page.getByRole('button', { name: 'Import project' }).click();
  });

  await test.step('the new project has the archive’s files, and says what was left out', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Imported todos' })).toBeVisible();
    await expect(page.getByText("Imported 2 files; left out: todo-main/.git/: 1 file(s), git's own data, not kept.")).toBeVisible();
    const files = page.getByRole('region', { name: 'Files' }).getByRole('navigation', { name: 'Project files' });
    await expect(files.getByRole('link', { name: 'package.json' })).toBeVisible();
    await files.getByRole('button', { name: 'src' }).click();
    await expect(files.getByRole('link', { name: 'server.js' })).toBeVisible();
    await expect(files.getByRole('button', { name: '.git' })).toHaveCount(0);
    await screenshot(page, testInfo, 'imported-project');
  });

  await test.step('its files read as they were in the archive', async () => {
    await page.getByRole('region', { name: 'Files' }).getByRole('link', { name: 'server.js' }).click();
    await expect(page).toHaveURL(/\?file=src%2Fserver\.js$/);
    await expect(page.getByRole('region', { name: 'Content of src/server.js' })).toContainText("createServer((req, res) => res.end('[]'))");
  });
});

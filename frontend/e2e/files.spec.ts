import { expect, test } from '@playwright/test';
import { accessTokenViaApi, createProjectViaApi, registerViaApi, screenshot, signInViaUi, uniqueEmail } from './support';

// The viewer alone, on files of known content: the project is real, its file tree and file
// contents are answered here as the API answers them. run.spec.ts reads the files a real run wrote.
const FILES: Record<string, string> = {
  'package.json': '{\n  "name": "todo",\n  "private": true\n}\n',
  'src/App.tsx': "import { useState } from 'react';\n\nexport function App() {\n  const [todos] = useState<string[]>([]);\n  return <ul>{todos.map((t) => <li key={t}>{t}</li>)}</ul>;\n}\n",
  'src/styles/app.css': 'ul {\n  padding: 0;\n}\n',
};

test('browse the file tree and read a file with highlighting', async ({ page, request }, testInfo) => {
  const email = uniqueEmail('reader');
  await registerViaApi(request, email);
  const project = await createProjectViaApi(request, await accessTokenViaApi(request, email), 'Todo app');
  await page.route(`**/v1/projects/${project.id}/files`, (route) =>
    route.fulfill({
      json: {
        truncated: false,
        files: Object.entries(FILES).map(([path, text]) => ({ path, size: text.length, sha256: path, updatedAt: '2030-01-01T00:00:00Z' })),
      },
    }),
  );
  await page.route(`**/v1/projects/${project.id}/files/**`, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.split('/files/')[1]!);
    return route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: FILES[path] });
  });
  await signInViaUi(page, email);
  await page.goto(`/projects/${project.id}`);

  const files = page.getByRole('navigation', { name: 'Project files' });
  await expect(page.getByText('Choose a file')).toBeVisible();
  await files.getByRole('button', { name: 'src' }).click();
  await files.getByRole('link', { name: 'App.tsx' }).click();

  await expect(page).toHaveURL(/\?file=src%2FApp\.tsx$/);
  const code = page.getByRole('region', { name: 'Content of src/App.tsx' });
  await expect(code).toContainText("import { useState } from 'react';");
  // highlighted, the code is split into tokens: the keyword stands as a text of its own
  await expect(code.getByText('export', { exact: true })).toBeVisible();
  await expect(files.getByRole('link', { name: 'App.tsx' })).toHaveAttribute('aria-current', 'true');
  await screenshot(page, testInfo, 'code-viewer');

  await files.getByRole('link', { name: 'package.json' }).click();
  await expect(page.getByRole('region', { name: 'Content of package.json' })).toContainText('"private": true');
  await page.goBack();
  await expect(page.getByRole('region', { name: 'Content of src/App.tsx' })).toBeVisible();
});

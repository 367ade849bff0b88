import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';

export const PASSWORD = 'correct horse battery staple';

const screenshots = join(dirname(fileURLToPath(import.meta.url)), '../test-results/screenshots');

/** An email no other test (or earlier run on the same data) has used. */
export function uniqueEmail(who: string): string {
  return `${who}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export async function registerViaApi(request: APIRequestContext, email: string): Promise<void> {
  const response = await request.post('/v1/auth/register', { data: { email, password: PASSWORD } });
  expect(response.status()).toBe(201);
}

export async function accessTokenViaApi(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/v1/auth/login', { data: { email, password: PASSWORD } });
  expect(response.status()).toBe(200);
  return (await response.json()).accessToken;
}

export async function createProjectViaApi(request: APIRequestContext, token: string, name: string): Promise<{ id: string; version: number }> {
  const response = await request.post('/v1/projects', {
    headers: { Authorization: `Bearer ${token}` },
    data: { name, description: 'Made by an end-to-end test' },
  });
  expect(response.status()).toBe(201);
  return response.json();
}

/** Fills in and sends the sign-in form, whatever the answer. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits for the projects page, so what follows runs signed in. */
export async function signInViaUi(page: Page, email: string): Promise<void> {
  await submitSignIn(page, email, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
}

/** A screenshot kept as an artifact (test-results/screenshots/) and attached to the test. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  const path = join(screenshots, `${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

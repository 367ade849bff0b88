import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { registerViaApi, screenshot, signInViaUi, uniqueEmail } from './support';

test('settings: usage, a model key shown by its last 4, an API key shown once then revoked', async ({ page }, testInfo) => {
  const email = uniqueEmail('grace');
  await registerViaApi(page.request, email);
  await signInViaUi(page, email);

  await test.step('open settings from the header', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByText(/^No usage in /)).toBeVisible();
    await expect(page.getByText('No credit yet')).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^samokoder-usage-\d{4}-\d{2}\.csv$/);
    expect(readFileSync(await download.path(), 'utf8')).toContain('TOTAL');
  });

  await test.step('store an OpenAI key and see only its last 4', async () => {
    const secret = 'sk-e2e-not-a-real-key-9876';
    await page.getByLabel('API key', { exact: true }).fill(secret);
    await page.getByRole('button', { name: 'Save key' }).click();
    await expect(page.getByText('OpenAI key ending in 9876 saved.')).toBeVisible();
    const keys = page.getByRole('list', { name: 'Model keys' });
    await expect(keys.getByRole('listitem').filter({ hasText: 'OpenAI' }).first()).toContainText('••••9876');
    await expect(page.getByLabel('API key', { exact: true })).toHaveValue('');
    await page.reload();
    await expect(page.getByRole('list', { name: 'Model keys' })).toContainText('••••9876');
    expect(await page.content()).not.toContain(secret);
  });

  let secret = '';
  await test.step('create an API key and see it once', async () => {
    await page.getByLabel('Key name').fill('E2E bot');
    await page.getByRole('checkbox', { name: /usage:read/ }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('region', { name: 'Your new API key' });
    await expect(shown).toContainText('You will not see it again');
    secret = await shown.getByLabel('New API key').inputValue();
    expect(secret).toMatch(/^sk_[0-9A-Za-z]{43}$/);
    await expect(page.getByRole('list', { name: 'API keys' })).toContainText(`${secret.slice(0, 11)}…`);
  });

  await test.step('the key works, and is gone after Done and after a reload', async () => {
    const usage = await page.request.get('/v1/usage', { headers: { 'x-api-key': secret } });
    expect(usage.status()).toBe(200);
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('region', { name: 'Your new API key' })).toHaveCount(0);
    // taken once the secret is off the screen: artifacts hold no key
    await screenshot(page, testInfo, 'settings');
    await page.reload();
    await expect(page.getByRole('list', { name: 'API keys' })).toContainText('E2E bot');
    expect(await page.content()).not.toContain(secret);
  });

  await test.step('revoke it after confirming', async () => {
    await page.getByRole('button', { name: 'Revoke E2E bot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke “E2E bot”?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await expect(page.getByText('No API keys yet')).toBeVisible();
    const refused = await page.request.get('/v1/usage', { headers: { 'x-api-key': secret } });
    expect(refused.status()).toBe(401);
    expect(refused.headers()['www-authenticate']).toContain('error="invalid_token"');
  });
});

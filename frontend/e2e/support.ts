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

/**
 * A zip archive of `files` (path → text), made here: entries stored as they are (method 0, no
 * compression), each with its CRC-32, then the central directory. Enough for an import, and no
 * zip library to depend on.
 */
export function zipArchive(files: Record<string, string>): Buffer {
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = ((2030 - 1980) << 9) | (1 << 5) | 1; // 2030-01-01
  const UTF8_NAMES = 0x0800;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [path, text] of Object.entries(files)) {
    const name = Buffer.from(path, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header
    local.writeUInt16LE(10, 4); // version needed: 1.0 (stored)
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(0, 8); // method: stored
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); // compressed size
    local.writeUInt32LE(data.length, 22); // uncompressed size
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    locals.push(local, name, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); // central directory header
    central.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0 (no Unix mode: never a symbolic link)
    central.writeUInt16LE(10, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk, internal and external attributes: all 0
    central.writeUInt32LE(offset, 42); // where its local header starts
    centrals.push(central, name);

    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory
  end.writeUInt16LE(Object.keys(files).length, 8); // entries on this disk
  end.writeUInt16LE(Object.keys(files).length, 10); // entries in all
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16); // where the central directory starts
  return Buffer.concat([...locals, directory, end]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let bit = 0; bit < 8; bit++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

/** CRC-32 as zip uses it (IEEE 802.3, reflected, 0xEDB88320). */
function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

import { defineConfig, devices } from '@playwright/test';

// The browser is Debian's Chromium (apt-get install chromium), never a downloaded one: this
// machine's network is closed. The flags keep it from reaching out on its own.
const chromium = process.env.SAMOKODER_CHROMIUM ?? '/usr/bin/chromium';
const launchOptions = {
  executablePath: chromium,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  // e2e/global-setup.ts starts the real local platform (scripts/dev) on a free port and a temp data dir
  globalSetup: './e2e/global-setup.ts',
  // one browser at a time: the platform and the browser share a small machine
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    // set by the global setup before the workers start
    baseURL: process.env.SAMOKODER_E2E_URL,
    headless: true,
    launchOptions,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', testIgnore: /phone\.spec\.ts/, use: { viewport: { width: 1280, height: 800 } } },
    {
      name: 'phone',
      testMatch: /phone\.spec\.ts/,
      use: { ...devices['Pixel 7'], browserName: 'chromium', launchOptions },
    },
  ],
});

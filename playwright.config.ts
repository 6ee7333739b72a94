import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the built app. Nothing here starts a server: the test orchestrator
 * (`npm test`, tools/test.mjs) starts Kring and passes its address in KRING_BASE_URL.
 * Chromium comes from the system (never downloaded): CHROMIUM_PATH or /usr/bin/chromium.
 */
const baseURL = process.env['KRING_BASE_URL'] ?? 'http://127.0.0.1:3000';
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const isCi = !!process.env['CI'];

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: isCi ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ?? 'test-results/e2e-results.json' }]],
  use: {
    baseURL,
    // An English browser on purpose: Kring must open in Dutch whatever the browser prefers.
    locale: 'en-US',
    timezoneId: 'Europe/Brussels',
    // Fewer animations in flight when axe measures colours (and the pages must work this way too).
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      use: {
        browserName: 'chromium',
        viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
});

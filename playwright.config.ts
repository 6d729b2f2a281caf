/**
 * End-to-end specs: the BUILT app (vite build, done by `npm run test:e2e`) served by the REAL
 * server on a fresh SQLite file (test/e2e/support/serve.ts), driven in Chromium. Chromium is
 * found by test/e2e/support/chromium.ts; a missing browser fails here, before any spec runs.
 */
import { defineConfig } from '@playwright/test';
import { BASE_ARGS, resolveChromium } from './test/e2e/support/chromium.ts';
import { E2E_BASE_URL } from './test/e2e/support/env.ts';

const ci = Boolean(process.env.CI);
const { executablePath } = resolveChromium();

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // The README gallery is a generator, not a test: it runs only when asked, so test runs
  // never rewrite the committed images (`npm run screenshots`).
  testIgnore: process.env.AISLE_SCREENSHOT === '1' ? [] : ['**/screenshot-*.spec.ts'],
  outputDir: 'test-results',
  // One server and one database are shared; specs use their own carts and devices, but
  // two cores shared with a build and a server leave no room for parallel browsers on CI.
  workers: ci ? 1 : undefined,
  fullyParallel: false,
  forbidOnly: ci,
  // One retry on CI tells a flaky test from a broken one in the report, but a test that needed
  // it still fails the run: a flaky test is a failing test.
  retries: ci ? 1 : 0,
  failOnFlakyTests: ci,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    serviceWorkers: 'allow',
    browserName: 'chromium',
    launchOptions: { executablePath, args: [...BASE_ARGS] },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node --import tsx test/e2e/support/serve.ts',
    url: `${E2E_BASE_URL}/healthz`,
    // A reused server would carry an old database: always start a fresh one.
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});

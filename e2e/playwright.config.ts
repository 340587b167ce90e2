import { defineConfig } from '@playwright/test';
import { E2E } from './env.ts';

/**
 * End-to-end tests drive Debian's Chromium against the production build, served by the real
 * server on its own embedded database (fresh for every run).
 */
export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // A forgotten test.only would silently skip the rest of the suite.
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: E2E.baseUrl,
    // Coordinators' browsers ask for Danish; the app also picks it when nothing is asked.
    locale: 'da-DK',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  webServer: {
    command: `rm -rf ${E2E.dataDir} && mkdir -p ${E2E.dataDir} && npm run serve -w app 2>&1 | tee ${E2E.serverLog}`,
    cwd: E2E.repoRoot,
    url: `${E2E.baseUrl}/readyz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    env: {
      PORT: String(E2E.port),
      DATA_DIR: E2E.dataDir,
      EMBEDDED_PG_PORT: String(E2E.pgPort),
      SEED_DEMO: 'true',
      // The production build on the embedded database with demo users and mail in the log.
      DEMO_MODE: 'true',
      LOG_LEVEL: 'info',
    },
  },
});

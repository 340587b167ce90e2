import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'app/**/*.test.ts', 'scripts/**/*.test.ts'],
    // A forgotten .only would silently skip the rest of the suite.
    allowOnly: false,
    // One embedded Postgres for the whole run; each test file builds its own workspaces.
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
    setupFiles: ['packages/db/src/testing/setup-file.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

import { defineConfig } from 'vitest/config';

// Browser tests: the real server (built web app) driven by Debian's Chromium.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One retry for the whole browser, server and database stack timing out on a
    // loaded CI machine; a test that fails twice fails the run.
    retry: 1,
  },
});

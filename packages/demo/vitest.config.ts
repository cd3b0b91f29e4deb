import { defineConfig } from 'vitest/config';

/** The demo hosts' end-to-end tests; the React and Vue hosts run theirs with this config too. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // A real server on fresh PGlite (initdb ~6 s) and headless Chromium: generous limits.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: 1,
  },
});

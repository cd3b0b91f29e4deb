import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Builds one migrated PGlite data directory that every test server copies (initdb is slow).
    globalSetup: ['src/test/global-setup.ts'],
    // Quiet JSON logs (A18) in tests, in test servers and in the CLI processes they spawn.
    env: { SESSION_LENS_LOG_LEVEL: 'silent' },
    testTimeout: 150_000,
    hookTimeout: 120_000,
    // Each file starts real servers on real PGlite (WASM): two at a time suits a 2-core machine.
    maxWorkers: 2,
    minWorkers: 1,
  },
});

// @ts-check
import { fileURLToPath } from 'node:url';
import { realServer } from './test/real-server-plugin.js';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

/**
 * Runs `src/**\/*.test.ts` in headless Debian Chromium. Playwright may not download a browser on
 * this machine, so the launcher points at the system one (override with CHROMIUM_PATH).
 */

// The real reference server, started once for the run; its API is proxied on the test origin.
const lensServer = realServer();

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'production'] },
  // Two cores are shared with other work: run one test file at a time.
  concurrency: Number(process.env.WTR_CONCURRENCY ?? 1),
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  middleware: [lensServer.middleware],
  plugins: [
    lensServer.plugin,
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      // esbuild's transform does not follow `extends`: hand it the base config, which carries
      // `experimentalDecorators` and `useDefineForClassFields: false` for Lit's decorators.
      tsconfig: fileURLToPath(new URL('../../tsconfig.base.json', import.meta.url)),
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: chromiumLaunchOptions(),
    }),
  ],
};

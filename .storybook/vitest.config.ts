import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from '../scripts/chromium.mjs';

/**
 * Story tests (`pnpm test:stories`): every story tagged `test` (all but the Live ones) renders in
 * headless Debian Chromium, runs its play function and must pass axe-core. Playwright may not
 * download a browser here, so it launches the system one (override with CHROMIUM_PATH).
 */
const configDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [storybookTest({ configDir })],
        test: {
          name: 'storybook',
          // Two cores shared with other work: one browser, one story file at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: chromiumLaunchOptions(),
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../../scripts/chromium.mjs';
import { startDemo, type DemoOptions, type RunningDemo } from '../server/index.js';

/** Debian's Chromium; no tool downloads a browser here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

/** A demo host for a test: 127.0.0.1:0, a fresh temp PGlite directory, removed on stop. */
export type TestDemo = RunningDemo & { stop(): Promise<void> };

/** This package's built pages (`vite build` runs before the tests in `pnpm test`). */
export const BUILT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Starts the demo host for a test. No simulator unless asked: tests make their own writes. */
export async function startTestDemo(options: DemoOptions = {}): Promise<TestDemo> {
  const dataDir = mkdtempSync(join(tmpdir(), 'session-lens-demo-'));
  const demo = await startDemo({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    seedSessions: 300,
    simulate: false,
    pgliteFsync: false,
    webRoot: BUILT_WEB_ROOT,
    ...options,
  });
  return {
    ...demo,
    stop: async () => {
      await demo.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
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

/** A framework host's pages under test: open one in a fresh page; page errors are collected. */
export type FrameworkHost = {
  /** Every uncaught error of every page opened so far. */
  errors: string[];
  readonly demo: TestDemo;
  /** Opens `path` in a fresh page; `prepare` runs before it loads (to listen to its requests). */
  open(path: string, prepare?: (page: Page) => void): Promise<Page>;
};

/**
 * The end-to-end setup of a framework host (packages/demo-react, packages/demo-vue): its built
 * pages served by a test demo host, and Chromium. Call it inside `describe`: it registers the
 * hooks that start both before the suite and stop them after it.
 */
export function frameworkHost(roots: Pick<DemoOptions, 'reactRoot' | 'vueRoot'>): FrameworkHost {
  let demo: TestDemo | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];
  beforeAll(async () => {
    [demo, browser] = await Promise.all([startTestDemo({ seedSessions: 200, ...roots }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });
  return {
    errors,
    get demo() {
      if (!demo) throw new Error('The demo host is not started yet.');
      return demo;
    },
    async open(path, prepare) {
      const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (error) => errors.push(error.message));
      prepare?.(page);
      await page.goto(`${demo!.url}${path}`);
      return page;
    },
  };
}

/**
 * Opens the first row of a framework host's workspace list and returns its title, once the host
 * shows it as the selected session (the host heard the row's `session-open`).
 */
export async function openFirstRow(page: Page): Promise<string> {
  const rows = page.locator('session-list session-row');
  await rows.first().waitFor();
  expect(await rows.count()).toBeGreaterThan(3);
  const first = rows.first();
  const title = await first.evaluate(
    (row) => (row as HTMLElement & { session: { title: string } }).session.title,
  );
  await first.click();
  const selected = page.getByTestId('selected-title');
  await selected.waitFor();
  expect(await selected.textContent()).toBe(title);
  return title;
}

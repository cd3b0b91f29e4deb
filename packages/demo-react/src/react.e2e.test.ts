import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { startDemo, type RunningDemo } from '@session-lens/demo';

/**
 * The React 19 host against the real demo host server and reference server (PGlite), in Debian's
 * headless Chromium: the same elements render rows, React hears their events natively.
 */
describe('React 19 host in Chromium', () => {
  let demo: RunningDemo;
  let browser: Browser;
  let dataDir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'session-lens-react-'));
    const start = startDemo({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      seedSessions: 200,
      simulate: false,
      pgliteFsync: false,
      reactRoot: fileURLToPath(new URL('../dist/web', import.meta.url)),
    });
    const launch = chromium.launch(chromiumLaunchOptions());
    [demo, browser] = await Promise.all([start, launch]);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('renders live rows, and a row opened through onsession-open shows its detail', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${demo.url}/react/`);
    const rows = page.locator('session-list session-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);

    const title = await rows
      .first()
      .evaluate((row) => (row as HTMLElement & { session: { title: string } }).session.title);
    await rows.first().click();
    const selected = page.getByTestId('selected-title');
    await selected.waitFor();
    expect(await selected.textContent()).toBe(title);
    await page.locator('aside session-detail').waitFor();

    // The initiative view: a session-tab whose provider's getToken (a function prop) mints through the host.
    await page.getByRole('button', { name: 'Checkout v2' }).click();
    await page.locator('session-tab session-row').first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});

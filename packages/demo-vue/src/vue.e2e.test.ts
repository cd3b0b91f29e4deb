import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { startDemo, type RunningDemo } from '@session-lens/demo';

/**
 * The Vue 3 host against the real demo host server and reference server (PGlite), in Debian's
 * headless Chromium: the same elements render rows, Vue hears their events with `@session-open`
 * and hands them a function through a property binding.
 */
describe('Vue 3 host in Chromium', () => {
  let demo: RunningDemo;
  let browser: Browser;
  let dataDir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'session-lens-vue-'));
    const start = startDemo({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      seedSessions: 200,
      simulate: false,
      pgliteFsync: false,
      vueRoot: fileURLToPath(new URL('../dist/web', import.meta.url)),
    });
    const launch = chromium.launch(chromiumLaunchOptions());
    [demo, browser] = await Promise.all([start, launch]);
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('renders live rows, and a row opened through @session-open shows its detail', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${demo.url}/vue/`);
    const rows = page.locator('session-list session-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(3);

    // The rows come from the real server: the first one is the server's first session.
    const firstPage = (await (
      await page.request.get(`${demo.url}/v1/sessions?limit=1`, {
        headers: { authorization: `Bearer ${(await hostToken(page)) ?? ''}` },
      })
    ).json()) as { data: { id: string; title: string }[] };
    const title = await rows
      .first()
      .evaluate((row) => (row as HTMLElement & { session: { title: string } }).session.title);
    expect(title).toBe(firstPage.data[0]?.title);

    await rows.first().click();
    const selected = page.getByTestId('selected-title');
    await selected.waitFor();
    expect(await selected.textContent()).toBe(title);
    // `.session` hands the detail the row's own session object, and `:session-id` its id.
    const detail = page.locator('aside session-detail');
    await detail.waitFor();
    expect(
      await detail.evaluate((el) => {
        const d = el as HTMLElement & { session?: { title: string }; sessionId?: string };
        return { title: d.session?.title, id: d.sessionId };
      }),
    ).toEqual({ title, id: firstPage.data[0]?.id });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('passes getToken as a property: the Sessions tab reads with an embed token the host minted', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => errors.push(error.message));
    const minted: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/host/embed-token')) minted.push(new URL(request.url()).search);
    });
    await page.goto(`${demo.url}/vue/`);
    await page.locator('session-list session-row').first().waitFor();

    await page.getByRole('button', { name: 'Checkout v2' }).click();
    await page.locator('session-tab session-row').first().waitFor();
    const provider = page.locator('main > session-lens-provider');
    expect(
      await provider.evaluate((el) => ({
        getToken: typeof (el as HTMLElement & { getToken?: unknown }).getToken,
        attributes: el.getAttributeNames(),
      })),
    ).toEqual({ getToken: 'function', attributes: ['base-url'] });
    expect(minted).toEqual([`?record=${encodeURIComponent('initiative:init_checkout')}`]);

    // Every row of the tab belongs to the initiative the token is scoped to.
    const initiatives = await page
      .locator('session-tab session-row')
      .evaluateAll((rows) =>
        rows.map(
          (row) =>
            (row as HTMLElement & { session: { links?: { initiative?: { id?: string } } } }).session.links
              ?.initiative?.id,
        ),
      );
    expect(initiatives.length).toBeGreaterThan(0);
    expect(new Set(initiatives)).toEqual(new Set(['init_checkout']));
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The signed-in user's API token, as the host hands it to its own page. */
async function hostToken(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    const response = await fetch('/host/session');
    return ((await response.json()) as { token?: string }).token;
  });
}

import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { frameworkHost, openFirstRow } from '../../demo/src/test/harness.js';

/**
 * The Vue 3 host against the real demo host server and reference server (PGlite), in Debian's
 * headless Chromium: the same elements render rows, Vue hears their events with `@session-open`
 * and hands them a function through a property binding.
 */
describe('Vue 3 host in Chromium', () => {
  const host = frameworkHost({ vueRoot: fileURLToPath(new URL('../dist/web', import.meta.url)) });

  it('renders live rows, and a row opened through @session-open shows its detail', async () => {
    const page = await host.open('/vue/');
    const title = await openFirstRow(page);
    // The rows come from the real server: the first one is the server's first session.
    const firstPage = (await (
      await page.request.get(`${host.demo.url}/v1/sessions?limit=1`, {
        headers: { authorization: `Bearer ${(await hostToken(page)) ?? ''}` },
      })
    ).json()) as { data: { id: string; title: string }[] };
    expect(title).toBe(firstPage.data[0]?.title);

    // `.session` hands the detail the row's own session object, and `:session-id` its id.
    const detail = page.locator('aside session-detail');
    await detail.waitFor();
    expect(
      await detail.evaluate((el) => {
        const d = el as HTMLElement & { session?: { title: string }; sessionId?: string };
        return { title: d.session?.title, id: d.sessionId };
      }),
    ).toEqual({ title, id: firstPage.data[0]?.id });
    expect(host.errors).toEqual([]);
    await page.close();
  });

  it('passes getToken as a property: the Sessions tab reads with an embed token the host minted', async () => {
    const minted: string[] = [];
    const page = await host.open('/vue/', (opened) =>
      opened.on('request', (request) => {
        if (request.url().includes('/host/embed-token')) minted.push(new URL(request.url()).search);
      }),
    );
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
    expect(host.errors).toEqual([]);
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

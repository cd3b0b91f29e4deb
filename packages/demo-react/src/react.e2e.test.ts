import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { frameworkHost, openFirstRow } from '../../demo/src/test/harness.js';

/**
 * The React 19 host against the real demo host server and reference server (PGlite), in Debian's
 * headless Chromium: the same elements render rows, React hears their events natively.
 */
describe('React 19 host in Chromium', () => {
  const host = frameworkHost({ reactRoot: fileURLToPath(new URL('../dist/web', import.meta.url)) });

  it('renders live rows, and a row opened through onsession-open shows its detail', async () => {
    const page = await host.open('/react/');
    await openFirstRow(page);
    await page.locator('aside session-detail').waitFor();

    // The initiative view: a session-tab whose provider's getToken (a function prop) mints through the host.
    await page.getByRole('button', { name: 'Checkout v2' }).click();
    await page.locator('session-tab session-row').first().waitFor();
    expect(host.errors).toEqual([]);
    await page.close();
  });
});

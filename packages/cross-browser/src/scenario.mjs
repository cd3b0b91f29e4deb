// @ts-check
/**
 * The cross-browser scenario (X9, E9, E10, E16): one list of checks that every browser's test
 * file runs through its own driver. The page side is src/page-helpers.js; keys are pressed by
 * the driver (real key events), never dispatched from script.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, CROSS_ORIGIN, SCOPE, startHarness } from './harness.mjs';

const RECORD_ID = SCOPE.slice('initiative:'.length);

/** @typedef {'ArrowRight' | 'ArrowLeft' | 'ArrowDown' | 'ArrowUp' | 'Enter'} Key */
/**
 * What a browser's test file hands the scenario. A driver that cannot emulate
 * `prefers-color-scheme` names the scheme its browser prefers instead (`fixedColorScheme`).
 * @typedef {{
 *   goto: (url: string) => Promise<void>,
 *   call: (name: string, ...args: unknown[]) => Promise<any>,
 *   press: (key: Key) => Promise<void>,
 *   emulateColorScheme?: (scheme: 'light' | 'dark') => Promise<void>,
 *   fixedColorScheme?: 'light' | 'dark',
 *   close: () => Promise<void>,
 * }} Driver
 */

/** The list's computed colours in each palette (packages/elements/src/styles/tokens.ts). */
export const PALETTES = {
  dark: { background: 'rgb(21, 23, 28)', text: 'rgb(231, 233, 238)', scheme: 'dark' },
  light: { background: 'rgb(255, 255, 255)', text: 'rgb(22, 26, 34)', scheme: 'light' },
};

/** The environment variable through which src/run.mjs hands every test file one harness. */
export const HARNESS_ENV = 'SESSION_LENS_CROSS_BROWSER';

/**
 * The run's harness (src/run.mjs starts it once for every browser), or a harness of this file's
 * own when the file runs alone.
 * @returns {Promise<import('./harness.mjs').HarnessInfo & { stop: () => Promise<void> }>}
 */
export async function useHarness() {
  const shared = process.env[HARNESS_ENV];
  if (shared) return { ...JSON.parse(shared), stop: async () => {} };
  return startHarness();
}

/**
 * Polls the page until `check` accepts what `name` returns; fails with the last value.
 * @param {Driver} driver @param {string} name @param {(value: any) => boolean} check
 * @param {string} what @param {number} [timeoutMs]
 */
export async function until(driver, name, check, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let value;
  for (;;) {
    value = await driver.call(name);
    if (check(value)) return value;
    if (Date.now() > deadline) assert.fail(`${what}: still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Registers the scenario for one browser.
 * @param {string} browser the browser's name in the report
 * @param {() => Promise<Driver>} open starts the browser
 */
export function crossBrowserSuite(browser, open) {
  describe(`${browser}: the embed on a host page`, () => {
    /** @type {Awaited<ReturnType<typeof useHarness>>} */
    let harness;
    /** @type {Driver} */
    let driver;
    const theme = (/** @type {'html' | 'element'} */ where, /** @type {string | null} */ value) =>
      driver.call('setTheme', where, value);
    const colours = () => driver.call('colours');

    before(async () => {
      harness = await useHarness();
      driver = await open();
      await driver.goto(harness.hostUrl);
    });
    after(async () => {
      await driver?.close();
      await harness?.stop();
    });

    it(`renders the record's rows from the server ${CROSS_ORIGIN ? 'on another origin' : 'through a same-origin proxy'}`, async () => {
      const state = await until(
        driver,
        'state',
        (s) => s.status === 'live' && s.rows.length > 0,
        'live rows',
      );
      assert.equal(state.error, null);
      // Only the record's sessions: every row belongs to the scoped initiative.
      const { data } = await api(harness.apiUrl, harness.admin, 'GET', '/v1/sessions?limit=200');
      const ofRecord = new Set(
        data
          .filter((/** @type {any} */ session) => session.links?.initiative?.id === RECORD_ID)
          .map((/** @type {any} */ session) => session.id),
      );
      for (const row of state.rows) assert.ok(ofRecord.has(row.id), `${row.id} belongs to the record`);
      // Where the page really sent its API requests.
      const expected = new URL(harness.crossOrigin ? harness.apiUrl : harness.hostUrl).origin;
      assert.deepEqual(await driver.call('apiOrigins'), [expected]);
      if (harness.crossOrigin) assert.notEqual(expected, new URL(harness.hostUrl).origin);
    });

    it('shows a session posted through the API, then its live update', async () => {
      const created = await api(harness.apiUrl, harness.admin, 'POST', '/v1/sessions', {
        kind: 'task',
        title: `Cross-browser task in ${browser}`,
        visibility: { type: 'workspace' },
        links: { initiative: { id: RECORD_ID, title: 'Checkout' } },
      });
      await until(driver, 'state', (s) => s.rows[0]?.id === created.id, 'the new session at the top');
      await api(harness.apiUrl, harness.admin, 'POST', `/v1/sessions/${created.id}/activity`, {
        status: 'failed',
        error: { code: 'cross_browser', message: 'Stopped by the cross-browser suite.' },
      });
      await until(
        driver,
        'state',
        (s) => s.rows.find((/** @type {any} */ row) => row.id === created.id)?.status === 'failed',
        'the live status in its row',
      );
    });

    it('moves between kind tabs with the arrow keys', async () => {
      await driver.call('focusSelectedTab');
      assert.equal((await driver.call('state')).focusedTab, 'tab-all');
      await driver.press('ArrowRight');
      const flows = await until(
        driver,
        'state',
        (s) =>
          s.selectedTab === 'tab-flow' &&
          s.rows.length > 0 &&
          s.rows.every((/** @type {any} */ r) => r.kind === 'flow'),
        'the Flows tab selected, showing flows',
      );
      assert.equal(flows.focusedTab, 'tab-flow');
      await driver.press('ArrowLeft');
      const all = await until(driver, 'state', (s) => s.selectedTab === 'tab-all', 'back on All');
      assert.equal(all.focusedTab, 'tab-all');
      await until(
        driver,
        'state',
        (s) => new Set(s.rows.map((/** @type {any} */ r) => r.kind)).size > 1,
        'every kind again',
      );
    });

    it('moves between rows with the arrow keys and opens one with Enter', async () => {
      const { rows } = await driver.call('state');
      assert.ok(rows.length > 2);
      await driver.call('focusRow', 0);
      assert.equal((await driver.call('state')).focusedRow, rows[0].id);
      await driver.press('ArrowDown');
      await until(driver, 'state', (s) => s.focusedRow === rows[1].id, 'focus on the second row');
      await driver.press('Enter');
      const open = await until(
        driver,
        'state',
        (s) => s.expanded === rows[1].id && s.detail,
        'its detail open',
      );
      assert.equal(open.expanded, rows[1].id);
    });

    it('is dark by default and light with theme="light" on <html> or on the element', async () => {
      await theme('html', null);
      const dark = await colours();
      assert.deepEqual(pick(dark), PALETTES.dark);
      await theme('html', 'light');
      const light = await colours();
      assert.deepEqual(pick(light), PALETTES.light);
      // The theme reaches the elements without changing the host page's own colour scheme.
      assert.equal(light.pageScheme, 'normal');
      // The list's scrollbar follows the theme where the browser has scrollbar-color.
      if (dark.scrollbar !== null) {
        assert.notEqual(dark.scrollbar, 'auto');
        assert.notEqual(dark.scrollbar, light.scrollbar);
      }
      await theme('element', 'light');
      assert.deepEqual(pick(await colours()), PALETTES.light);
      await theme('element', 'dark');
      assert.deepEqual(pick(await colours()), PALETTES.dark);
    });

    it('follows prefers-color-scheme with theme="auto"', async (t) => {
      await theme('html', 'auto');
      if (driver.emulateColorScheme) {
        for (const scheme of /** @type {const} */ (['light', 'dark'])) {
          await driver.emulateColorScheme(scheme);
          assert.equal(await driver.call('prefersLight'), scheme === 'light');
          assert.deepEqual(pick(await colours()), PALETTES[scheme]);
        }
      } else {
        // No media emulation through this driver: its browser prefers light, the scheme that
        // differs from the default, so `auto` must have switched.
        t.diagnostic(
          `no prefers-color-scheme emulation: checked with the browser preferring ${driver.fixedColorScheme}`,
        );
        assert.equal(driver.fixedColorScheme, 'light');
        assert.equal(await driver.call('prefersLight'), true);
        assert.deepEqual(pick(await colours()), PALETTES.light);
      }
      await theme('html', null);
    });

    for (const scheme of /** @type {const} */ (['dark', 'light'])) {
      it(`has no axe-core violations in the ${scheme} theme, a detail open`, async () => {
        await theme('html', scheme);
        assert.equal((await driver.call('state')).detail, true);
        const violations = await driver.call('axe');
        assert.deepEqual(violations, []);
      });
    }
  });
}

/** The palette-defining part of `colours()`. @param {{ background: string, text: string, scheme: string }} c */
const pick = ({ background, text, scheme }) => ({ background, text, scheme });

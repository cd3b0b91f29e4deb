// Starts the demo host (temp PGlite, demo seed; the simulator off, so rows hold still), takes
// 1280×800 PNGs of its pages in dark and light into docs/screenshots/, and stops.
// `pnpm screenshots` builds first.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { startDemo } from '../dist/node/server/index.js';

const out = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const reactRoot = fileURLToPath(new URL('../../demo-react/dist/web', import.meta.url));
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'session-lens-shots-'));
const started = Date.now();
const demo = await startDemo({
  port: 0,
  dataDir,
  seedSessions: 2000,
  simulate: false,
  pgliteFsync: false,
  reactRoot,
});
const browser = await chromium.launch(chromiumLaunchOptions(['--hide-scrollbars']));
const settle = (page, ms = 1200) => page.waitForTimeout(ms);
const shots = [];
try {
  for (const theme of ['dark', 'light']) {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
    });
    await context.addInitScript((value) => localStorage.setItem('acme-theme', value), theme);
    const page = await context.newPage();
    const shot = async (name) => {
      const file = join(out, `${name}-${theme}.png`);
      await page.screenshot({ path: file });
      shots.push(`${file} (${Math.round(statSync(file).size / 1024)} KB)`);
    };

    await page.goto(`${demo.startUrl}`);
    const rows = page.locator('session-tab session-row');
    await rows.first().waitFor();
    await settle(page);
    // Open the second row inline (nothing writes meanwhile, so it stays where it is).
    await rows.nth(1).click();
    await page.locator('session-tab session-detail').waitFor();
    await settle(page);
    await shot('initiative-sessions-tab');

    await page.goto(`${demo.url}/sessions`);
    await page.locator('session-list session-row').first().waitFor();
    await settle(page);
    await shot('sessions-page');

    await page.goto(`${demo.url}/assessments`);
    await page.locator('session-list session-row').first().waitFor();
    await settle(page);
    await shot('assessments-page');

    await page.goto(`${demo.startUrl}#overview`);
    await page.click('#command-center-toggle');
    await page.locator('command-center session-row').first().waitFor();
    await settle(page);
    await shot('command-center-drawer');
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${demo.url}/react/`);
  await page.locator('session-list session-row').first().waitFor();
  await page.locator('session-list session-row').first().click();
  await settle(page);
  const file = join(out, 'react-host-dark.png');
  await page.screenshot({ path: file });
  shots.push(`${file} (${Math.round(statSync(file).size / 1024)} KB)`);
  await context.close();
} finally {
  await browser.close();
  await demo.close();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(
  `${shots.length} screenshots in ${((Date.now() - started) / 1000).toFixed(1)} s:\n  ${shots.join('\n  ')}`,
);

// @ts-check
/**
 * Screenshots of key Storybook stories, dark and light, into docs/screenshots/stories/. Serves the
 * built Storybook (`pnpm build-storybook` → storybook-static/) on 127.0.0.1 on a free port, opens
 * each story's iframe in headless Chromium, waits for the elements to settle, and shoots the story
 * root. `pnpm screenshots` runs this after the demo screenshots.
 */
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const staticDir = join(root, 'storybook-static');
const out = join(root, 'docs/screenshots/stories');

/** [story id, file name, viewport width, themes]: the states a reader of the README most wants to see. */
/** @type {[id: string, name: string, width: number, themes?: string[]][]} */
const STORIES = [
  ['elements-status-pill--every-status', 'status-pills', 900],
  ['elements-session-row--every-kind-light', 'session-rows', 1100, ['light']],
  ['elements-session-list--owner-facet-open', 'session-list-owner-facet', 1100],
  ['elements-session-detail--chat', 'session-detail-chat', 1000],
  ['elements-session-detail--assessment', 'session-detail-assessment', 1000],
  ['elements-cost-summary--priced-estimated-unpriced', 'cost-summary', 900],
  ['elements-session-list--german', 'session-list-german', 1100],
  ['elements-session-list--right-to-left', 'session-list-rtl', 1100],
  ['elements-session-list--phone', 'session-list-phone-375', 375, ['dark']],
];

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

await stat(join(staticDir, 'iframe.html')).catch(() => {
  throw new Error('storybook-static/ is missing: run `pnpm build-storybook` first');
});
await mkdir(out, { recursive: true });

const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
  const file = join(staticDir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(staticDir)) return void response.writeHead(403).end();
  stat(file).then(
    (info) => {
      if (!info.isFile()) return void response.writeHead(404).end();
      response.writeHead(200, {
        'content-type':
          TYPES[/** @type {keyof typeof TYPES} */ (extname(file))] ?? 'application/octet-stream',
      });
      createReadStream(file).pipe(response);
    },
    () => void response.writeHead(404).end(),
  );
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
if (!address || typeof address === 'string') throw new Error('no address');
const base = `http://127.0.0.1:${address.port}`;

const browser = await chromium.launch(chromiumLaunchOptions(['--hide-scrollbars']));
const started = Date.now();
const shots = [];
try {
  for (const theme of ['dark', 'light']) {
    for (const [id, name, width, themes = ['dark', 'light']] of STORIES) {
      if (!themes.includes(theme)) continue;
      // STORY_SHOTS=name,… shoots only those (e.g. after adding one story).
      if (process.env.STORY_SHOTS && !process.env.STORY_SHOTS.split(',').includes(name)) continue;
      const page = await browser.newPage({ viewport: { width: Number(width), height: 700 } });
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(`${base}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme}`);
      const storyRoot = page.locator('#storybook-root');
      await storyRoot.locator(':scope > *').first().waitFor();
      // Let Lit render, the fake data arrive and the play function (if any) finish.
      await page.waitForTimeout(1500);
      if (errors.length) throw new Error(`${id}: ${errors.join('; ')}`);
      const file = join(out, `${name}-${theme}.png`);
      await storyRoot.screenshot({ path: file });
      shots.push(`${file} (${Math.round((await stat(file)).size / 1024)} KB)`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(
  `${shots.length} story screenshots in ${((Date.now() - started) / 1000).toFixed(1)} s:\n  ${shots.join('\n  ')}`,
);

// @ts-check
/**
 * `pnpm --filter @session-lens/elements run bench:follow` (E13; also `pnpm bench:elements` with
 * BENCH_ONLY unset runs it after the list bench): the live detail, in headless Debian Chromium
 * against the REAL reference server (in-process, PGlite in a temp directory). Prints figures;
 * asserts nothing. Needs `pnpm build` first.
 *
 *   A. Agent write → entry visible in an open `<session-detail>`: an agent-side POST of one
 *      message every BENCH_INTERVAL_MS (default 100) for BENCH_WRITES (default 150) writes; the
 *      latency from just before the POST to the first frame with the entry in the DOM, p50/p99.
 *      Baseline, the same writes in the same run: a Node `client.sessions.follow` reader
 *      (write → entry event, no browser), the transport's own floor.
 *   B. A 10,000-entry transcript scrolled by a scripted fling: frame p50/p95/max, first paint.
 *      Baseline, same run: a plain `<ol>` of the same 10,000 texts with no containment.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createClient } from '@session-lens/sdk';
import { startServer } from '../../server/dist/index.js';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { serveBench } from './serve.mjs';

const writes = Number(process.env.BENCH_WRITES ?? 150);
const interval = Number(process.env.BENCH_INTERVAL_MS ?? 100);
const entries = Number(process.env.BENCH_ENTRIES ?? 10_000);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
const TARGET = { writeP99: 250, scrollP95: 16.7 };

/** @param {number[]} values @param {number} p */
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (/** @type {number} */ value) => `${value.toFixed(1)} ms`;

const page = await serveBench(fileURLToPath(new URL('./follow/', import.meta.url)));
const dataDir = await mkdtemp(join(tmpdir(), 'lens-follow-bench-'));
const admin = 'bench-admin-token';
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir,
  adminToken: admin,
  seed: 'demo',
  seedSessions: 200,
  allowedOrigins: [new URL(page.url).origin],
  limits: { requestsPerToken: false },
  logLevel: 'warn',
});
console.error('bench: page built, server up');
const browser = await chromium.launch(chromiumLaunchOptions());
console.log(`live detail bench (E13) — load average ${load()} on a shared 2-core machine: figures are noisy`);
try {
  const only = process.env.BENCH_ONLY;
  // A. write → visible
  if (only !== 'scroll') await writeToVisible();
  if (only !== 'write') await scrollLong();
} finally {
  await browser.close();
  await server.close();
  await page.close();
  await rm(dataDir, { recursive: true, force: true });
}

async function writeToVisible() {
  const api = createClient({ baseUrl: server.url, token: admin });
  const session = await api.sessions.start({ kind: 'chat', title: 'Bench chat' });
  await api.sessions.ingest(session.id, { transcript: [{ type: 'message', role: 'user', text: 'start' }] });
  const tab = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  tab.on('pageerror', (error) => console.error('page error:', error.message));
  await tab.goto(page.url);
  await tab.waitForFunction(() => document.body.dataset['ready'] === 'true');
  await tab.evaluate(
    ([base, token, id]) => /** @type {any} */ (window).bench.follow(base, token, id),
    [server.url, admin, session.id],
  );
  // The Node reader: the same stream, no browser.
  const stop = new AbortController();
  /** @type {number[]} */
  const baseline = [];
  const reader = (async () => {
    for await (const event of api.sessions.follow(session.id, { lastEventId: '1', signal: stop.signal })) {
      const match =
        event.type === 'entry' && event.data.type === 'message' && /^bench t=(\d+)/.exec(event.data.text);
      if (match) baseline.push(Date.now() - Number(match[1]));
    }
  })().catch(() => {});
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const before = load();
  for (let i = 0; i < writes; i++) {
    const t = Date.now();
    await api.sessions.ingest(session.id, {
      transcript: [{ type: 'message', role: 'assistant', text: `bench t=${t} write ${i}` }],
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, interval - (Date.now() - t))));
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  /** @type {number[]} */
  const detail = await tab.evaluate(() => /** @type {any} */ (window).bench.latencies());
  stop.abort();
  await reader;
  await tab.close();
  console.log(
    `\nA. agent write → entry visible in an open detail (${writes} writes, one per ${interval} ms; load ${before} → ${load()})`,
  );
  console.log(
    `  detail (browser, DOM + frame) p50 ${ms(percentile(detail, 50))} · p99 ${ms(percentile(detail, 99))} · max ${ms(Math.max(...detail))} · seen ${detail.length}/${writes} · target p99 ≤ ${TARGET.writeP99} ms (${percentile(detail, 99) <= TARGET.writeP99 ? 'met' : 'not met'})`,
  );
  console.log(
    `  baseline (Node follow reader)  p50 ${ms(percentile(baseline, 50))} · p99 ${ms(percentile(baseline, 99))} · max ${ms(Math.max(...baseline))} · seen ${baseline.length}/${writes}`,
  );
  console.log(
    `  detail / baseline p50 ${(percentile(detail, 50) / percentile(baseline, 50)).toFixed(2)}× · p99 ${(percentile(detail, 99) / percentile(baseline, 99)).toFixed(2)}×`,
  );
}

async function scrollLong() {
  // B. 10,000-entry transcript scroll, detail and naive baseline on fresh pages, alternating.
  console.log(`\nB. ${entries.toLocaleString('en')}-entry transcript, scripted fling (300 frames)`);
  for (const mode of ['detail', 'naive', 'detail', 'naive']) {
    const scrollPage = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await scrollPage.goto(page.url);
    await scrollPage.waitForFunction(() => document.body.dataset['ready'] === 'true');
    const at = load();
    const r = await scrollPage.evaluate(
      ([m, n]) => /** @type {any} */ (window).bench.scroll(m, n),
      /** @type {const} */ ([mode, entries]),
    );
    console.log(
      `  ${mode === 'detail' ? 'session-detail' : 'naive <ol>  '}  first paint ${ms(r.firstPaint)} · frame p50 ${ms(r.p50)} · p95 ${ms(r.p95)} · max ${ms(r.max)} (load ${at})${mode === 'detail' ? ` · target p95 ≤ ${TARGET.scrollP95} ms (${r.p95 <= TARGET.scrollP95 ? 'met' : 'not met'})` : ''}`,
    );
    await scrollPage.close();
  }
}

// @ts-check
/**
 * `pnpm bench:elements` (X5): builds `bench/` with Vite (production), serves it locally and drives
 * headless Debian Chromium through playwright-core. Prints figures; asserts nothing.
 *
 *   A. 100,000 sessions in a `<session-list>`: time to first rows, DOM rows vs rows that fit,
 *      frame times and main-thread CPU time (CDP Performance metrics) under a scripted fling;
 *      without and with 4× CPU throttling.
 *   B. 1,000 events/s for 10 s into 10,000 rows of the SDK's live store: event→DOM latency,
 *      script ms per frame (CDP Performance metrics), long tasks; `<session-list>` against a
 *      naive `repeat` over every row.
 *
 * Part A runs once at 1× and BENCH_RUNS times (default 3) at 4×; the 4× figures are printed as
 * medians, with the load average beside each run (the machine is shared).
 *
 * A/B: BENCH_BASELINE=<another checkout's packages/elements/bench> builds that page too (it imports
 * its own `dist/`) and runs every run of both side by side, alternating which goes first; each row
 * names its build, and the 4× medians are printed per build with this/baseline ratios.
 *
 * Needs `pnpm build` first (the page imports `dist/`). CHROMIUM_PATH overrides /usr/bin/chromium;
 * BENCH_SECONDS shortens the live run; BENCH_ONLY=list or BENCH_ONLY=live runs one part.
 */
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { serveBench } from './serve.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
const X5 = { latencyP50: 33, latencyP99: 100, scriptPerFrame: 4, firstRows: 100, scrollP95: 16.7 };

const builds = [{ build: 'this', ...(await serveBench()) }];
if (process.env.BENCH_BASELINE)
  builds.push({ build: 'baseline', ...(await serveBench(process.env.BENCH_BASELINE)) });
const ab = builds.length > 1;

const browser = await chromium.launch(chromiumLaunchOptions());

/** A fresh page with the bench loaded, and a CDP session on it. */
async function openPage(url = builds[0].url, throttle = 1) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset['ready'] === 'true');
  if (throttle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return { page, cdp };
}

/** @param {import('playwright-core').CDPSession} cdp */
async function metrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(
    metrics.map((/** @type {{name: string, value: number}} */ m) => [m.name, m.value]),
  );
}

/**
 * Main-thread milliseconds spent between two `metrics()` readings: script, all tasks, layout and
 * style recalculation.
 * @param {Record<string, number>} before
 * @param {Record<string, number>} after
 */
function cpuSince(before, after) {
  const ms = (/** @type {string} */ name) => (after[name] - before[name]) * 1000;
  return {
    scriptMs: ms('ScriptDuration'),
    taskMs: ms('TaskDuration'),
    layoutMs: ms('LayoutDuration'),
    styleMs: ms('RecalcStyleDuration'),
  };
}

const results = { list100k: /** @type {any[]} */ ([]), live: /** @type {any[]} */ ([]) };
try {
  const only = process.env.BENCH_ONLY;
  const plan = [1, ...Array.from({ length: runs }, () => 4)];
  const listRuns = (only === 'live' ? [] : plan).flatMap((throttle, run) =>
    (run % 2 ? [...builds].reverse() : builds).map((build) => ({ throttle, build })),
  );
  for (const { throttle, build } of listRuns) {
    const loadBefore = load();
    const { page, cdp } = await openPage(build.url, throttle);
    await page.evaluate(() => window.bench.list100kSetup());
    const before = await metrics(cdp);
    const figures = await page.evaluate(() => window.bench.list100kFling());
    // Main-thread CPU time of the fling: steadier than frame times on a shared, noisy machine.
    const { scriptMs, taskMs, layoutMs, styleMs } = cpuSince(before, await metrics(cdp));
    results.list100k.push({
      build: build.build,
      cpu: `${throttle}x`,
      ...figures,
      flingScriptMs: Math.round(scriptMs),
      flingMainThreadMs: Math.round(taskMs),
      flingLayoutStyleMs: Math.round(layoutMs + styleMs),
      scriptMsPerFrame: Number((scriptMs / figures.frames).toFixed(2)),
      loadavg: `${loadBefore} → ${load()}`,
    });
    const last = results.list100k.at(-1);
    console.error(
      `A ${ab ? `${last.build} ` : ''}${last.cpu}: first rows ${last.firstRowsMs} ms, frame p95 ${last.frameP95Ms} ms, ${last.framesOver17Ms}/${last.frames} over 17 ms, load ${last.loadavg}`,
    );
    await page.close();
  }
  const liveRuns = [
    ...builds.map((build) => ({ mode: /** @type {const} */ ('virtual'), build })),
    { mode: /** @type {const} */ ('naive'), build: builds[0] },
  ];
  for (const { mode, build } of only === 'list' ? [] : liveRuns) {
    const { page, cdp } = await openPage(build.url);
    const setup = await page.evaluate((m) => window.bench.liveSetup(m), mode);
    const before = await metrics(cdp);
    const run = await page.evaluate((s) => window.bench.liveRun(1000, s), seconds);
    const { scriptMs, taskMs, layoutMs, styleMs } = cpuSince(before, await metrics(cdp));
    results.live.push({
      build: build.build,
      ...run,
      setupFirstRowsMs: setup.firstRowsMs,
      scriptMsPerFrame: Number((scriptMs / run.frames).toFixed(2)),
      mainThreadMsPerFrame: Number((taskMs / run.frames).toFixed(2)),
      layoutStyleMsPerFrame: Number(((layoutMs + styleMs) / run.frames).toFixed(2)),
    });
    await page.close();
  }
} finally {
  await browser.close();
  for (const build of builds) await build.close();
}

const table = (/** @type {any[]} */ rows, /** @type {string[]} */ keys) => {
  const widths = keys.map((key) => Math.max(key.length, ...rows.map((row) => String(row[key]).length)));
  const line = (/** @type {string[]} */ cells) =>
    cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ');
  console.log(line(keys));
  for (const row of rows) console.log(line(keys.map((key) => String(row[key]))));
};

console.log(`\nA. 100,000 sessions in <session-list> (fake store), fling down, up, and from the middle`);
console.log(
  `   X5: first rows ≤ ${X5.firstRows} ms after data, DOM rows ≤ 2× the viewport, scroll p95 ≤ ${X5.scrollP95} ms`,
);
const LIST_KEYS = [
  'cpu',
  'firstRowsMs',
  'rowsThatFit',
  'domRowsAtTop',
  'domRowsAfterFling',
  'frames',
  'frameP50Ms',
  'frameP95Ms',
  'frameMaxMs',
  'framesOver17Ms',
  'flingScriptMs',
  'flingMainThreadMs',
  'flingLayoutStyleMs',
  'scriptMsPerFrame',
];
table(results.list100k, [...(ab ? ['build'] : []), ...LIST_KEYS, 'loadavg']);
const median = (/** @type {number[]} */ values) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const medians = builds.map(({ build }) => {
  const rows = results.list100k.filter((row) => row.cpu === '4x' && row.build === build);
  /** @type {Record<string, unknown>} */
  const row = { build, cpu: `4x median of ${rows.length}` };
  for (const key of LIST_KEYS.slice(1))
    row[key] = rows.length ? median(rows.map((r) => Number(r[key]))) : NaN;
  return row;
});
if (results.list100k.length > builds.length) {
  console.log(
    `\n   4× medians (targets: firstRowsMs ≤ ${X5.firstRows}, frameP95Ms ≤ ${X5.scrollP95}); load average now ${load()} on ${
      (await import('node:os')).cpus().length
    } cores`,
  );
  table(medians, [...(ab ? ['build'] : []), ...LIST_KEYS]);
  if (ab) {
    const [mine, base] = /** @type {Record<string, unknown>[]} */ (medians);
    /** @type {Record<string, unknown>} */
    const ratio = { build: 'this/baseline', cpu: '4x medians' };
    for (const key of LIST_KEYS.slice(1)) ratio[key] = (Number(mine?.[key]) / Number(base?.[key])).toFixed(2);
    table([ratio], ['build', ...LIST_KEYS]);
  }
}
console.log(
  `\nB. live: 1,000 events/s for ${seconds} s into 10,000 rows (SDK live store; half the events on the 10 rows in view)`,
);
console.log(
  `   X5: latency p50 ≤ ${X5.latencyP50} ms, p99 ≤ ${X5.latencyP99} ms, ≤ ${X5.scriptPerFrame} ms script per frame, no long task`,
);
table(results.live, [
  ...(ab ? ['build'] : []),
  'mode',
  'setupFirstRowsMs',
  'domRows',
  'events',
  'measured',
  'latencyP50Ms',
  'latencyP99Ms',
  'latencyMaxMs',
  'frames',
  'frameP95Ms',
  'scriptMsPerFrame',
  'mainThreadMsPerFrame',
  'layoutStyleMsPerFrame',
  'longTasks',
  'longestTaskMs',
]);
if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2));

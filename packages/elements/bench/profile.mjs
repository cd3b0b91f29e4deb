// @ts-check
/**
 * Where a fling's frame time goes: builds and serves `bench/` like run.mjs, runs part A's fling
 * once under a Chrome trace (4× throttle unless BENCH_CPU says otherwise) and prints per frame how
 * many style recalcs, layouts and row renders ran, with the trace's thread time per event kind.
 * Counts do not depend on the machine's load; timings do.
 */
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { serveBench } from './serve.mjs';

const cpu = Number(process.env.BENCH_CPU ?? 4);
const bench = await serveBench(process.env.BENCH_ROOT || undefined);
const browser = await chromium.launch(chromiumLaunchOptions());

/**
 * Runs `run`, under the sampling JS profiler when `on`, and prints JS self time per function.
 * @template T
 * @param {boolean} on
 * @param {() => Promise<T>} run
 * @returns {Promise<T>}
 */
async function sampled(on, run) {
  if (!on || !cdpSession) return run();
  const cdp = cdpSession;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = await cdp.send('Profiler.stop');
  /** @type {Map<number, number>} */
  const self = new Map();
  const dt = /** @type {number[]} */ (profile.timeDeltas ?? []);
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0) / 1000));
  /** @type {Map<string, number>} */
  const byFn = new Map();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  console.log('JS self time (sampled, ms):');
  for (const [key, ms] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${ms.toFixed(0).padStart(7)}  ${key}`);
  return result;
}
/** @type {import('playwright-core').CDPSession | undefined} */
let cdpSession;
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  const cdp = await page.context().newCDPSession(page);
  cdpSession = cdp;
  await page.goto(bench.url);
  await page.waitForFunction(() => document.body.dataset['ready'] === 'true');
  // Count row renders: wrap session-row's update (profiling only; the bench itself runs unwrapped).
  await page.evaluate(() => {
    const Row = /** @type {any} */ (customElements.get('session-row'));
    const update = Row.prototype.update;
    /** @type {any} */ (window).rowUpdates = 0;
    Row.prototype.update = function (/** @type {unknown} */ changed) {
      /** @type {any} */ (window).rowUpdates++;
      return update.call(this, changed);
    };
    const connected = Row.prototype.connectedCallback;
    /** @type {any} */ (window).rowConnects = 0;
    Row.prototype.connectedCallback = function () {
      /** @type {any} */ (window).rowConnects++;
      return connected.call(this);
    };
  });
  // Experiments: extra rules appended to the row's or the list's own stylesheet (`a { } | b { }`).
  await page.evaluate(
    ([rowRules, listRules]) => {
      for (const [tag, rules] of /** @type {const} */ ([
        ['session-row', rowRules],
        ['session-list', listRules],
      ])) {
        const sheets = /** @type {any} */ (customElements.get(tag)).elementStyles;
        const sheet = sheets[sheets.length - 1].styleSheet;
        for (const rule of (rules ?? '').split('|').filter(Boolean))
          sheet.insertRule(rule, sheet.cssRules.length);
      }
    },
    [process.env.BENCH_ROW_RULES, process.env.BENCH_LIST_RULES],
  );
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  /** @type {any[]} */
  const events = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...data.value));
  const setupStart = Date.now();
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'v8.execute',
        'blink.user_timing',
      ],
    },
  });
  const jsPart = process.env.BENCH_JS_PROFILE; // `setup` or `fling`: a sampled JS profile of it
  const setup = await sampled(jsPart === 'setup', () => page.evaluate(() => window.bench.list100kSetup()));
  const beforeFling = await page.evaluate(() => [
    /** @type {any} */ (window).rowUpdates,
    /** @type {any} */ (window).rowConnects,
  ]);
  await page.evaluate(() => performance.mark('fling-start'));
  const figures = await sampled(jsPart === 'fling', () => page.evaluate(() => window.bench.list100kFling()));
  const afterFling = await page.evaluate(() => [
    /** @type {any} */ (window).rowUpdates,
    /** @type {any} */ (window).rowConnects,
  ]);
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  const mark = events.find((e) => e.name === 'fling-start');
  const main = mark ? mark.tid : undefined;
  const fling = events.filter((e) => e.ph === 'X' && e.tid === main && mark && e.ts >= mark.ts);
  const from = events.find((e) => e.name === 'first-rows-start');
  const to = events.find((e) => e.name === 'first-rows-end');
  // Between handing the list its store and the frame with rows (the page marks both).
  const setupEvents = events.filter(
    (e) => e.ph === 'X' && e.tid === main && from && to && e.ts >= from.ts && e.ts <= to.ts,
  );
  /** @param {any[]} list */
  const summary = (list) => {
    /** @type {Map<string, {count: number, tdur: number, dur: number}>} */
    const byName = new Map();
    for (const e of list) {
      const name = e.name === 'EventDispatch' ? `EventDispatch ${e.args?.data?.type}` : e.name;
      const entry = byName.get(name) ?? { count: 0, tdur: 0, dur: 0 };
      entry.count++;
      entry.tdur += (e.tdur ?? 0) / 1000;
      entry.dur += (e.dur ?? 0) / 1000;
      byName.set(name, entry);
    }
    return [...byName].sort((a, b) => b[1].dur - a[1].dur).slice(0, 30);
  };
  const frames = figures.frames;
  console.log(
    `cpu ${cpu}x, load ${loadavg()
      .map((v) => v.toFixed(1))
      .join(' ')}; setup+fling ${Date.now() - setupStart} ms wall`,
  );
  console.log('setup', setup, 'fling', {
    p50: figures.frameP50Ms,
    p95: figures.frameP95Ms,
    over17: figures.framesOver17Ms,
    frames,
  });
  console.log(
    `row updates: setup ${beforeFling[0]}, fling ${afterFling[0] - beforeFling[0]} (${((afterFling[0] - beforeFling[0]) / frames).toFixed(1)}/frame); row connects: setup ${beforeFling[1]}, fling ${afterFling[1] - beforeFling[1]}`,
  );
  for (const [label, list] of /** @type {const} */ ([
    ['fling', fling],
    ['first rows', setupEvents],
  ])) {
    console.log(
      `\n${label}: event, count, per frame, wall ms, thread ms (main thread, nested events overlap)`,
    );
    for (const [name, e] of summary(list))
      console.log(
        `  ${name.padEnd(34)} ${String(e.count).padStart(6)} ${(e.count / frames).toFixed(2).padStart(7)} ${e.dur.toFixed(0).padStart(8)} ${e.tdur.toFixed(0).padStart(8)}`,
      );
  }
  const styleElements = fling
    .filter((e) => e.name === 'UpdateLayoutTree')
    .reduce((n, e) => n + (e.args?.elementCount ?? 0), 0);
  console.log(
    `\nstyle: ${styleElements} elements recalculated in the fling (${(styleElements / frames).toFixed(0)}/frame)`,
  );
  const layoutObjects = fling
    .filter((e) => e.name === 'Layout')
    .reduce((n, e) => n + (e.args?.beginData?.dirtyObjects ?? 0), 0);
  console.log(
    `layout: ${layoutObjects} dirty objects in the fling (${(layoutObjects / frames).toFixed(0)}/frame)`,
  );
} finally {
  await browser.close();
  await bench.close();
}

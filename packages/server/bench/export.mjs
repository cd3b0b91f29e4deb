#!/usr/bin/env node
// A14: the export of a million sessions in bounded memory, next to its baseline — the same walk
// through list pages (limit=200, following nextCursor) — in the same run, over HTTP on
// 127.0.0.1 against the real server on PGlite. Each case runs in a fresh child process (the
// server and a client that reads and drops the bytes), so each peak RSS is its own; the RSS is
// sampled every 50 ms and also read from the kernel's high-water mark (`maxRSS`). The smaller
// export (one owner's sessions) shows whether memory grows with the size of the export.
//   node bench/export.mjs --data /tmp/lens-export-1m [--sessions 1000000] [--dist ../other/dist]
// The data directory is loaded once (slow) and reused by later runs.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchDist, load, LOADED_DATA_OPTIONS, openLoadedData } from './lib.mjs';

const { values } = parseArgs({ options: { ...LOADED_DATA_OPTIONS, child: { type: 'string' } } });
const distDir = benchDist(values, import.meta.url);
const ADMIN = 'bench-export-admin';

const CASES = {
  'list walk (baseline)': { kind: 'list', query: '' },
  'export jsonl': { kind: 'export', query: 'format=jsonl' },
  'export csv': { kind: 'export', query: 'format=csv' },
  'export jsonl, one owner': { kind: 'export', query: 'format=jsonl&owner=m_ana' },
};

if (values.child) await runChild(CASES[values.child]);
else await runParent();

async function runParent() {
  if (!existsSync(values.data)) {
    const { db, lens } = await openLoadedData(distDir, values);
    await lens.close();
    await db.close();
  }
  console.log(`dist ${distDir}; data ${values.data}; load ${load()}`);
  const results = {};
  for (const name of Object.keys(CASES)) {
    const child = fork(fileURLToPath(import.meta.url), [...process.argv.slice(2), '--child', name], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    results[name] = await new Promise((done, fail) => {
      child.once('message', done);
      child.once('exit', (code) => code !== 0 && fail(new Error(`${name} exited with ${code}`)));
    });
    const r = results[name];
    const base = results['list walk (baseline)'];
    const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
    console.log(
      `  ${name.padEnd(24)} ${String(r.rows).padStart(8)} rows  ${r.seconds.toFixed(1).padStart(6)} s  ` +
        `${Math.round(r.rows / r.seconds)
          .toLocaleString('en')
          .padStart(8)} rows/s` +
        `${base && base !== r ? ` (${(r.rows / r.seconds / (base.rows / base.seconds)).toFixed(2)}× baseline)` : ''}  ` +
        `peak RSS ${mb(r.peakRss)} (at start ${mb(r.startRss)}, growth ${mb(r.peakRss - r.startRss)}; maxRSS ${mb(r.maxRss)})` +
        `  ${mb(r.bytes)} sent; load ${r.load}`,
    );
  }
  process.exit(0);
}

async function runChild(spec) {
  const { startServer } = await import(`${distDir}server.js`);
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: values.data,
    adminToken: ADMIN,
    pgliteFsync: false,
    validateResponses: false,
    logLevel: 'warn',
    limits: { requestsPerToken: false },
  });
  const headers = { authorization: `Bearer ${ADMIN}` };
  // One warm-up page, so the start figure includes an opened database and a served request.
  await (await fetch(`${server.url}/v1/sessions?limit=200`, { headers })).text();
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  const started = performance.now();
  let rows = 0;
  let bytes = 0;
  if (spec.kind === 'list') {
    let cursor = null;
    do {
      const url = `${server.url}/v1/sessions?limit=200${cursor ? `&cursor=${cursor}` : ''}`;
      const text = await (await fetch(url, { headers })).text();
      bytes += Buffer.byteLength(text);
      const page = JSON.parse(text);
      rows += page.data.length;
      cursor = page.nextCursor;
    } while (cursor);
  } else {
    const response = await fetch(`${server.url}/v1/sessions/export?${spec.query}`, { headers });
    if (response.status !== 200) throw new Error(`export answered ${response.status}`);
    // Records end with a line feed (CRLF in CSV; the seed's titles hold none); the CSV header is one.
    let lineFeeds = 0;
    for await (const chunk of response.body) {
      bytes += chunk.byteLength;
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lineFeeds += 1;
    }
    rows = spec.query.includes('csv') ? lineFeeds - 1 : lineFeeds;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.send({ rows, seconds, bytes, startRss, peakRss, maxRss, load: load() });
  await server.close();
  process.exit(0);
}

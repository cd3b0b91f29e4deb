#!/usr/bin/env node
// Session Lens server benchmarks (not part of the tests). Prints figures; run after a build:
//   pnpm bench:server [--sessions 1000000] [--database-url postgres://…] [--clients 1000] [--rate 50]
//                     [--seconds 10] [--skip-list] [--skip-fanout]
// The PostgreSQL list run also reads SESSION_LENS_BENCH_DATABASE_URL; it creates and drops its own schema.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  benchServerOptions,
  freshSchema,
  percentile,
  readFrames,
  seededBenchDatabase,
  serverModules,
} from './lib.mjs';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '100000' },
    'database-url': { type: 'string' },
    clients: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    'skip-list': { type: 'boolean' },
    'skip-fanout': { type: 'boolean' },
  },
});
const modules = await serverModules();
const { startServer } = modules;

const ADMIN = 'bench-admin-token';
const fmt = (ms) => `${ms.toFixed(2)} ms`;

/** Times `runs` sequential GETs; returns p50/p99. */
async function time(url, runs) {
  const samples = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${ADMIN}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

async function listBench(label, databaseUrl) {
  const count = Number(values.sessions);
  // Load with the app's own seed generator (sessions only), then serve.
  const loadStart = performance.now();
  const { dataDir, schema, url, db, lens } = await seededBenchDatabase(modules, {
    label,
    databaseUrl,
    schemaPrefix: 'sl_bench',
    sessions: count,
    details: false,
    every: 50_000,
  });
  const loadMs = performance.now() - loadStart;
  // The query alone (no HTTP, no JSON), to separate the index work from the transport.
  const viewer = { memberId: 'm_admin', groups: [], admin: true, spend: true };
  const queryOnly = {};
  for (const [name, filters] of [
    ['all', {}],
    ['kind=flow', { kind: ['flow'] }],
  ]) {
    const runs = async (cursor) => {
      const samples = [];
      for (let i = 0; i < 200; i += 1) {
        const t = performance.now();
        await lens.store.list(viewer, filters, 50, cursor);
        samples.push(performance.now() - t);
      }
      return samples.sort((a, b) => a - b);
    };
    await runs(undefined);
    const first = await runs(undefined);
    let cursor;
    let seen = 0;
    const target = (name === 'all' ? count : count * 0.3) * 0.9;
    while (seen < target) {
      const page = await lens.store.list(viewer, filters, 200, cursor);
      seen += page.data.length;
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const deep = await runs(cursor);
    queryOnly[name] = { first, deep, seen };
  }
  await lens.close();
  await db.close();
  const server = await startServer(benchServerOptions(dataDir, url, ADMIN));
  const base = `${server.url}/v1/sessions`;
  const results = {};
  for (const [name, query] of [
    ['all', ''],
    ['kind=flow', '&kind=flow'],
    ['owner=m_ana', '&owner=m_ana'],
  ]) {
    await time(`${base}?limit=50${query}`, 20); // warm up
    const first = await time(`${base}?limit=50${query}`, 200);
    // Walk to ~90% depth with big pages, then time 50-row pages from there.
    let cursor = null;
    let seen = 0;
    const matching = name === 'all' ? count : name === 'kind=flow' ? count * 0.3 : count * 0.1;
    while (seen < matching * 0.9) {
      const res = await fetch(`${base}?limit=200${query}${cursor ? `&cursor=${cursor}` : ''}`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      const page = await res.json();
      seen += page.data.length;
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    const deep = await time(`${base}?limit=50${query}&cursor=${cursor}`, 200);
    results[name] = { first, deep, depth: seen };
  }
  await server.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await schema?.drop();
  console.log(
    `\nList latency — ${label}, ${count.toLocaleString('en')} sessions (loaded in ${(loadMs / 1000).toFixed(1)} s), 200 requests each, sequential, over HTTP:`,
  );
  for (const [name, r] of Object.entries(queryOnly)) {
    console.log(
      `  query only ${name.padEnd(11)} first page p50 ${fmt(percentile(r.first, 50))}  p99 ${fmt(percentile(r.first, 99))}   at depth ${r.seen.toLocaleString('en')}: p50 ${fmt(percentile(r.deep, 50))}  p99 ${fmt(percentile(r.deep, 99))}`,
    );
  }
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `  ${name.padEnd(12)} first page p50 ${fmt(r.first.p50)}  p99 ${fmt(r.first.p99)}   at depth ${r.depth.toLocaleString('en')}: p50 ${fmt(r.deep.p50)}  p99 ${fmt(r.deep.p99)}`,
    );
  }
}

/** Opens N SSE connections and measures delivery latency from the `updatedAt` in each frame. */
function openClients(url, n, headers) {
  const stats = { delivered: 0, latencies: [], counting: false, open: 0 };
  const requests = [];
  for (let i = 0; i < n; i += 1) {
    requests.push(
      new Promise((resolve, reject) => {
        const req = http.get(url, { headers, agent: false }, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`stream → ${res.statusCode}`));
          stats.open += 1;
          resolve(req);
          readFrames(res, (frame) => {
            const match = /"updatedAt":"([^"]+)"/.exec(frame);
            if (!match || !stats.counting) return;
            stats.delivered += 1;
            // Sample latencies (every client's every event would be 500k numbers).
            if (stats.delivered % 7 === 0) stats.latencies.push(Date.now() - Date.parse(match[1]));
          });
        });
        req.on('error', reject);
      }),
    );
  }
  return { stats, ready: Promise.all(requests) };
}

function summarize(label, stats, seconds, expected) {
  const sorted = stats.latencies.sort((a, b) => a - b);
  const perSecond = stats.delivered / seconds;
  console.log(
    `  ${label.padEnd(28)} delivered ${Math.round(perSecond).toLocaleString('en')}/s of ${Math.round(expected).toLocaleString('en')}/s expected   latency p50 ${sorted.length ? percentile(sorted, 50) : '–'} ms  p99 ${sorted.length ? percentile(sorted, 99) : '–'} ms`,
  );
  return { perSecond, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

const WRITER = `
const flows = process.env.FLOWS.split(',');
let written = 0, inFlight = 0, n = 0;
const timer = setInterval(() => {
  if (inFlight > 20) return;
  inFlight += 1; n += 1;
  fetch(process.env.URL + '/v1/sessions/' + flows[n % flows.length] + '/activity', {
    method: 'POST',
    headers: { authorization: 'Bearer ' + process.env.TOKEN, 'content-type': 'application/json' },
    body: JSON.stringify({ steps: [{ name: 'Bench', status: 'running' }], turns: [{ model: 'm', pricing: 'priced', amountUsd: '0.001', tokens: 1 }] }),
  }).then((r) => { if (r.ok) written += 1; return r.arrayBuffer(); }).catch(() => {}).finally(() => { inFlight -= 1; });
}, 1000 / Number(process.env.RATE));
setTimeout(() => { clearInterval(timer); setTimeout(() => { process.stdout.write(String(written) + '\\n'); process.exit(0); }, 300); }, Number(process.env.SECONDS) * 1000);`;

const BASELINE = `
const http = require('node:http');
const clients = new Set();
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.socket.setNoDelay(true);
  res.write('retry: 2000\\n\\n');
  clients.add(res);
  req.on('close', () => clients.delete(res));
});
let seq = 0;
const pad = 'x'.repeat(Number(process.env.PAD || 900));
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\\n');
  setInterval(() => {
    seq += 1;
    const frame = Buffer.from('id: ' + seq + '\\nevent: session\\ndata: {"id":"ses_1","updatedAt":"' + new Date().toISOString() + '","pad":"' + pad + '"}\\n\\n');
    for (const res of clients) res.write(frame);
  }, 1000 / Number(process.env.RATE));
});`;

async function fanoutBench(databaseUrl) {
  const n = Number(values.clients);
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  console.log(
    `\nStream fan-out — ${n.toLocaleString('en')} clients × ${rate} events/s for ${seconds} s, one process on ${databaseUrl ? 'PostgreSQL' : 'PGlite (fsync off)'}, 127.0.0.1:`,
  );
  const schema = databaseUrl ? await freshSchema(databaseUrl, 'sl_bench') : undefined;
  const dbUrl = schema?.url;
  // Session Lens: the real CLI in a child process; the writer and the clients live here.
  const dataDir = mkdtempSync(join(tmpdir(), 'session-lens-bench-'));
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const child = spawn(
    process.execPath,
    [cli, '--port', '0', '--data', dataDir, '--print-tokens', '--rate-limit', 'off', '--max-streams', 'off'],
    {
      env: {
        ...process.env,
        SESSION_LENS_ADMIN_TOKEN: ADMIN,
        SESSION_LENS_PGLITE_FSYNC: 'off',
        NODE_ENV: 'production',
        ...(dbUrl ? { DATABASE_URL: dbUrl } : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const { url } = await new Promise((resolve) =>
    child.stdout.once('data', (d) => resolve(JSON.parse(String(d)))),
  );
  const post = (path, body) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(async (r) => {
      if (r.status >= 300) throw new Error(`${path} → ${r.status} ${await r.text()}`);
      return r.json();
    });
  const flows = [];
  for (let i = 0; i < 8; i += 1)
    flows.push((await post('/v1/sessions', { kind: 'flow', title: `Bench flow ${i}` })).id);
  const lens = openClients(`${url}/v1/stream`, n, { authorization: `Bearer ${ADMIN}` });
  await lens.ready;
  lens.stats.counting = true;
  // The writer runs in its own process so the 1,000 client parsers here cannot starve it.
  const writer = spawn(process.execPath, ['-e', WRITER], {
    env: {
      ...process.env,
      URL: url,
      TOKEN: ADMIN,
      RATE: String(rate),
      FLOWS: flows.join(','),
      SECONDS: String(seconds),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const written = await new Promise((resolve) =>
    writer.stdout.once('data', (d) => resolve(Number(String(d)))),
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  lens.stats.counting = false;
  const lensResult = summarize('Session Lens (/v1/stream)', lens.stats, seconds, n * rate);
  console.log(`    (writes acknowledged: ${written}; ${(written / seconds).toFixed(1)}/s)`);
  child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  await schema?.drop();

  // Baseline: plain node:http writing one prebuilt frame of similar size to every client.
  const base = spawn(process.execPath, ['-e', BASELINE], {
    env: { ...process.env, RATE: String(rate) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { port } = await new Promise((resolve) =>
    base.stdout.once('data', (d) => resolve(JSON.parse(String(d)))),
  );
  const plain = openClients(`http://127.0.0.1:${port}/`, n, {});
  await plain.ready;
  plain.stats.counting = true;
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  plain.stats.counting = false;
  const baseResult = summarize('baseline (plain node:http)', plain.stats, seconds, n * rate);
  base.kill('SIGKILL');
  console.log(
    `  ratio Session Lens / baseline: throughput ${(lensResult.perSecond / baseResult.perSecond).toFixed(2)}, p99 latency ${lensResult.p99} ms vs ${baseResult.p99} ms`,
  );
}

const pgUrl = values['database-url'] ?? process.env.SESSION_LENS_BENCH_DATABASE_URL;
if (!pgUrl)
  console.log('(PostgreSQL runs skipped: pass --database-url or set SESSION_LENS_BENCH_DATABASE_URL)');
if (!values['skip-list']) {
  await listBench('PGlite', undefined);
  if (pgUrl) await listBench('PostgreSQL', pgUrl);
}
if (!values['skip-fanout']) {
  await fanoutBench(undefined);
  if (pgUrl) await fanoutBench(pgUrl);
}
process.exit(0);

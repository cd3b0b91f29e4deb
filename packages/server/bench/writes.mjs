#!/usr/bin/env node
// Write-path benchmark (X5, issue 12; not part of the tests). Run after a build:
//   pnpm bench:writes [--database-url postgres://…] [--seconds 6] [--runs 3] [--writers 32]
//                     [--rate 1000] [--pool n] [--profile dir] [--dist dir] [--skip-postgres]
//                     [--skip-pglite] [--skip-two]
// PostgreSQL runs also read SESSION_LENS_BENCH_DATABASE_URL; each creates and drops its own schema.
//
// 1. Acknowledged activity writes/s of one server process (the real CLI, NODE_ENV=production),
//    `writers` concurrent agents over HTTP keep-alive, each writing its own session, beside the
//    raw database doing the same work in the same run: update that session's row and append an
//    event row, one transaction each, the same concurrency and durability. Ratio = server / raw,
//    per run; the two sides alternate which goes first; the ratio quoted is the median of the
//    runs' ratios.
// 2. Two server processes on one PostgreSQL at an offered `rate` writes/s (open loop, half to
//    each) with an SSE watcher on each: acknowledged/s, events missed and duplicated per watcher,
//    and write → event latency (from sending the request to the event arriving).
// Every figure is the median of `runs` runs. `--profile dir` writes a CPU profile of every server
// process into dir (node --cpu-prof; the servers then stop with SIGTERM instead of SIGKILL).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { freshSchema, load, median, percentile, readFrames } from './lib.mjs';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    seconds: { type: 'string', default: '6' },
    runs: { type: 'string', default: '3' },
    writers: { type: 'string', default: '32' },
    rate: { type: 'string', default: '1000' },
    pool: { type: 'string' },
    profile: { type: 'string' },
    dist: { type: 'string' },
    'skip-pglite': { type: 'boolean' },
    'skip-postgres': { type: 'boolean' },
    'skip-two': { type: 'boolean' },
  },
});
// `--dist dir`: another build's dist/ (e.g. main's, for an A/B on the same machine and load).
const distDir = values.dist
  ? pathToFileURL(`${resolve(values.dist)}/`).href
  : new URL('../dist/', import.meta.url).href;
const dist = (path) => new URL(path, distDir).href;
const { openDatabase, pgliteStartParams } = await import(dist('db/index.js'));
const { migrate } = await import(dist('db/migrate.js'));
const CLI = fileURLToPath(dist('cli.js'));
const ADMIN = 'bench-writes-admin-token';
const SECONDS = Number(values.seconds);
const RUNS = Number(values.runs);
const WRITERS = Number(values.writers);
const RATE = Number(values.rate);
/** Sessions the two-instance run spreads its writes over (one write in flight per session). */
const TWO_SESSIONS = 200;
/** Writes before the counted window starts (connections, prepared statements, JIT). */
const WARM_UP_MS = 1000;
const pgUrl = values['database-url'] ?? process.env.SESSION_LENS_BENCH_DATABASE_URL;
const profileDir = values.profile ? resolve(values.profile) : undefined;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One HTTP request with a JSON body; resolves to { status, body }. */
function request(url, method, path, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      `${url}${path}`,
      {
        method,
        agent,
        headers: {
          authorization: `Bearer ${ADMIN}`,
          ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** Starts the CLI; resolves to { url, stop }. */
async function startCli(env, args = []) {
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const profiling = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  const child = spawn(process.execPath, [...profiling, CLI, '--port', '0', '--print-tokens', ...args], {
    // Per-token rate limiting off: every writer here shares the admin token.
    env: {
      ...process.env,
      SESSION_LENS_ADMIN_TOKEN: ADMIN,
      SESSION_LENS_RATE_LIMIT: 'off',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const { url } = await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    const onData = (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{"url":'));
      if (!line) return;
      // The JSON request log that follows (one line a request) is read and dropped: kept and
      // re-split per chunk, it cost this process more CPU than the server it measures.
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve(JSON.parse(line));
    };
    child.stdout.on('data', onData);
  });
  // Killed outright, unless profiling: the profile is written by a clean exit (SIGTERM drains).
  const stop = () =>
    new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', resolve);
      child.kill(profileDir ? 'SIGTERM' : 'SIGKILL');
    });
  return { url, stop };
}

async function startSessions(url, count) {
  const ids = [];
  for (let i = 0; i < count; i += 1) {
    const res = await request(url, 'POST', '/v1/sessions', { kind: 'flow', title: `Bench agent ${i}` });
    if (res.status !== 201) throw new Error(`start → ${res.status} ${res.body}`);
    ids.push(JSON.parse(res.body).id);
  }
  return ids;
}

/**
 * Closed loop: one writer per item, each calling `writeOnce(item)` again as soon as the last
 * one settled; counts those that settled `true` inside the window. The window opens
 * `WARM_UP_MS` after every writer's first write returned (so connections, with their
 * authentication, are open on both sides), and times come from the clock, not from timers: a
 * loop of in-process PGlite calls resolves in microtasks only and would starve every timer (the
 * bench once waited forever for one).
 */
async function closedLoop(items, writeOnce) {
  await Promise.all(items.map((item) => writeOnce(item)));
  const start = performance.now() + WARM_UP_MS;
  const end = start + SECONDS * 1000;
  let acknowledged = 0;
  let failed = 0;
  const writer = async (item) => {
    while (performance.now() < end) {
      // A reset connection (a loaded machine's keep-alive race) is a failed write, not the end.
      const ok = await writeOnce(item).catch(() => false);
      const at = performance.now();
      if (at < start || at >= end) continue;
      if (ok) acknowledged += 1;
      else failed += 1;
    }
  };
  await Promise.all(items.map((item) => writer(item)));
  if (failed > 0) console.log(`    (${failed} writes failed)`);
  return acknowledged / SECONDS;
}

/** The server's loop: each writer posts activity to its own session over HTTP keep-alive. */
function serverWrites(url, ids) {
  let n = 0;
  return closedLoop(ids, async (id) => {
    n += 1;
    const res = await request(url, 'POST', `/v1/sessions/${id}/activity`, {
      steps: [{ name: 'Work', status: n % 2 ? 'running' : 'pending' }],
    });
    return res.status === 200;
  });
}

/** The raw database's loop: the same update + event append per transaction, one writer per doc. */
function rawWrites(transact, docs) {
  const current = new Map(docs.map((doc) => [doc.id, doc]));
  return closedLoop(docs, async ({ id }) => {
    const prev = current.get(id);
    const next = { ...prev, version: prev.version + 1, updatedAt: new Date().toISOString() };
    await transact(next, prev);
    current.set(id, next);
    return true;
  });
}

const RAW_UPDATE = 'update sessions set doc = $2::text::jsonb, version = $3, updated_at = $4 where id = $1';
const RAW_EVENT = `insert into events (seq, session_id, doc, prev)
  values (pg_current_xact_id()::text::bigint * 1024, $1, $2::text::jsonb, $3::text::jsonb)`;
const rawParams = (next, prev) => {
  const doc = JSON.stringify(next);
  return [
    [next.id, doc, next.version, next.updatedAt],
    [next.id, doc, JSON.stringify(prev)],
  ];
};

async function readDocs(query, ids) {
  const rows = await query('select doc::text as doc from sessions where id = any($1::text[])', [ids]);
  return rows.map((row) => JSON.parse(row.doc));
}

/**
 * The two measurements of one run, in alternating order (server first in odd runs, raw first in
 * even ones), so a load that drifts during the bench does not favour one side.
 */
async function sideBySide(index, measureServer, measureRaw) {
  if (index % 2 === 0) {
    const lens = await measureServer();
    return { lens, raw: await measureRaw() };
  }
  const raw = await measureRaw();
  return { lens: await measureServer(), raw };
}

/** Starts the CLI, measures its closed loop over `ids`, stops it. */
async function measureCli(env, args, ids) {
  const server = await startCli(env, args);
  try {
    return await serverWrites(server.url, ids);
  } finally {
    await server.stop();
  }
}

/** Sessions for the writers, started through the API of a CLI that then stops. */
async function setUpSessions(env, args) {
  const server = await startCli(env, args);
  try {
    return await startSessions(server.url, WRITERS);
  } finally {
    await server.stop();
  }
}

/** One run on PostgreSQL: the server and raw postgres.js with `writers` connections. */
async function postgresRun(index) {
  const { url, drop } = await freshSchema(pgUrl, 'sl_wbench');
  const env = { DATABASE_URL: url, ...(values.pool ? { SESSION_LENS_DB_POOL: values.pool } : {}) };
  try {
    const ids = await setUpSessions(env, []);
    return await sideBySide(
      index,
      () => measureCli(env, [], ids),
      async () => {
        const sql = postgres(url, { max: WRITERS, onnotice: () => {} });
        try {
          const docs = await readDocs((q, p) => sql.unsafe(q, p, { prepare: true }), ids);
          return await rawWrites(async (next, prev) => {
            const [update, event] = rawParams(next, prev);
            // Both statements pipelined in one transaction: BEGIN, UPDATE + INSERT, COMMIT.
            await sql.begin((tx) => [
              tx.unsafe(RAW_UPDATE, update, { prepare: true }),
              tx.unsafe(RAW_EVENT, event, { prepare: true }),
            ]);
          }, docs);
        } finally {
          await sql.end();
        }
      },
    );
  } finally {
    await drop();
  }
}

/** One run on PGlite (fsync off on both sides, as in the other benchmarks): server and raw PGlite. */
async function pgliteRun(template, index) {
  const dataDir = mkdtempSync(join(tmpdir(), 'session-lens-wbench-'));
  cpSync(template, dataDir, { recursive: true });
  const env = { SESSION_LENS_PGLITE_FSYNC: 'off', DATABASE_URL: '' };
  const args = ['--data', dataDir];
  try {
    const ids = await setUpSessions(env, args);
    return await sideBySide(
      index,
      () => measureCli(env, args, ids),
      async () => {
        const pg = new PGlite({ dataDir, relaxedDurability: false, startParams: pgliteStartParams(false) });
        await pg.waitReady;
        try {
          const docs = await readDocs(async (q, p) => (await pg.query(q, p)).rows, ids);
          return await rawWrites(async (next, prev) => {
            const [update, event] = rawParams(next, prev);
            await pg.transaction(async (tx) => {
              await tx.query(RAW_UPDATE, update);
              await tx.query(RAW_EVENT, event);
            });
          }, docs);
        } finally {
          await pg.close();
        }
      },
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function throughput(label, runOnce) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = await runOnce(i);
    runs.push(run);
    console.log(
      `    run ${i + 1} (${i % 2 === 0 ? 'server first' : 'raw first'}): server ${Math.round(run.lens)}/s, raw ${Math.round(run.raw)}/s, ratio ${(run.lens / run.raw).toFixed(2)}   (load ${load()})`,
    );
  }
  const lens = median(runs.map((r) => r.lens));
  const raw = median(runs.map((r) => r.raw));
  // A run where the raw side finished nothing (a starved machine) has no ratio.
  const ratios = runs.filter((r) => r.raw > 0).map((r) => r.lens / r.raw);
  const ratio = ratios.length > 0 ? median(ratios) : NaN;
  const range =
    ratios.length > 0 ? `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}` : 'none';
  // The ratio is the median of the per-run ratios (each a side-by-side pair), not of the medians.
  console.log(
    `  ${label}: ratio ${ratio.toFixed(2)} (median of ${ratios.length} side-by-side runs; range ${range}); server ${Math.round(lens)} writes/s, raw ${Math.round(raw)} writes/s (medians)`,
  );
  return { lens, raw, ratio };
}

/** An SSE watcher recording when each (session, version) arrived. */
function watch(url) {
  const seen = new Map();
  let duplicates = 0;
  let req;
  const ready = new Promise((resolve, reject) => {
    req = http.get(`${url}/v1/stream`, { headers: { authorization: `Bearer ${ADMIN}` } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream → ${res.statusCode}`));
      resolve();
      readFrames(res, (frame) => {
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (!data || !frame.includes('event: session\n')) return;
        const session = JSON.parse(data);
        const key = `${session.id}@${session.version}`;
        if (seen.has(key)) duplicates += 1;
        else seen.set(key, performance.now());
      });
    });
    req.on('error', reject);
  });
  return { ready, seen, duplicates: () => duplicates, close: () => req.destroy() };
}

/** Two processes on one PostgreSQL, open loop at RATE writes/s, a watcher on each. */
async function twoInstancesRun() {
  const { url, drop } = await freshSchema(pgUrl, 'sl_wbench');
  const servers = [];
  try {
    const env = { DATABASE_URL: url, ...(values.pool ? { SESSION_LENS_DB_POOL: values.pool } : {}) };
    servers.push(await startCli(env));
    servers.push(await startCli(env));
    const ids = await startSessions(servers[0].url, TWO_SESSIONS);
    const watchers = servers.map((server) => watch(server.url));
    await Promise.all(watchers.map((w) => w.ready));
    const sent = new Map(); // `${id}@${version}` → send time
    const pending = new Set();
    let acknowledged = 0;
    let failed = 0;
    let skipped = 0;
    const acks = []; // write → acknowledged, ms, for the counted writes
    // The first WARM_UP_MS of offered writes open connections and warm the JIT on both
    // instances, as in the closed-loop runs; they are written but not counted.
    const begun = performance.now();
    const started = begun + WARM_UP_MS;
    let issued = 0;
    let offered = 0;
    const busy = new Set(); // one write per session at a time keeps versions unambiguous
    while (performance.now() - started < SECONDS * 1000) {
      const due = Math.floor(((performance.now() - begun) / 1000) * RATE);
      for (; issued < due; issued += 1) {
        const id = ids[issued % ids.length];
        const server = servers[issued % servers.length];
        const at = performance.now();
        const counted = at >= started;
        if (counted) offered += 1;
        if (busy.has(id)) {
          if (counted) skipped += 1; // offered while the agent still waits: not acknowledged
          continue;
        }
        busy.add(id);
        const write = request(server.url, 'POST', `/v1/sessions/${id}/activity`, {
          steps: [{ name: 'Work', status: issued % 2 ? 'running' : 'pending' }],
        })
          .then((res) => {
            if (!counted) return;
            if (res.status !== 200) return void (failed += 1);
            acknowledged += 1;
            acks.push(performance.now() - at);
            sent.set(`${id}@${JSON.parse(res.body).version}`, at);
          })
          .catch(() => void (failed += 1))
          .finally(() => {
            busy.delete(id);
            pending.delete(write);
          });
        pending.add(write);
      }
      await sleep(1);
    }
    const elapsed = (performance.now() - started) / 1000;
    await Promise.all(pending);
    await sleep(1000);
    acks.sort((a, b) => a - b);
    const result = {
      rate: acknowledged / elapsed,
      offered: offered / elapsed,
      failed,
      skipped,
      ack: { p50: percentile(acks, 50), p99: percentile(acks, 99) },
      watchers: [],
    };
    for (const watcher of watchers) {
      const latencies = [];
      let missed = 0;
      for (const [key, at] of sent) {
        const arrived = watcher.seen.get(key);
        if (arrived === undefined) missed += 1;
        else latencies.push(arrived - at);
      }
      latencies.sort((a, b) => a - b);
      result.watchers.push({
        missed,
        duplicated: watcher.duplicates(),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      });
      watcher.close();
    }
    return result;
  } finally {
    for (const server of servers) await server.stop();
    await drop();
  }
}

console.log(`Write path — ${WRITERS} concurrent writers, ${SECONDS} s windows, ${RUNS} runs; load ${load()}`);
if (!values['skip-postgres']) {
  if (!pgUrl)
    console.log('(PostgreSQL runs skipped: pass --database-url or set SESSION_LENS_BENCH_DATABASE_URL)');
  else {
    console.log(
      `\nPostgreSQL, one process (pool ${values.pool ?? 'default'}) vs raw postgres.js (${WRITERS} connections):`,
    );
    await throughput('PostgreSQL', postgresRun);
  }
}
if (!values['skip-pglite']) {
  console.log('\nPGlite (fsync off on both sides), one process vs raw PGlite in one process:');
  const template = mkdtempSync(join(tmpdir(), 'session-lens-wbench-template-'));
  const db = await openDatabase({ dataDir: template, pgliteFsync: false });
  await migrate(db);
  await db.close();
  await throughput('PGlite', (index) => pgliteRun(template, index));
  rmSync(template, { recursive: true, force: true });
}
if (!values['skip-two'] && pgUrl) {
  console.log(
    `\nTwo processes on one PostgreSQL, offered ${RATE} writes/s over ${TWO_SESSIONS} sessions, a watcher on each:`,
  );
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = await twoInstancesRun();
    runs.push(run);
    const w = run.watchers
      .map(
        (x, n) =>
          `watcher ${n + 1}: missed ${x.missed}, duplicated ${x.duplicated}, p50 ${x.p50?.toFixed(1)} ms, p99 ${x.p99?.toFixed(1)} ms`,
      )
      .join('; ');
    console.log(
      `    run ${i + 1}: offered ${Math.round(run.offered)}/s, acknowledged ${Math.round(run.rate)}/s (${run.failed} failed, ${run.skipped} offered while their agent still waited), acknowledgement p50 ${run.ack.p50?.toFixed(1)} ms, p99 ${run.ack.p99?.toFixed(1)} ms; ${w}   (load ${load()})`,
    );
  }
  const all = runs.flatMap((r) => r.watchers);
  console.log(
    `  two instances: acknowledged ${Math.round(median(runs.map((r) => r.rate)))}/s, missed ${Math.max(...all.map((w) => w.missed))}, duplicated ${Math.max(...all.map((w) => w.duplicated))} (worst watcher), acknowledgement p99 ${median(runs.map((r) => r.ack.p99)).toFixed(1)} ms, write → event p50 ${median(all.map((w) => w.p50)).toFixed(1)} ms, p99 ${median(all.map((w) => w.p99)).toFixed(1)} ms (medians of ${RUNS} runs × 2 watchers)`,
  );
}
console.log(`\nload average at the end: ${load()}`);
process.exit(0);

#!/usr/bin/env node
// Write-path benchmark (X5, issue 12; not part of the tests). Run after a build:
//   pnpm bench:writes [--database-url postgres://…] [--seconds 6] [--runs 3] [--writers 32]
//                     [--rate 1000] [--pool n] [--skip-pglite] [--skip-two]
// PostgreSQL runs also read SESSION_LENS_BENCH_DATABASE_URL; each creates and drops its own schema.
//
// 1. Acknowledged activity writes/s of one server process (the real CLI, NODE_ENV=production),
//    `writers` concurrent agents over HTTP keep-alive, each writing its own session, beside the
//    raw database doing the same work in the same run: update that session's row and append an
//    event row, one transaction each, the same concurrency and durability. Ratio = server / raw.
// 2. Two server processes on one PostgreSQL at an offered `rate` writes/s (open loop, half to
//    each) with an SSE watcher on each: acknowledged/s, events missed and duplicated per watcher,
//    and write → event latency (from sending the request to the event arriving).
// Every figure is the median of `runs` runs.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    seconds: { type: 'string', default: '6' },
    runs: { type: 'string', default: '3' },
    writers: { type: 'string', default: '32' },
    rate: { type: 'string', default: '1000' },
    pool: { type: 'string' },
    'skip-pglite': { type: 'boolean' },
    'skip-postgres': { type: 'boolean' },
    'skip-two': { type: 'boolean' },
  },
});
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;
const { openDatabase, pgliteStartParams } = await import(dist('db/index.js'));
const { migrate } = await import(dist('db/migrate.js'));
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const ADMIN = 'bench-writes-admin-token';
const SECONDS = Number(values.seconds);
const RUNS = Number(values.runs);
const WRITERS = Number(values.writers);
const RATE = Number(values.rate);
/** Sessions the two-instance run spreads its writes over (one write in flight per session). */
const TWO_SESSIONS = 200;
const pgUrl = values['database-url'] ?? process.env.SESSION_LENS_BENCH_DATABASE_URL;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
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
  const child = spawn(process.execPath, [CLI, '--port', '0', '--print-tokens', ...args], {
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
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line && out.includes('\n')) resolve(JSON.parse(line));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', resolve);
      child.kill('SIGKILL');
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

/** Closed loop: every writer writes its own session as fast as acknowledged; counts 200s in the window. */
async function serverWrites(url, ids) {
  let counting = false;
  let stop = false;
  let acknowledged = 0;
  let failed = 0;
  const writer = async (id) => {
    for (let n = 0; !stop; n += 1) {
      const res = await request(url, 'POST', `/v1/sessions/${id}/activity`, {
        steps: [{ name: 'Work', status: n % 2 ? 'running' : 'pending' }],
      });
      if (!counting) continue;
      if (res.status === 200) acknowledged += 1;
      else failed += 1;
    }
  };
  const writers = ids.map((id) => writer(id));
  await sleep(1000);
  counting = true;
  const started = performance.now();
  await sleep(SECONDS * 1000);
  counting = false;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(writers);
  if (failed > 0) console.log(`    (${failed} writes failed)`);
  return acknowledged / elapsed;
}

/** The raw database's loop: the same update + event append per transaction, `writers` at once. */
async function rawWrites(transact, docs) {
  let counting = false;
  let stop = false;
  let done = 0;
  const writer = async (doc) => {
    let current = doc;
    while (!stop) {
      const next = { ...current, version: current.version + 1, updatedAt: new Date().toISOString() };
      await transact(next, current);
      current = next;
      if (counting) done += 1;
    }
  };
  const writers = docs.map((doc) => writer(doc));
  await sleep(1000);
  counting = true;
  const started = performance.now();
  await sleep(SECONDS * 1000);
  counting = false;
  const elapsed = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(writers);
  return done / elapsed;
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

async function postgresSchema() {
  const schema = `sl_wbench_${randomBytes(4).toString('hex')}`;
  const sql = postgres(pgUrl, { onnotice: () => {} });
  await sql.unsafe(`create schema ${schema}`);
  await sql.end();
  const url = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}search_path=${schema}`;
  const drop = async () => {
    const admin = postgres(pgUrl, { onnotice: () => {} });
    await admin.unsafe(`drop schema ${schema} cascade`);
    await admin.end();
  };
  return { url, drop };
}

async function readDocs(query, ids) {
  const rows = await query('select doc::text as doc from sessions where id = any($1::text[])', [ids]);
  return rows.map((row) => JSON.parse(row.doc));
}

/** One run on PostgreSQL: the server, then raw postgres.js with `writers` connections. */
async function postgresRun() {
  const { url, drop } = await postgresSchema();
  try {
    const server = await startCli({
      DATABASE_URL: url,
      ...(values.pool ? { SESSION_LENS_DB_POOL: values.pool } : {}),
    });
    const ids = await startSessions(server.url, WRITERS);
    const lens = await serverWrites(server.url, ids);
    await server.stop();
    const sql = postgres(url, { max: WRITERS, onnotice: () => {} });
    const docs = await readDocs((q, p) => sql.unsafe(q, p, { prepare: true }), ids);
    const raw = await rawWrites(async (next, prev) => {
      const [update, event] = rawParams(next, prev);
      // Both statements pipelined in one transaction: BEGIN, UPDATE + INSERT, COMMIT.
      await sql.begin((tx) => [
        tx.unsafe(RAW_UPDATE, update, { prepare: true }),
        tx.unsafe(RAW_EVENT, event, { prepare: true }),
      ]);
    }, docs);
    await sql.end();
    return { lens, raw };
  } finally {
    await drop();
  }
}

/** One run on PGlite (fsync off on both sides, as in the other benchmarks): server, then raw PGlite. */
async function pgliteRun(template) {
  const dataDir = mkdtempSync(join(tmpdir(), 'session-lens-wbench-'));
  cpSync(template, dataDir, { recursive: true });
  try {
    const server = await startCli({ SESSION_LENS_PGLITE_FSYNC: 'off', DATABASE_URL: '' }, [
      '--data',
      dataDir,
    ]);
    const ids = await startSessions(server.url, WRITERS);
    const lens = await serverWrites(server.url, ids);
    await server.stop();
    const pg = new PGlite({ dataDir, relaxedDurability: false, startParams: pgliteStartParams(false) });
    await pg.waitReady;
    const docs = await readDocs(async (q, p) => (await pg.query(q, p)).rows, ids);
    const raw = await rawWrites(async (next, prev) => {
      const [update, event] = rawParams(next, prev);
      await pg.transaction(async (tx) => {
        await tx.query(RAW_UPDATE, update);
        await tx.query(RAW_EVENT, event);
      });
    }, docs);
    await pg.close();
    return { lens, raw };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function throughput(label, runOnce) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = await runOnce();
    runs.push(run);
    console.log(
      `    run ${i + 1}: server ${Math.round(run.lens)}/s, raw ${Math.round(run.raw)}/s, ratio ${(run.lens / run.raw).toFixed(2)}   (load ${load()})`,
    );
  }
  const lens = median(runs.map((r) => r.lens));
  const raw = median(runs.map((r) => r.raw));
  const ratio = median(runs.map((r) => r.lens / r.raw));
  console.log(
    `  ${label}: server ${Math.round(lens)} writes/s, raw ${Math.round(raw)} writes/s, ratio ${ratio.toFixed(2)} (medians of ${RUNS})`,
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
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (!data || !frame.includes('event: session\n')) continue;
          const session = JSON.parse(data);
          const key = `${session.id}@${session.version}`;
          if (seen.has(key)) duplicates += 1;
          else seen.set(key, performance.now());
        }
      });
    });
    req.on('error', reject);
  });
  return { ready, seen, duplicates: () => duplicates, close: () => req.destroy() };
}

/** Two processes on one PostgreSQL, open loop at RATE writes/s, a watcher on each. */
async function twoInstancesRun() {
  const { url, drop } = await postgresSchema();
  const servers = [];
  try {
    servers.push(await startCli({ DATABASE_URL: url }));
    servers.push(await startCli({ DATABASE_URL: url }));
    const ids = await startSessions(servers[0].url, TWO_SESSIONS);
    const watchers = servers.map((server) => watch(server.url));
    await Promise.all(watchers.map((w) => w.ready));
    const sent = new Map(); // `${id}@${version}` → send time
    const pending = new Set();
    let acknowledged = 0;
    let failed = 0;
    const started = performance.now();
    let issued = 0;
    const busy = new Set(); // one write per session at a time keeps versions unambiguous
    while (performance.now() - started < SECONDS * 1000) {
      const due = Math.floor(((performance.now() - started) / 1000) * RATE);
      for (; issued < due; issued += 1) {
        const id = ids[issued % ids.length];
        const server = servers[issued % servers.length];
        if (busy.has(id)) continue; // offered but the agent is still waiting: counted as offered
        busy.add(id);
        const at = performance.now();
        const write = request(server.url, 'POST', `/v1/sessions/${id}/activity`, {
          steps: [{ name: 'Work', status: issued % 2 ? 'running' : 'pending' }],
        })
          .then((res) => {
            if (res.status !== 200) return void (failed += 1);
            acknowledged += 1;
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
    const result = { rate: acknowledged / elapsed, offered: issued / elapsed, failed, watchers: [] };
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
  await throughput('PGlite', () => pgliteRun(template));
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
      `    run ${i + 1}: offered ${Math.round(run.offered)}/s, acknowledged ${Math.round(run.rate)}/s (${run.failed} failed); ${w}   (load ${load()})`,
    );
  }
  const all = runs.flatMap((r) => r.watchers);
  console.log(
    `  two instances: acknowledged ${Math.round(median(runs.map((r) => r.rate)))}/s, missed ${Math.max(...all.map((w) => w.missed))}, duplicated ${Math.max(...all.map((w) => w.duplicated))} (worst watcher), write → event p50 ${median(all.map((w) => w.p50)).toFixed(1)} ms, p99 ${median(all.map((w) => w.p99)).toFixed(1)} ms (medians of ${RUNS} runs × 2 watchers)`,
  );
}
console.log(`\nload average at the end: ${load()}`);
process.exit(0);

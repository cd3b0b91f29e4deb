// Benchmarks of the SDK's hot paths (`pnpm bench:sdk`; run `pnpm build` first). Prints figures;
// asserts nothing. Run with `node --expose-gc` for the memory figure (the script re-executes
// itself with the flag when it is missing).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createEventDecoder, createLiveSessions, compareSessions } from '../dist/index.js';

if (typeof globalThis.gc !== 'function') {
  execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url)], { stdio: 'inherit' });
  process.exit(0);
}

const KINDS = ['flow', 'task', 'chat', 'assessment'];
const STATUSES = ['running', 'completed', 'failed', 'waiting', 'queued', 'pending_review', 'cancelled'];
const T0 = Date.now();

/** A realistic session: every optional block a demo workspace fills in. */
function makeSession(i, version = 1, updatedAt = T0 - i * 1000) {
  const kind = KINDS[i % 4];
  return {
    id: `ses_${i.toString(36).padStart(8, '0')}`,
    kind,
    title: `Refactor the checkout flow to support split payments (${i})`,
    description: 'Touches the cart service, the payment adapter and the receipts template.',
    status: STATUSES[i % STATUSES.length],
    owner: {
      id: `mem_${i % 40}`,
      name: `Member ${i % 40}`,
      avatarUrl: `https://avatars.example.com/${i % 40}.png`,
    },
    createdAt: new Date(T0 - 86_400_000).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
    ...(kind === 'chat' ? { lastMessageAt: new Date(updatedAt).toISOString(), chatMode: 'work' } : {}),
    progress:
      kind === 'flow'
        ? {
            steps: ['plan', 'edit', 'test', 'review', 'merge'].map((name, s) => ({
              name,
              status: s < 2 ? 'completed' : s === 2 ? 'running' : 'pending',
              ...(s <= 2 ? { startedAt: new Date(T0 - 60_000 * (5 - s)).toISOString() } : {}),
            })),
          }
        : kind === 'task'
          ? { turns: 12 }
          : kind === 'chat'
            ? { messages: 8 }
            : { executions: 14 },
    cost: { amountUsd: '0.84', credits: 84, turns: { priced: 10, estimated: 1, unpriced: 1 } },
    links: {
      initiative: { id: 'init_checkout', title: 'Checkout revamp' },
      plan: { id: 'plan_q3', title: 'Q3 plan' },
      repository: { title: 'acme/shop', url: 'https://github.com/acme/shop' },
    },
    ...(kind === 'assessment'
      ? { agent: { id: `ag_${i % 100}`, hostname: `host-${i % 100}.internal` }, playbook: 'cis-baseline' }
      : {}),
    counts: { executions: 14, insights: 3, toolCalls: 42 },
    metadata: { model: 'claude-sonnet', runtime: 'node20', sandbox: 'firecracker', origin: 'web' },
    visibility: { type: 'workspace' },
    version,
  };
}

function fmt(n) {
  return Math.round(n).toLocaleString('en-US');
}

// 1. Stream parse + validate throughput.
{
  const N = 50_000;
  const encoder = new TextEncoder();
  const text = Array.from(
    { length: N },
    (_, i) => `event: session\nid: ${i + 1}\ndata: ${JSON.stringify(makeSession(i))}\n\n`,
  ).join('');
  const bytes = encoder.encode(text);
  const CHUNK = 16 * 1024;
  let events = 0;
  let errors = 0;
  const run = () => {
    const decoder = createEventDecoder({ onEvent: () => events++, onError: () => errors++ });
    for (let o = 0; o < bytes.length; o += CHUNK) decoder.feed(bytes.subarray(o, o + CHUNK));
  };
  run(); // warm-up
  events = 0;
  const started = performance.now();
  run();
  const ms = performance.now() - started;
  console.log(
    `stream parse+validate: ${fmt((events / ms) * 1000)} events/s, ${((bytes.length / 1e6 / ms) * 1000).toFixed(1)} MB/s ` +
      `(${fmt(events)} events of ~${fmt(bytes.length / N)} B in 16 KB chunks, ${errors} errors)`,
  );
}

// 2. Live store: apply rate into a store of 100,000 sessions, and memory per session.
{
  const N = 100_000;
  const UPDATES = 100_000;
  const sessions = Array.from({ length: N }, (_, i) => makeSession(i));
  sessions.sort(compareSessions(T0));
  const queue = [];
  let head = 0;
  let wake;
  let done;
  const fakeClient = {
    sessions: {
      list: async () => ({ data: sessions, nextCursor: null }),
      watch: (_filters, options) => ({
        lastEventId: undefined,
        async *[Symbol.asyncIterator]() {
          options.onStateChange?.('live', 0);
          while (!options.signal.aborted) {
            // Index, not shift(): shifting a 100k-element array would dominate the figure.
            while (head < queue.length) yield queue[head++];
            await new Promise((r) => (wake = r));
          }
        },
      }),
    },
  };
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const store = createLiveSessions(fakeClient, {}, { pageSize: N, schedule: (f) => setTimeout(f, 16) });
  await new Promise((resolve) => {
    const off = store.subscribe((s) => {
      if (s.loaded && s.sessions.length === N) {
        off();
        resolve();
      }
    });
  });
  globalThis.gc();
  const after = process.memoryUsage().heapUsed;
  // The session objects themselves are held by the test's array too; measure what the store adds.
  console.log(
    `live store memory: ${fmt((after - before) / N)} B per session of store overhead (index, order, snapshot) for ${fmt(N)} sessions`,
  );
  const payloadBefore = process.memoryUsage().heapUsed;
  const copies = sessions.map((s) => JSON.parse(JSON.stringify(s)));
  globalThis.gc();
  console.log(
    `session payload in memory: ${fmt((process.memoryUsage().heapUsed - payloadBefore) / N)} B per parsed session`,
  );
  copies.length = 0;

  const updates = Array.from({ length: UPDATES }, (_, k) => {
    const i = Math.floor(Math.random() * N);
    const base = sessions[i];
    return {
      type: 'session',
      id: String(k + 1),
      data: { ...base, version: base.version + 1 + k, updatedAt: new Date(T0 + k).toISOString() },
    };
  });
  const started = performance.now();
  await new Promise((resolve) => {
    done = resolve;
    queue.push(...updates);
    const poll = () => (head >= queue.length ? done() : setImmediate(poll));
    wake?.();
    setImmediate(poll);
  });
  // Let the last yielded events be applied.
  await new Promise((r) => setTimeout(r, 0));
  const ms = performance.now() - started;
  console.log(
    `live store apply: ${fmt((UPDATES / ms) * 1000)} events/s into ${fmt(N)} sessions (${fmt(store.stats.applied - N)} applied, order kept)`,
  );
  const list = store.sessions;
  const cmp = compareSessions(Date.now());
  let sorted = true;
  for (let i = 1; i < list.length; i++) if (cmp(list[i - 1], list[i]) > 0) sorted = false;
  console.log(`live store order check: ${sorted ? 'S9 order holds' : 'ORDER BROKEN'}`);
  store.dispose();
  wake?.();
}

// 3. End-to-end: server write → store update latency, against the REAL reference server running
// in a child process (test/server-process.js), with the store subscribed here through the SDK
// client over real HTTP on 127.0.0.1. Writes are activity posts (one turn each; every post is
// one event) paced open-loop at the target rate, with at most one write in flight per session
// (so a version newer than the one before the write identifies it) and WRITERS sessions in all:
// when every session is waiting, the write is late and the achieved rate says so. Latency is
// from just before the request is sent to the store notification (the store's own batching,
// a zero-delay timer in Node) that holds the new version.
{
  const TARGET = Number(process.env.BENCH_E2E_RATE ?? 1_000);
  const SECONDS = Number(process.env.BENCH_E2E_SECONDS ?? 5);
  const WRITERS = 128;
  const { fork } = await import('node:child_process');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { randomBytes } = await import('node:crypto');
  const { createClient } = await import('../dist/index.js');

  /** Starts the server process; resolves to { url, admin, stop }. */
  async function startServerProcess(options) {
    const child = fork(
      fileURLToPath(new URL('../test/server-process.js', import.meta.url)),
      [
        JSON.stringify({
          port: 0,
          host: '127.0.0.1',
          seed: 'demo',
          seedSessions: 200,
          validateResponses: false,
          // One admin token writes at the target rate: the per-token rate limit would cap it.
          limits: { requestsPerToken: false },
          ...options,
        }),
      ],
      { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, NODE_ENV: 'production' } },
    );
    const ready = await new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
      child.on('message', (m) => m.type === 'ready' && resolve(m));
    });
    return {
      url: ready.url,
      admin: ready.tokens.admin,
      stop: async () => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        if (child.connected) child.send('close');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      },
    };
  }

  function percentile(sorted, p) {
    return sorted.length === 0
      ? NaN
      : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  }

  async function run(label, server, rate) {
    const post = (path, body) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (response) => {
        if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
        return response.json();
      });
    const writers = [];
    for (let i = 0; i < WRITERS; i += 16) {
      writers.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(16, WRITERS - i) }, (_, j) =>
            post('/v1/sessions', {
              kind: 'task',
              title: `bench writer ${i + j}`,
              visibility: { type: 'workspace' },
            }),
          ),
        )),
      );
    }
    const client = createClient({ baseUrl: server.url, token: server.admin });
    const store = createLiveSessions(client, {}, { pageSize: 200 });
    await new Promise((resolve) => {
      const off = store.subscribe((s) => {
        if (s.state.status === 'live' && writers.every((w) => s.get(w.id))) {
          off();
          resolve();
        }
      });
    });

    // Per writer: the version before its write; when its write in flight was sent.
    const base = new Map(writers.map((w) => [w.id, w.version]));
    const sentAt = new Map();
    const answered = new Set();
    const idle = writers.map((w) => w.id);
    const latencies = [];
    let measuring = false;
    let failures = 0;
    let notifications = 0;
    store.subscribe((s) => {
      notifications++;
      const now = performance.now();
      for (const [id, { t0, measured }] of sentAt) {
        const held = s.get(id)?.version ?? 0;
        if (held > base.get(id)) {
          if (measured) latencies.push(now - t0);
          sentAt.delete(id);
          base.set(id, held);
          // Free again once the response has also come back.
          if (answered.delete(id)) idle.push(id);
        }
      }
    });
    const write = (id, k) => {
      sentAt.set(id, { t0: performance.now(), measured: measuring });
      post(`/v1/sessions/${id}/activity`, {
        turns: [{ model: 'claude-sonnet', pricing: 'priced', amountUsd: '0.0012', tokens: 100 + (k % 900) }],
      }).then(
        () => {
          if (sentAt.has(id)) answered.add(id);
          else idle.push(id);
        },
        () => {
          failures++;
          sentAt.delete(id);
          idle.push(id);
        },
      );
    };

    // Open-loop pacing at `rate`/s: 1 s of warm-up (not measured), then SECONDS measured.
    let due = 0;
    let sent = 0;
    let late = 0;
    let measuredSent = 0;
    const begin = performance.now();
    const warmupEnd = begin + 1_000;
    const end = warmupEnd + SECONDS * 1_000;
    let measureStart = warmupEnd;
    await new Promise((resolve) => {
      const pump = () => {
        const now = performance.now();
        if (now >= end) return resolve();
        if (!measuring && now >= warmupEnd) {
          measuring = true;
          measureStart = now;
        }
        const target = Math.floor(((now - begin) / 1_000) * rate);
        while (due < target) {
          due++;
          const id = idle.shift();
          if (id === undefined) {
            if (measuring) late++;
            continue;
          }
          write(id, sent++);
          if (measuring) measuredSent++;
        }
        setImmediate(pump);
      };
      pump();
    });
    const measuredMs = performance.now() - measureStart;
    measuring = false;
    // Let the writes in flight land (not measured).
    const drainUntil = performance.now() + 10_000;
    while (sentAt.size > 0 && performance.now() < drainUntil) await new Promise((r) => setTimeout(r, 10));
    store.dispose();

    latencies.sort((a, b) => a - b);
    const achieved = (latencies.length / measuredMs) * 1_000;
    console.log(
      `end-to-end write→store (${label}): target ${fmt(rate)} events/s, achieved ${fmt(achieved)} events/s ` +
        `(${fmt(measuredSent)} sent, ${fmt(latencies.length)} observed in ${(measuredMs / 1000).toFixed(1)} s; ` +
        `${fmt(late)} sends skipped with all ${WRITERS} writers busy; ${failures} failed; ${fmt(notifications)} notifications)` +
        `\n  latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, ` +
        `max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms`,
    );
    return achieved;
  }

  /**
   * At the target rate, and — when the server cannot keep up, so that figure is mostly queueing
   * behind WRITERS writes in flight — again at half the rate it achieved, which it sustains.
   */
  async function runBoth(label, server) {
    const achieved = await run(label, server, TARGET);
    if (achieved < TARGET * 0.95) {
      await run(`${label}, at half its capacity`, server, Math.max(1, Math.floor(achieved / 2)));
    }
  }

  // PGlite (one process, one connection): fsync off, as the server's benchmarks run it.
  {
    const dataDir = await mkdtemp(join(tmpdir(), 'session-lens-bench-e2e-'));
    const server = await startServerProcess({ dataDir, pgliteFsync: false });
    try {
      await runBoth('PGlite, SESSION_LENS_PGLITE_FSYNC=off', server);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }

  // PostgreSQL, in a schema of its own that is dropped afterwards.
  const databaseUrl = process.env.SESSION_LENS_TEST_DATABASE_URL;
  if (!databaseUrl) {
    console.log('end-to-end on PostgreSQL: skipped (set SESSION_LENS_TEST_DATABASE_URL to run it)');
  } else {
    const { openDatabase } = await import('../../server/dist/index.js');
    const schema = `sl_bench_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ databaseUrl });
    await admin.exec(`create schema ${schema}`);
    try {
      const url = `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}search_path=${schema}`;
      const server = await startServerProcess({ databaseUrl: url });
      try {
        await runBoth('PostgreSQL, one server process', server);
      } finally {
        await server.stop();
      }
    } finally {
      await admin.exec(`drop schema if exists ${schema} cascade`);
      await admin.close();
    }
  }
}

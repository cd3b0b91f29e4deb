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

import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type SessionLensApp } from './app.js';
import { openDatabase, type Database } from './db/index.js';
import { freshDataDir } from './test/harness.js';
import {
  ADMIN_VIEWER,
  change,
  CollectingSink,
  startSessions,
  type Declared,
  type Delivered,
} from './test/event-log.js';
import { bootstrapAdmin } from './workspace.js';

// The event log's promise (stream/hub.ts): every committed change reaches every tailer on every
// instance exactly once, in one order they all agree on, never skipping a change that commits
// late, with aborted changes never seen; Last-Event-ID resumes anywhere and `reset` follows
// retention. Checked against real PostgreSQL with two instances, and against PGlite.

const BASE_URL = process.env.SESSION_LENS_TEST_DATABASE_URL;
const TOKEN = 'event-log-admin-token';
const SESSIONS = 6;

/** A transaction of the property: where it runs, what it changes, how long it stays open. */
const transactionArb = fc.record({
  instance: fc.integer({ min: 0, max: 1 }),
  session: fc.integer({ min: 0, max: SESSIONS - 1 }),
  startMs: fc.integer({ min: 0, max: 15 }),
  holdMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 25 })),
  // About one in four rolls back after writing.
  abort: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
  // Mostly grouped changes; some that run alone, some that must be sent out of their group.
  declared: fc.constantFrom<Declared[]>('own', 'own', 'own', 'none', 'wrong'),
});
const runArb = fc.record({
  transactions: fc.array(transactionArb, { minLength: 5, maxLength: 40 }),
  resumeAfter: fc.integer({ min: 0, max: 39 }),
});

type Run = {
  transactions: {
    instance: number;
    session: number;
    startMs: number;
    holdMs: number;
    abort: boolean;
    declared: Declared;
  }[];
  resumeAfter: number;
};

type Instance = { db: Database; lens: SessionLensApp; live: CollectingSink };

async function openInstance(url: string | undefined, dataDir: string | undefined): Promise<Instance> {
  // Two shared transactions in flight at most, so concurrent changes do share them.
  const db = await openDatabase({ databaseUrl: url, dataDir, pgliteFsync: false, writeGroups: 2 });
  // Only the property's own pokes and polls move the tail; pruning only when a test asks.
  const lens = await createApp({ db, stream: { pollMs: 10, pruneMs: 3_600_000, retention: 1_000_000 } });
  await bootstrapAdmin(db, lens.settings, TOKEN);
  const live = new CollectingSink();
  await lens.hub.subscribe(live, ADMIN_VIEWER, {}, undefined);
  return { db, lens, live };
}

/** Waits until every tailer delivered the whole log. */
async function settled(instances: Instance[]): Promise<void> {
  const [row] = await instances[0]!.db.query<{ seq: number }>('select max(seq)::float8 as seq from events');
  for (const { live } of instances) await live.reach(row!.seq);
}

/** Runs one generated history and checks what every tailer saw. */
async function checkHistory(instances: Instance[], ids: string[], run: Run): Promise<void> {
  const mark = Math.max(...instances.map(({ lens }) => lens.hub.dispatchedThrough));
  const committed: Delivered[] = [];
  let resumed: { sink: CollectingSink; after: number } | undefined;
  await Promise.all(
    run.transactions.map(async (t, index) => {
      await new Promise((resolve) => setTimeout(resolve, t.startMs));
      if (index === run.resumeAfter % run.transactions.length) {
        // Mid-history, a client leaves one instance and resumes on the other with the last id it saw.
        const from = instances[t.instance]!;
        const to = instances[(t.instance + 1) % instances.length]!;
        const after = from.live.delivered.at(-1)?.seq ?? 0;
        const sink = new CollectingSink();
        await to.lens.hub.subscribe(sink, ADMIN_VIEWER, {}, after);
        resumed = { sink, after };
      }
      const instance = instances[t.instance % instances.length]!;
      const done = await change(instance.lens, ids[t.session]!, t.holdMs, t.abort, t.declared);
      if (done) committed.push(done);
    }),
  );
  const expected = committed.sort((a, b) => a.seq - b.seq);
  const last = expected.at(-1)?.seq ?? mark;
  for (const { live } of instances) {
    await live.reach(last);
    expect(live.since(mark)).toEqual(expected);
  }
  // Positions strictly increase, and so does each session's version along the stream.
  const versions = new Map<string, number>();
  for (const [index, row] of expected.entries()) {
    if (index > 0) expect(row.seq).toBeGreaterThan(expected[index - 1]!.seq);
    expect(row.version).toBeGreaterThan(versions.get(row.id) ?? 0);
    versions.set(row.id, row.version);
  }
  if (resumed) {
    const { sink, after } = resumed;
    if (last > after) await sink.reach(last);
    const all = instances[0]!.live.delivered;
    expect(sink.delivered).toEqual(all.filter((row) => row.seq > after));
    expect(sink.resets).toEqual([]);
  }
}

/** Concurrent changes (two per session) commit in fewer transactions than changes, all durable. */
async function expectSharedCommits(instance: Instance, ids: string[]): Promise<void> {
  const done = await Promise.all([...ids, ...ids].map((id) => change(instance.lens, id, 0, false)));
  const xids = new Set(done.map((row) => Math.floor(row!.seq / 1024)));
  expect(xids.size).toBeLessThan(done.length);
  // Acknowledged means durable and visible: every one is in the table.
  const rows = await instance.db.query<{ n: number }>(
    'select count(*)::int as n from events where seq = any($1::bigint[])',
    [done.map((row) => String(row!.seq))],
  );
  expect(rows[0]!.n).toBe(done.length);
}

describe.skipIf(!BASE_URL)('event log on PostgreSQL, two instances', () => {
  const schema = `sl_log_${randomBytes(4).toString('hex')}`;
  const instances: Instance[] = [];
  let ids: string[] = [];

  beforeAll(async () => {
    const sql = postgres(BASE_URL!, { onnotice: () => {} });
    await sql.unsafe(`create schema ${schema}`);
    await sql.end();
    const url = `${BASE_URL}${BASE_URL!.includes('?') ? '&' : '?'}search_path=${schema}`;
    instances.push(...(await Promise.all([openInstance(url, undefined), openInstance(url, undefined)])));
    ids = await startSessions(instances[0]!.lens, TOKEN, SESSIONS);
    await settled(instances);
  });

  afterAll(async () => {
    for (const { lens, db } of instances) {
      await lens.close();
      await db.close();
    }
    const sql = postgres(BASE_URL!, { onnotice: () => {} });
    await sql.unsafe(`drop schema if exists ${schema} cascade`);
    await sql.end();
  });

  it('delivers each committed change once, in one order, on both instances, with late commits and aborts', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, (run) => checkHistory(instances, ids, run)),
      { numRuns: 25 },
    );
  });

  it('concurrent writes share transactions (session locks taken first), each acknowledged after its commit', async () => {
    await expectSharedCommits(instances[0]!, ids);
  });

  it('a write to one session commits while another session’s write is held open on the other instance', async () => {
    const [a, b] = instances;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const open = a!.lens.store.mutate([ids[0]!], async (tx) => {
      const stored = await a!.lens.store.load(tx, ids[0]!);
      const next = { ...stored!.session, version: stored!.session.version + 1 };
      await a!.lens.store.write(tx, next, stored!.session);
      written();
      await held;
    });
    await wrote;
    // Nothing shared by all sessions is held by the open transaction: B's write commits now.
    const other = await change(b!.lens, ids[1]!, 0, false);
    expect(other).toBeDefined();
    // …and its event waits (xmin) for the open one, which then comes first, as its xid is lower.
    release();
    await open;
    const [first] = await a!.db.query<{ seq: number }>(
      'select seq::float8 as seq from events where session_id = $1 order by seq desc limit 1',
      [ids[0]!],
    );
    await b!.live.reach(other!.seq);
    const order = b!.live.delivered.slice(-2).map((row) => row.seq);
    expect(order).toEqual([first!.seq, other!.seq]);
  });

  it('a client resuming on an instance whose tail is behind its Last-Event-ID gets nothing twice', async () => {
    const [a] = instances;
    // An instance that reads the log only when poked: its tail stays where it started.
    const behind = await createApp({ db: a!.db, stream: { pollMs: 3_600_000, pruneMs: 3_600_000 } });
    try {
      const first = (await change(a!.lens, ids[0]!, 0, false))!;
      const second = (await change(a!.lens, ids[1]!, 0, false))!;
      await a!.live.reach(second.seq);
      expect(behind.hub.dispatchedThrough).toBeLessThan(first.seq);
      // The client saw `first` on instance A and reconnects to the lagging one.
      const sink = new CollectingSink();
      await behind.hub.subscribe(sink, ADMIN_VIEWER, {}, first.seq);
      behind.hub.poke();
      await sink.reach(second.seq);
      expect(sink.delivered).toEqual([second]);
      expect(sink.resets).toEqual([]);
    } finally {
      await behind.close();
    }
  });

  it('sends reset on the other instance once one instance pruned past the id', async () => {
    const [a, b] = instances;
    const before = b!.live.delivered.at(-1)!.seq;
    for (let i = 0; i < 4; i += 1) await change(a!.lens, ids[i % SESSIONS]!, 0, false);
    const last = (await change(a!.lens, ids[5]!, 0, false))!;
    await a!.live.reach(last.seq);
    await b!.live.reach(last.seq);
    // Keep only the newest two.
    const pruning = await createApp({ db: a!.db, stream: { retention: 2, pruneMs: 3_600_000 } });
    await pruning.hub.prune();
    await pruning.close();
    const stale = new CollectingSink();
    await b!.lens.hub.subscribe(stale, ADMIN_VIEWER, {}, before);
    expect(stale.resets).toEqual([0]);
    const recent = new CollectingSink();
    const secondLast = b!.live.delivered.at(-2)!.seq;
    await b!.lens.hub.subscribe(recent, ADMIN_VIEWER, {}, secondLast);
    expect(recent.resets).toEqual([]);
    expect(recent.delivered).toEqual([b!.live.delivered.at(-1)]);
  });
});

describe('event log on PGlite (one process, grouped commits)', () => {
  const dataDir = freshDataDir();
  let instance: Instance;
  let ids: string[] = [];

  beforeAll(async () => {
    instance = await openInstance(undefined, dataDir);
    ids = await startSessions(instance.lens, TOKEN, SESSIONS);
    await settled([instance]);
  });

  afterAll(async () => {
    await instance?.lens.close();
    await instance?.db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers each committed change once and in order, resumable, with aborts inside shared transactions', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, (run) =>
        checkHistory(
          [instance],
          ids,
          // One instance: every transaction runs on it.
          { ...run, transactions: run.transactions.map((t) => ({ ...t, instance: 0 })) },
        ),
      ),
      { numRuns: 20 },
    );
  });

  it('concurrent writes share transactions, and each is acknowledged after its commit', async () => {
    await expectSharedCommits(instance, ids);
  });
});

/// <reference types="mocha" />
/**
 * The SDK's live store (`createLiveSessions`, K5) in a real browser against the REAL reference
 * server (started once for the run by test/real-server-plugin.js and proxied on the page's
 * origin). No elements are involved: this is the store as a framework-free integration uses it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import {
  compareSessions,
  createClient,
  createLiveSessions,
  type LiveSessions,
  type Session,
  type SessionLensClient,
} from '@session-lens/sdk';
import { realServer } from './real-server.js';

/** How many of the proxied `/v1/stream` requests tagged `tag` are open (see the plugin). */
async function openStreams(tag: string): Promise<number> {
  const response = await fetch(`/__lens/streams.json?tag=${encodeURIComponent(tag)}`, {
    cache: 'no-store',
  });
  return ((await response.json()) as { open: number }).open;
}

/** Every session the server lists, walking all pages (the server's S9 order). */
async function walk(client: SessionLensClient): Promise<Session[]> {
  const out: Session[] = [];
  for await (const session of client.sessions.list({ limit: 200 })) out.push(session);
  return out;
}

/** Loads every page into the store, so it holds the whole workspace (no loaded-window boundary). */
async function loadAll(store: LiveSessions): Promise<void> {
  while (store.hasMore) await store.loadMore();
}

const summary = (sessions: readonly Session[]) => sessions.map((s) => `${s.id}@${s.version}`);

describe('createLiveSessions in Chromium on the real server', function () {
  // The first test may wait for the server to finish seeding.
  this.timeout(60_000);
  const tag = `live-store-${Date.now().toString(36)}`;
  let client: SessionLensClient;
  let store: LiveSessions | undefined;

  before(async () => {
    const { baseUrl, tokens } = await realServer();
    client = createClient({ baseUrl, token: tokens.admin, headers: { 'x-lens-test': tag } });
  });

  afterEach(() => store?.dispose());

  it('goes live, reflects API writes in S9 order with the server’s versions', async () => {
    const live = (store = createLiveSessions(client, {}, { pageSize: 200 }));
    expect(live.state.status).to.equal('connecting');
    await waitUntil(() => live.state.status === 'live' && live.loaded, 'live', { timeout: 30_000 });
    await loadAll(live);
    expect(live.sessions.length).to.be.greaterThan(0);

    const started = await client.sessions.start({
      kind: 'flow',
      title: `Browser store ${tag}`,
      visibility: { type: 'workspace' },
    });
    await waitUntil(() => live.get(started.id)?.version === started.version, 'started session', {
      timeout: 5_000,
      interval: 5,
    });
    // The newest active session sorts first.
    expect(live.sessions[0]!.id).to.equal(started.id);

    const stepped = await client.sessions.ingest(started.id, {
      steps: [
        { name: 'plan', status: 'completed' },
        { name: 'edit', status: 'running' },
      ],
    });
    expect(stepped.version).to.be.greaterThan(started.version);
    await waitUntil(() => live.get(started.id)?.version === stepped.version, 'activity', {
      timeout: 5_000,
      interval: 5,
    });
    expect(live.get(started.id)!.progress).to.deep.equal(stepped.progress);

    const failed = await client.sessions.ingest(started.id, {
      status: 'failed',
      error: { code: 'browser', message: 'Stopped by the browser store test.' },
    });
    await waitUntil(() => live.get(started.id)?.version === failed.version, 'failed', {
      timeout: 5_000,
      interval: 5,
    });
    expect(live.get(started.id)!.status).to.equal('failed');

    // S9 order at the store's clock…
    const order = compareSessions(Date.now());
    const list = live.sessions;
    for (let i = 1; i < list.length; i++) expect(order(list[i - 1]!, list[i]!)).to.be.at.most(0);
    // …and exactly the server's sessions, order and versions. (Retried: a seeded chat whose
    // 30 minutes run out while the walk is in flight is sorted by two different clocks.)
    let server: string[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      server = summary(await walk(client));
      if (JSON.stringify(server) === JSON.stringify(summary(live.sessions))) break;
    }
    expect(summary(live.sessions)).to.deep.equal(server);
    expect(live.state).to.deep.equal({ status: 'live', error: undefined });
  });

  it('notifies subscribers at most once per animation frame during a burst of writes', async () => {
    const live = (store = createLiveSessions(client, {}, { pageSize: 200 }));
    await waitUntil(() => live.state.status === 'live' && live.loaded, 'live', { timeout: 30_000 });
    const sessions = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        client.sessions.start({
          kind: 'task',
          title: `Burst ${i} ${tag}`,
          visibility: { type: 'workspace' },
        }),
      ),
    );
    await waitUntil(() => sessions.every((s) => live.get(s.id)?.version === s.version), 'burst sessions', {
      timeout: 5_000,
    });

    // Frame numbers, counted by a rAF loop registered before any notification of the burst.
    let frame = 0;
    let counting = true;
    const onFrame = () => {
      frame++;
      if (counting) requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const framesOfCalls: number[] = [];
    const off = live.subscribe(() => framesOfCalls.push(frame));
    const appliedBefore = live.stats.applied;
    const firstFrame = frame;

    // The burst: 40 activity posts, sent together. Once the requests are out, the main thread
    // is kept busy for a while, as a page doing work would be, so the stream's events pile up
    // between two frames; the store must still notify once for them, not once per event.
    const writes: Promise<Session>[] = [];
    for (let k = 0; k < 40; k++) {
      writes.push(client.sessions.ingest(sessions[k % 5]!.id, { turns: [turn(k)] }));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    const busyUntil = performance.now() + 1_000;
    while (performance.now() < busyUntil) {
      // Busy: the page is doing something else.
    }
    const results = await Promise.all(writes);
    const last = new Map<string, number>();
    for (const s of results) last.set(s.id, Math.max(last.get(s.id) ?? 0, s.version));
    await waitUntil(
      () => [...last].every(([id, version]) => live.get(id)?.version === version),
      'burst applied',
      { timeout: 10_000, interval: 5 },
    );
    // Let the last scheduled notification run.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    counting = false;
    off();

    const applied = live.stats.applied - appliedBefore;
    const calls = framesOfCalls.length;
    expect(applied).to.equal(40);
    expect(calls).to.be.greaterThan(0);
    // Batched: fewer notifications than events, never two in one frame, never more than frames.
    expect(calls).to.be.lessThan(applied);
    expect(new Set(framesOfCalls).size).to.equal(calls);
    expect(calls).to.be.at.most(frame - firstFrame);
    console.log(`burst: ${applied} events applied, ${calls} notifications over ${frame - firstFrame} frames`);
  });

  it('dispose closes the stream: the connection ends and nothing more is applied', async () => {
    // A tag of its own: the streams of earlier tests' stores close on the browser's schedule, and
    // must not be counted here.
    const own = `${tag}-dispose`;
    const { baseUrl, tokens } = await realServer();
    const ownClient = createClient({ baseUrl, token: tokens.admin, headers: { 'x-lens-test': own } });
    const live = (store = createLiveSessions(ownClient, {}, { pageSize: 50 }));
    // A second store stays open as a witness: once it has a write, a stream still open would have it too.
    const witness = createLiveSessions(client, {}, { pageSize: 50 });
    await waitUntil(() => live.state.status === 'live' && live.loaded, 'live', { timeout: 30_000 });
    await waitUntil(() => witness.state.status === 'live' && witness.loaded, 'witness live', {
      timeout: 30_000,
    });
    // At least one: rarely (about 1 run in 30 here) the store has reconnected once early and the
    // browser has not yet closed the first socket; dispose must close them all either way.
    await waitUntil(async () => (await openStreams(own)) >= 1, 'an open stream at the proxy', {
      timeout: 5_000,
    });
    const session = await client.sessions.start({
      kind: 'task',
      title: `Dispose ${tag}`,
      visibility: { type: 'workspace' },
    });
    await waitUntil(
      () => live.get(session.id)?.version === session.version && witness.get(session.id) !== undefined,
      'session',
      { timeout: 5_000 },
    );
    let calls = 0;
    live.subscribe(() => calls++);

    live.dispose();
    // Well under the stream's own stall timeout (30 s), so only the abort can have closed it.
    await waitUntil(async () => (await openStreams(own)) === 0, 'stream closed at the proxy', {
      timeout: 15_000,
    });
    const later = await client.sessions.ingest(session.id, { turns: [turn(0)] });
    expect(later.version).to.be.greaterThan(session.version);
    await waitUntil(() => witness.get(session.id)?.version === later.version, 'the write at the witness', {
      timeout: 5_000,
    });
    witness.dispose();
    expect(live.get(session.id)!.version).to.equal(session.version);
    expect(calls).to.equal(0);
  });
});

function turn(k: number) {
  return { model: 'claude-sonnet', pricing: 'priced' as const, amountUsd: '0.01', tokens: 100 + k };
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionLensClient } from '../client/client.js';
import type { WatchOptions } from '../stream/session-stream.js';
import type { StreamEvent } from '../contract/events.js';
import type { SessionFilters } from '../contract/requests.js';
import type { Page } from '../contract/responses.js';
import type { Session } from '../contract/session.js';
import { compareSessions } from '../helpers/order.js';
import { makeSession } from '../../test/fake-server.js';
import { createLiveSessions, type LiveSessions } from './live-sessions.js';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A stand-in for the client: pages come from `server` (an array sorted per S9 at call time),
 * and events are pushed by the test. The store sees exactly the surface it uses.
 */
function fakeClient(server: { sessions: Session[] }) {
  const queue: StreamEvent[] = [];
  let wake: (() => void) | undefined;
  let watchOptions: WatchOptions | undefined;
  const listCalls: (string | undefined)[] = [];
  let gate: Promise<void> | undefined;
  const client = {
    sessions: {
      list: async (params: { limit?: number; cursor?: string }) => {
        listCalls.push(params.cursor);
        const sorted = [...server.sessions].sort(compareSessions(Date.now()));
        const page = gate;
        const start = Number(params.cursor ?? 0);
        const end = start + (params.limit ?? 50);
        const result: Page<Session> = {
          data: sorted.slice(start, end),
          nextCursor: end < sorted.length ? String(end) : null,
        };
        if (page) await page;
        return result;
      },
      watch: (_filters: SessionFilters, options: WatchOptions) => {
        watchOptions = options;
        return {
          lastEventId: undefined as string | undefined,
          async *[Symbol.asyncIterator]() {
            options.onStateChange?.('connecting', 0);
            options.onStateChange?.('live', 0);
            while (!options.signal?.aborted) {
              while (queue.length) {
                const e = queue.shift() as StreamEvent;
                this.lastEventId = e.id;
                yield e;
              }
              await new Promise<void>((r) => (wake = r));
            }
          },
        };
      },
    },
  } as unknown as SessionLensClient;
  return {
    client,
    listCalls,
    push(...events: StreamEvent[]) {
      queue.push(...events);
      wake?.();
    },
    /** Holds every page response until the returned function is called. */
    holdPages() {
      let release: () => void = () => {};
      gate = new Promise<void>((r) => (release = r));
      return () => {
        gate = undefined;
        release();
      };
    },
    state: (state: 'reconnecting' | 'live', attempt: number) => watchOptions?.onStateChange?.(state, attempt),
  };
}

const ev = (session: Session, id = String(session.version)): StreamEvent => ({
  type: 'session',
  id,
  data: session,
});
const settle = () => vi.advanceTimersByTimeAsync(0);
const ids = (store: LiveSessions) => store.sessions.map((s) => s.id);

let n = 0;
function s(overrides: Partial<Session> = {}): Session {
  n++;
  return makeSession({
    id: `s${String(n).padStart(3, '0')}`,
    updatedAt: iso(T0 - n * 1000),
    createdAt: iso(T0 - 100_000_000),
    ...overrides,
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('live store', () => {
  it('loads the first page once the stream is live, in S9 order', async () => {
    const a = s({ status: 'completed' });
    const b = s({ status: 'running' });
    const server = { sessions: [a, b] };
    const fake = fakeClient(server);
    const store = createLiveSessions(fake.client);
    expect(store.state.status).toBe('connecting');
    await settle();
    expect(ids(store)).toEqual([b.id, a.id]);
    expect(store.state.status).toBe('live');
    expect(store.hasMore).toBe(false);
    store.dispose();
  });

  it('merges by version: older never overwrites newer, duplicates are no-ops', async () => {
    const a = s({ version: 3, title: 'v3' });
    const fake = fakeClient({ sessions: [a] });
    const store = createLiveSessions(fake.client);
    await settle();
    fake.push(ev({ ...a, version: 2, title: 'v2' }), ev({ ...a, version: 3, title: 'dup' }));
    await settle();
    expect(store.get(a.id)?.title).toBe('v3');
    fake.push(ev({ ...a, version: 5, title: 'v5' }), ev({ ...a, version: 4, title: 'v4' }));
    await settle();
    expect(store.get(a.id)?.title).toBe('v5');
    expect(store.stats).toMatchObject({ applied: 2, ignored: 3 });
    store.dispose();
  });

  it('keeps S9 order as updates move sessions, and removes on session.removed', async () => {
    const sessions = Array.from({ length: 20 }, () => s());
    const fake = fakeClient({ sessions });
    const store = createLiveSessions(fake.client);
    await settle();
    const moved = { ...sessions[15]!, updatedAt: iso(T0), version: 2 };
    const started = { ...sessions[10]!, status: 'running', version: 2 };
    fake.push(ev(moved), ev(started), { type: 'session.removed', id: '99', data: { id: sessions[0]!.id } });
    await settle();
    const expected = [
      ...sessions.filter((x) => x.id !== sessions[0]!.id && x !== sessions[15] && x !== sessions[10]),
      moved,
      started,
    ].sort(compareSessions(Date.now()));
    expect(ids(store)).toEqual(expected.map((x) => x.id));
    expect(ids(store)[0]).toBe(started.id);
    store.dispose();
  });

  it('moves a chat out of the active group 30 minutes after its last message, with no event', async () => {
    const chat = s({
      kind: 'chat',
      status: 'waiting',
      lastMessageAt: iso(T0 - 29 * 60_000),
      updatedAt: iso(T0 - 29 * 60_000),
    });
    const newer = s({ updatedAt: iso(T0 - 1000) });
    const fake = fakeClient({ sessions: [chat, newer] });
    const store = createLiveSessions(fake.client);
    await settle();
    expect(ids(store)).toEqual([chat.id, newer.id]);
    const notified = vi.fn();
    store.subscribe(notified);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(ids(store)).toEqual([chat.id, newer.id]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(ids(store)).toEqual([newer.id, chat.id]);
    expect(notified).toHaveBeenCalledTimes(1);
    store.dispose();
  });

  it('drops a chat from an active:true view when its 30 minutes run out', async () => {
    const chat = s({ kind: 'chat', status: 'waiting', lastMessageAt: iso(T0 - 10 * 60_000) });
    const fake = fakeClient({ sessions: [chat] });
    const store = createLiveSessions(fake.client, { active: true });
    await settle();
    expect(ids(store)).toEqual([chat.id]);
    await vi.advanceTimersByTimeAsync(20 * 60_000 + 10);
    expect(ids(store)).toEqual([]);
    store.dispose();
  });

  it('drops a session when it ages out of a since duration, with no event; an update brings it back', async () => {
    const older = s({ status: 'completed', updatedAt: iso(T0 - 45 * 60_000) });
    const newer = s({ status: 'completed', updatedAt: iso(T0 - 10 * 60_000) });
    // An active chat whose window lapses before it ages out: both deadlines count, in turn.
    const at = iso(T0 - 20 * 60_000);
    const chat = s({ kind: 'chat', status: 'waiting', lastMessageAt: at, updatedAt: at });
    const fake = fakeClient({ sessions: [older, newer, chat] });
    const store = createLiveSessions(fake.client, { since: 'PT1H' });
    await settle();
    expect(ids(store)).toEqual([chat.id, newer.id, older.id]);
    await vi.advanceTimersByTimeAsync(10 * 60_000 + 10);
    expect(ids(store)).toEqual([newer.id, chat.id, older.id]);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(ids(store)).toEqual([newer.id, chat.id]);
    await vi.advanceTimersByTimeAsync(25 * 60_000);
    expect(ids(store)).toEqual([newer.id]);
    fake.push(ev({ ...older, version: older.version + 1, updatedAt: iso(T0 + 40 * 60_000) }));
    await settle();
    expect(ids(store)).toEqual([older.id, newer.id]);
    await vi.advanceTimersByTimeAsync(11 * 60_000);
    expect(ids(store)).toEqual([older.id]);
    store.dispose();
  });

  it('keeps a fixed since and until: an update past until leaves', async () => {
    const a = s({ status: 'completed', updatedAt: iso(T0 - 5000) });
    const fake = fakeClient({ sessions: [a] });
    const store = createLiveSessions(fake.client, { since: iso(T0 - 60_000), until: iso(T0) });
    await settle();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(ids(store)).toEqual([a.id]);
    fake.push(ev({ ...a, version: a.version + 1, updatedAt: iso(T0) }));
    await settle();
    expect(ids(store)).toEqual([]);
    store.dispose();
  });

  it('buffers while paused and applies on resume', async () => {
    const a = s();
    const fake = fakeClient({ sessions: [a] });
    const store = createLiveSessions(fake.client);
    await settle();
    store.paused = true;
    const b = s({ updatedAt: iso(T0) });
    fake.push(ev(b), ev({ ...a, version: 2, title: 'changed' }));
    await settle();
    expect(ids(store)).toEqual([a.id]);
    expect(store.pendingCount).toBe(2);
    expect(store.get(a.id)?.title).not.toBe('changed');
    store.paused = false;
    expect(ids(store)).toEqual([b.id, a.id]);
    expect(store.get(a.id)?.title).toBe('changed');
    store.dispose();
  });

  it("applies an action's answer by version, even while paused, and notifies", async () => {
    const a = s({ version: 2, status: 'running' });
    const fake = fakeClient({ sessions: [a] });
    const store = createLiveSessions(fake.client, { status: ['running'] });
    await settle();
    const seen = vi.fn();
    store.subscribe(seen);
    store.apply({ ...a, version: 1, title: 'older' });
    expect(store.get(a.id)?.title).toBe(a.title);
    store.paused = true;
    store.apply({ ...a, version: 3, title: 'answered' });
    expect(store.get(a.id)?.title).toBe('answered');
    await settle();
    expect(seen).toHaveBeenCalledTimes(1);
    // The stream's own event for the same change is then a duplicate.
    store.paused = false;
    fake.push(ev({ ...a, version: 3, title: 'from the stream' }));
    await settle();
    expect(store.get(a.id)?.title).toBe('answered');
    // An answer that leaves the filters takes the session out of the list.
    store.apply({ ...a, version: 4, status: 'cancelled' });
    expect(ids(store)).toEqual([]);
    store.dispose();
  });

  it('refetches on reset and replays events that arrive during the refetch', async () => {
    const a = s();
    const server = { sessions: [a] };
    const fake = fakeClient(server);
    const store = createLiveSessions(fake.client);
    await settle();
    const b = s({ updatedAt: iso(T0) });
    server.sessions = [b]; // a was deleted while we were away
    const release = fake.holdPages();
    const b2 = { ...b, version: 2, title: 'during' };
    fake.push({ type: 'reset', data: { reason: 'too old' }, id: '' }, ev(b2));
    await settle();
    release();
    await settle();
    expect(ids(store)).toEqual([b.id]);
    expect(store.get(b.id)?.title).toBe('during');
    expect(store.stats.resets).toBe(1);
    expect(fake.listCalls).toEqual([undefined, undefined]);
    store.dispose();
  });

  it('loads more pages, and inserts stream sessions only within the loaded window', async () => {
    const sessions = Array.from({ length: 10 }, () => s());
    const fake = fakeClient({ sessions });
    const store = createLiveSessions(fake.client, {}, { pageSize: 4 });
    await settle();
    expect(store.sessions).toHaveLength(4);
    expect(store.hasMore).toBe(true);
    // Beyond the boundary (older than the 4th): not inserted, it would leave a hole.
    const old = s({ updatedAt: iso(T0 - 10_000_000) });
    // Within the window (newer than the 4th): inserted.
    const fresh = s({ updatedAt: iso(T0) });
    fake.push(ev(old), ev(fresh));
    await settle();
    expect(store.get(old.id)).toBeUndefined();
    expect(ids(store)[0]).toBe(fresh.id);
    // An update moving a loaded session beyond the boundary takes it out until loadMore.
    const sunk = { ...sessions[1]!, updatedAt: iso(T0 - 9_000_000), version: 2 };
    fake.push(ev(sunk));
    await settle();
    expect(store.get(sunk.id)).toBeUndefined();
    await store.loadMore();
    await store.loadMore();
    await store.loadMore();
    expect(store.hasMore).toBe(false);
    store.dispose();
  });

  it('replays events that arrive while a page is loading on top of it', async () => {
    const sessions = Array.from({ length: 6 }, () => s());
    const fake = fakeClient({ sessions });
    const store = createLiveSessions(fake.client, {}, { pageSize: 3 });
    await settle();
    const release = fake.holdPages();
    const more = store.loadMore();
    // The page is taken before this event: without the replay, the page would undo it.
    fake.push(ev({ ...sessions[4]!, version: 2, title: 'newer' }), {
      type: 'session.removed',
      id: 'x',
      data: { id: sessions[5]!.id },
    });
    await settle();
    release();
    await more;
    expect(store.get(sessions[4]!.id)?.title).toBe('newer');
    expect(store.get(sessions[5]!.id)).toBeUndefined();
    store.dispose();
  });

  it('notifies subscribers once per batch', async () => {
    const fake = fakeClient({ sessions: [] });
    const store = createLiveSessions(fake.client);
    await settle();
    const listener = vi.fn();
    const off = store.subscribe(listener);
    fake.push(...Array.from({ length: 50 }, () => ev(s())));
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.sessions).toHaveLength(50);
    off();
    fake.push(ev(s()));
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
    store.dispose();
  });

  it('uses requestAnimationFrame when present', async () => {
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    try {
      const fake = fakeClient({ sessions: [] });
      const store = createLiveSessions(fake.client);
      const listener = vi.fn();
      store.subscribe(listener);
      await settle();
      fake.push(ev(s()), ev(s()));
      await settle();
      expect(listener).not.toHaveBeenCalled();
      frames.splice(0).forEach((f) => f());
      expect(listener).toHaveBeenCalledTimes(1);
      store.dispose();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reports reconnecting, then offline after repeated failures, then live again', async () => {
    const fake = fakeClient({ sessions: [] });
    const store = createLiveSessions(fake.client, {}, { offlineAfter: 2 });
    await settle();
    fake.state('reconnecting', 1);
    expect(store.state.status).toBe('reconnecting');
    fake.state('reconnecting', 2);
    expect(store.state.status).toBe('offline');
    fake.state('live', 0);
    await settle();
    expect(store.state.status).toBe('live');
    store.dispose();
  });

  it('returns the same frozen snapshot until something changes', async () => {
    const fake = fakeClient({ sessions: [s()] });
    const store = createLiveSessions(fake.client);
    await settle();
    const first = store.sessions;
    expect(store.sessions).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    fake.push(ev(s({ updatedAt: iso(T0) })));
    await settle();
    expect(store.sessions).not.toBe(first);
    store.dispose();
  });
});

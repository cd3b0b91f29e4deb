import { matchesFilters, type SessionFilters } from '@session-lens/sdk';
import type { Database } from '../db/index.js';
import { ContentMatcher } from '../sessions/content-search.js';
import { canSee, type Viewer } from '../sessions/model.js';
import { EVENT_SLOTS, type EventRow } from '../sessions/store.js';
import { Follower } from './follow.js';
import { PING, PreparedEvent, resetFrame, retryFrame } from './frames.js';
import { isTooOld, pruneEvents } from './retention.js';

/** Where a subscriber's bytes go: a node response, or a web stream when not on node:http. */
export type StreamSink = {
  write(bytes: Uint8Array): void;
  /** Bytes accepted but not yet flushed to the socket; a slow consumer is cut off past a limit. */
  buffered(): number;
  close(): void;
};

/** Options of the stream hub. */
export type StreamHubOptions = {
  /** Interval of `: ping` comments (A8: 15 s). */
  pingMs?: number;
  /** The `retry:` hint sent on connect, in ms. */
  retryMs?: number;
  /** How many events the log keeps for `Last-Event-ID` replay; older ids get `reset`. */
  retention?: number;
  /** How often the log is pruned to the retention. */
  pruneMs?: number;
  /**
   * PostgreSQL: how often the log is read for other processes' writes (this process's own
   * commits are read at once). Writers send no NOTIFY: it would serialize every commit.
   */
  pollMs?: number;
  /** A subscriber with more unflushed bytes than this is disconnected (it will resume by id). */
  maxBufferedBytes?: number;
};

type Subscriber = {
  sink: StreamSink;
  viewer: Viewer;
  filters: SessionFilters;
  /** While replaying from the log, live events wait here. */
  queue: { seq: number; frame: Uint8Array }[] | undefined;
  /**
   * Events at or below this position are never written: the Last-Event-ID it resumed from. It
   * may be ahead of this process's tail (it came from another instance), and then the tail
   * dispatches what the client already has after the replay ended.
   */
  seen: number;
  /**
   * With a `content` filter: its matcher, and the chain its events are delivered through, one
   * at a time and in order, since each may wait for the database (see {@link ContentMatcher}).
   */
  content?: { matcher: ContentMatcher; chain: Promise<void> } | undefined;
};

/**
 * The live stream (A8). Tails the event log, which every committed change appends to in its own
 * transaction, and fans each event out to the subscribers whose filters and visibility it
 * matches. On PGlite (one process, one transaction at a time) a commit's events are delivered
 * straight from memory. On PostgreSQL the log is read back: after each local commit and every
 * `pollMs` for the other processes' writes, coalesced so that one pass reads everything new.
 *
 * **Why the order is total, final, and never skips (PostgreSQL, concurrent writers on many
 * processes, no lock).** A transaction T numbers its events `xid(T) * 1024 + k`, k = 0, 1, …
 * (sessions/store.ts), so positions are unique and ordered by (xid, k). A tailer reads only
 * positions below `xmin * 1024`, where `xmin = pg_snapshot_xmin(pg_current_snapshot())` of the
 * very snapshot its query scans with:
 * 1. Final: every transaction with xid < xmin has ended (that is what xmin means), so it has
 *    committed, and is visible to the snapshot, or aborted, and never will be. No row can later
 *    appear below the bound, because a new transaction gets an xid ≥ the bound's xmin, which
 *    xmin never passes while it runs.
 * 2. No skip: a pass reads every visible row in (dispatchedThrough, xmin * 1024) in position order
 *    (in pages), then sets dispatchedThrough to the last one. By 1 that range was final, so a
 *    row left out of it never exists; the next pass's xmin is ≥ this one's (xmin never goes
 *    back), so consecutive passes cover the line without a hole.
 * 3. Agreement: the positions are stored in the rows, so every tailer on every process delivers
 *    the same rows under the same ids in the same order, and `Last-Event-ID` means the same
 *    point everywhere: a resume replays the positions above it, which are final as in 1. The
 *    id may come from an instance whose tail is ahead of this one's; the replay then has nothing
 *    to read, and the subscriber's `seen` floor keeps this tail from sending what lies at or
 *    below it when it catches up (the property test caught that one too).
 * 4. Per session, versions arrive in order: a change of an existing session first takes a lock
 *    keyed by that session (SessionStore.load) and only then gets its xid; the next change of
 *    the same session gets the lock after this one ended, so its xid, hence its positions, are
 *    larger. (A plain row lock is not enough: a waiter may hold an older xid when a newcomer
 *    takes the freed row first. The property test caught exactly that.)
 * The cost: an event becomes visible once every transaction that started writing before it has
 * ended, anywhere in the cluster. Ours take milliseconds; a long-running write transaction on
 * the same PostgreSQL (a bulk load, a migration) delays delivery until it ends, and loses
 * nothing. The ordinal k is found as one more than this transaction's last position, and the
 * last slot of each range is refused, so a range never spills into the next.
 */
export class StreamHub {
  readonly #db: Database;
  readonly #options: Required<StreamHubOptions>;
  readonly #subscribers = new Set<Subscriber>();
  /** Subscribers of one session's stream (A16), by session id. */
  readonly #followers = new Map<string, Set<Follower>>();
  #dispatchedThrough = 0;
  /** The highest position this process committed (PostgreSQL); read again soon until reached. */
  #committedThrough = 0;
  #soon: NodeJS.Timeout | undefined;
  #tailing = false;
  #again = false;
  #timers: NodeJS.Timeout[] = [];
  #closed = false;
  /** Running totals for `/metrics` (A18): read, never reset. */
  readonly stats = { delivered: 0, replays: 0, resets: 0, cutOff: 0 };

  constructor(db: Database, options: StreamHubOptions = {}) {
    this.#db = db;
    this.#options = {
      pingMs: options.pingMs ?? 15_000,
      retryMs: options.retryMs ?? 2_000,
      retention: options.retention ?? 20_000,
      pruneMs: options.pruneMs ?? 10_000,
      pollMs: options.pollMs ?? 25,
      maxBufferedBytes: options.maxBufferedBytes ?? 8 * 1024 * 1024,
    };
  }

  /** The highest sequence number delivered to subscribers. */
  get dispatchedThrough(): number {
    return this.#dispatchedThrough;
  }

  /** Number of connected subscribers, of both streams. */
  get size(): number {
    let followers = 0;
    for (const set of this.#followers.values()) followers += set.size;
    return this.#subscribers.size + followers;
  }

  /** Starts tailing from the current end of the log. */
  async start(): Promise<void> {
    const [row] = await this.#db.query<{ seq: number }>(
      'select coalesce(max(seq), 0)::float8 as seq from events',
    );
    this.#dispatchedThrough = row?.seq ?? 0;
    if (this.#db.kind === 'postgres') {
      this.#timers.push(setInterval(() => this.poke(), this.#options.pollMs));
    }
    this.#timers.push(setInterval(() => this.#broadcast(PING), this.#options.pingMs));
    this.#timers.push(setInterval(() => void this.prune().catch(() => {}), this.#options.pruneMs));
    for (const timer of this.#timers) timer.unref();
  }

  /**
   * A transaction of this process committed these events. PGlite is one process's database and
   * commits one transaction at a time (the store calls this in commit order), so its events are
   * delivered straight from memory, with no read-back. On PostgreSQL other processes write too,
   * so the log is read in position order, below xmin.
   */
  committed(events: readonly EventRow[]): void {
    if (this.#closed || events.length === 0) return;
    if (this.#db.kind === 'postgres') {
      for (const row of events) this.#committedThrough = Math.max(this.#committedThrough, row.seq);
      this.poke();
      return;
    }
    for (const row of events) {
      if (row.seq <= this.#dispatchedThrough) continue;
      this.#dispatch(new PreparedEvent(row));
      this.#dispatchedThrough = row.seq;
    }
  }

  /** Something was committed: read the log (coalesced with any pass already running). */
  poke(): void {
    if (this.#closed) return;
    if (this.#tailing) {
      this.#again = true;
      return;
    }
    this.#tailing = true;
    void this.#tail()
      .catch((error: unknown) => {
        if (!this.#closed) console.error('session-lens: reading the event log failed', error);
      })
      .finally(() => {
        this.#tailing = false;
        if (this.#again) {
          this.#again = false;
          this.poke();
        } else if (this.#committedThrough > this.#dispatchedThrough && !this.#soon && !this.#closed) {
          // Our own commit is not below xmin yet (an older transaction is still running):
          // look again shortly rather than at the next poll.
          this.#soon = setTimeout(() => {
            this.#soon = undefined;
            this.poke();
          }, 2);
        }
      });
  }

  async #tail(): Promise<void> {
    for (;;) {
      const rows = await this.#readFinal(this.#dispatchedThrough, 500);
      for (const row of rows) {
        this.#dispatch(new PreparedEvent(row));
        this.#dispatchedThrough = row.seq;
      }
      if (rows.length < 500 || this.#closed) return;
    }
  }

  /** Rows after `after` that can no longer change: below the snapshot's xmin (see above). */
  #readFinal(after: number, limit: number): Promise<EventRow[]> {
    return this.#db.query<EventRow>(
      `select seq::float8 as seq, doc, prev from events
       where seq > $1 and seq < pg_snapshot_xmin(pg_current_snapshot())::text::bigint * ${EVENT_SLOTS}
       order by seq limit $2`,
      [after, limit],
    );
  }

  /** Rows in (after, upTo]: for a replay up to what the live path has delivered. */
  #read(after: number, upTo: number, limit: number): Promise<EventRow[]> {
    return this.#db.query<EventRow>(
      'select seq::float8 as seq, doc, prev from events where seq > $1 and seq <= $2 order by seq limit $3',
      [after, upTo, limit],
    );
  }

  #dispatch(event: PreparedEvent): void {
    const now = Date.now();
    for (const subscriber of this.#subscribers) {
      if (event.row.seq <= subscriber.seen) continue;
      if (subscriber.content) {
        this.#dispatchContent(subscriber, subscriber.content, event, now);
        continue;
      }
      const bytes = this.#frameFor(subscriber, event, now);
      if (!bytes) continue;
      if (subscriber.queue) subscriber.queue.push({ seq: event.row.seq, frame: bytes });
      else if (this.#write(subscriber, bytes)) this.stats.delivered += 1;
    }
    const followers = this.#followers.get(event.row.doc.id);
    if (followers) for (const follower of followers) follower.offer(event.row.doc);
  }

  /** What one subscriber gets for an event: the session, its removal from view, or nothing. */
  #frameFor(subscriber: Subscriber, event: PreparedEvent, now: number): Uint8Array | undefined {
    const { doc, prev } = event.row;
    const { viewer, filters } = subscriber;
    if (canSee(viewer, doc) && matchesFilters(doc, filters, now)) return event.session(viewer.spend);
    if (prev && canSee(viewer, prev) && matchesFilters(prev, filters, now)) return event.removed();
    return undefined;
  }

  /** {@link StreamHub.#frameFor} for a subscriber with a `content` filter: asks the database. */
  async #contentFrame(
    subscriber: Subscriber,
    event: PreparedEvent,
    now: number,
  ): Promise<Uint8Array | undefined> {
    const { doc, prev } = event.row;
    const { viewer, filters } = subscriber;
    const inView = canSee(viewer, doc) && matchesFilters(doc, filters, now);
    // A removal may go to a client that never had the session (it matched only now): a no-op.
    const left = !inView && prev !== null && canSee(viewer, prev) && matchesFilters(prev, filters, now);
    if (!(inView || left) || !(await subscriber.content!.matcher.matches(doc.id))) return undefined;
    return inView ? event.session(viewer.spend) : event.removed();
  }

  #dispatchContent(
    subscriber: Subscriber,
    content: NonNullable<Subscriber['content']>,
    event: PreparedEvent,
    now: number,
  ): void {
    content.chain = content.chain
      .then(async () => {
        const bytes = await this.#contentFrame(subscriber, event, now);
        if (!bytes || !this.#subscribers.has(subscriber)) return;
        if (subscriber.queue) subscriber.queue.push({ seq: event.row.seq, frame: bytes });
        else if (this.#write(subscriber, bytes)) this.stats.delivered += 1;
      })
      .catch(() => {
        // The database could not answer: cut the subscriber off; it resumes by Last-Event-ID.
        this.#subscribers.delete(subscriber);
        subscriber.sink.close();
      });
  }

  /** Writes to one subscriber; false when it was too far behind and got cut off instead. */
  #write(subscriber: Subscriber, bytes: Uint8Array): boolean {
    if (subscriber.sink.buffered() > this.#options.maxBufferedBytes) {
      // A consumer this far behind is cut off; it reconnects with Last-Event-ID and replays.
      this.#subscribers.delete(subscriber);
      subscriber.sink.close();
      this.stats.cutOff += 1;
      return false;
    }
    subscriber.sink.write(bytes);
    return true;
  }

  #broadcast(bytes: Uint8Array): void {
    for (const subscriber of this.#subscribers) if (!subscriber.queue) this.#write(subscriber, bytes);
    for (const followers of this.#followers.values()) for (const follower of followers) follower.write(bytes);
  }

  /**
   * Adds a subscriber of one session's stream (A16; see {@link Follower}): sends the `retry:`
   * hint, then the entries after `after` and the session, then follows it live. The caller has
   * checked that the viewer may see the session. Returns the unsubscribe function.
   */
  follow(sink: StreamSink, viewer: Viewer, sessionId: string, after: number | undefined): () => void {
    const follower = new Follower(this.#db, sink, viewer, sessionId, {
      maxBufferedBytes: this.#options.maxBufferedBytes,
      stats: this.stats,
      onEnd: () => {
        const set = this.#followers.get(sessionId);
        set?.delete(follower);
        if (set?.size === 0) this.#followers.delete(sessionId);
      },
    });
    let set = this.#followers.get(sessionId);
    if (!set) this.#followers.set(sessionId, (set = new Set()));
    set.add(follower);
    sink.write(retryFrame(this.#options.retryMs));
    follower.start(after);
    return () => follower.end();
  }

  /**
   * Adds a subscriber: sends the `retry:` hint, replays from `lastEventId` when given (or sends
   * `reset` when that id is no longer retained), then delivers live. Returns the unsubscribe
   * function.
   */
  async subscribe(
    sink: StreamSink,
    viewer: Viewer,
    filters: SessionFilters,
    lastEventId: number | undefined,
  ): Promise<() => void> {
    const subscriber: Subscriber = {
      sink,
      viewer,
      filters,
      queue: lastEventId === undefined ? undefined : [],
      seen: lastEventId ?? 0,
      content: filters.content
        ? { matcher: new ContentMatcher(this.#db, filters.content), chain: Promise.resolve() }
        : undefined,
    };
    const upTo = this.#dispatchedThrough;
    this.#subscribers.add(subscriber);
    const unsubscribe = () => {
      this.#subscribers.delete(subscriber);
    };
    sink.write(retryFrame(this.#options.retryMs));
    if (lastEventId === undefined) return unsubscribe;
    try {
      if (await isTooOld(this.#db, lastEventId, upTo)) {
        this.stats.resets += 1;
        sink.write(resetFrame('Last-Event-ID is no longer retained; refetch.'));
      } else {
        this.stats.replays += 1;
        const now = Date.now();
        let after = lastEventId;
        for (;;) {
          const rows = await this.#read(after, upTo, 500);
          for (const row of rows) {
            const event = new PreparedEvent(row);
            const bytes = subscriber.content
              ? await this.#contentFrame(subscriber, event, now)
              : this.#frameFor(subscriber, event, now);
            if (bytes) {
              sink.write(bytes);
              this.stats.delivered += 1;
            }
            after = row.seq;
          }
          if (rows.length < 500) break;
        }
      }
    } finally {
      const queued = subscriber.queue ?? [];
      subscriber.queue = undefined;
      const from = Math.max(upTo, lastEventId);
      for (const item of queued) {
        if (item.seq > from && this.#write(subscriber, item.frame)) this.stats.delivered += 1;
      }
    }
    return unsubscribe;
  }

  /**
   * Drops events beyond the retention, never past what this process has delivered (see
   * {@link pruneEvents}).
   */
  prune(): Promise<void> {
    return pruneEvents(this.#db, this.#dispatchedThrough, this.#options.retention);
  }

  /**
   * Stops tailing and closes every subscriber, after writing `farewell()` to each when given
   * (the drain's `retry:` hint, so clients reconnect elsewhere).
   */
  async close(farewell?: () => string): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) clearInterval(timer);
    clearTimeout(this.#soon);
    const bye = farewell && new TextEncoder().encode(farewell());
    for (const subscriber of this.#subscribers) {
      if (bye) subscriber.sink.write(bye);
      subscriber.sink.close();
    }
    this.#subscribers.clear();
    for (const follower of [...this.#followers.values()].flatMap((set) => [...set])) {
      if (bye) follower.sink.write(bye);
      follower.end();
    }
  }
}

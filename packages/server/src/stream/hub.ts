import type { SessionFilters } from '@session-lens/sdk';
import type { Database } from '../db/index.js';
import { canSee, matchesFilters, present, type Viewer } from '../sessions/model.js';
import { EVENTS_CHANNEL, type EventRow } from '../sessions/store.js';

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
  /** Safety-net poll of the log on PostgreSQL, in case a NOTIFY was missed while reconnecting. */
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
};

const encoder = new TextEncoder();
const PING = encoder.encode(': ping\n\n');

/**
 * One event serialized once: the `session` frame with and without cost, and the
 * `session.removed` frame, each built the first time a subscriber needs it and then written as
 * the same bytes to every matching subscriber (TOOLCHAIN.md: per-client writeSSE is the cost).
 */
class PreparedEvent {
  readonly row: EventRow;
  #withCost?: Uint8Array;
  #withoutCost?: Uint8Array;
  #removed?: Uint8Array;

  constructor(row: EventRow) {
    this.row = row;
  }

  session(spend: boolean): Uint8Array {
    if (spend)
      return (this.#withCost ??= frame(this.row.seq, 'session', present({ spend: true }, this.row.doc)));
    return (this.#withoutCost ??= frame(this.row.seq, 'session', present({ spend: false }, this.row.doc)));
  }

  removed(): Uint8Array {
    return (this.#removed ??= frame(this.row.seq, 'session.removed', { id: this.row.doc.id }));
  }
}

function frame(seq: number, event: string, data: unknown): Uint8Array {
  return encoder.encode(`id: ${seq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/**
 * The live stream (A8). Tails the event log, which every committed change appends to in its own
 * transaction, and fans each event out to the subscribers whose filters and visibility it
 * matches. In-process writers poke it after commit; on PostgreSQL a NOTIFY carrying only the
 * sequence number pokes it too, so every process sees every other process's writes. Pokes are
 * coalesced: one tail pass reads everything new in order.
 */
export class StreamHub {
  readonly #db: Database;
  readonly #options: Required<StreamHubOptions>;
  readonly #subscribers = new Set<Subscriber>();
  #dispatchedThrough = 0;
  #tailing = false;
  #again = false;
  #timers: NodeJS.Timeout[] = [];
  #unlisten: (() => Promise<void>) | undefined;
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
      pollMs: options.pollMs ?? 2_000,
      maxBufferedBytes: options.maxBufferedBytes ?? 8 * 1024 * 1024,
    };
  }

  /** The highest sequence number delivered to subscribers. */
  get dispatchedThrough(): number {
    return this.#dispatchedThrough;
  }

  /** Number of connected subscribers. */
  get size(): number {
    return this.#subscribers.size;
  }

  /** Starts tailing from the current end of the log. */
  async start(): Promise<void> {
    const [row] = await this.#db.query<{ seq: number }>(
      'select coalesce(max(seq), 0)::float8 as seq from events',
    );
    this.#dispatchedThrough = row?.seq ?? 0;
    if (this.#db.kind === 'postgres') {
      this.#unlisten = await this.#db.listen(EVENTS_CHANNEL, () => this.poke());
      this.#timers.push(setInterval(() => this.poke(), this.#options.pollMs));
    }
    this.#timers.push(setInterval(() => this.#broadcast(PING), this.#options.pingMs));
    this.#timers.push(setInterval(() => void this.prune().catch(() => {}), this.#options.pruneMs));
    for (const timer of this.#timers) timer.unref();
  }

  /**
   * A transaction of this process committed these events. PGlite is one process's database and
   * commits one transaction at a time, so its events are delivered straight from memory, with no
   * read-back. On PostgreSQL other processes write too, so the log is read in sequence order.
   */
  committed(events: readonly EventRow[]): void {
    if (this.#closed || events.length === 0) return;
    if (this.#db.kind === 'postgres') {
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
        }
      });
  }

  async #tail(): Promise<void> {
    for (;;) {
      const rows = await this.#read(this.#dispatchedThrough, Number.MAX_SAFE_INTEGER, 500);
      for (const row of rows) {
        this.#dispatch(new PreparedEvent(row));
        this.#dispatchedThrough = row.seq;
      }
      if (rows.length < 500 || this.#closed) return;
    }
  }

  #read(after: number, upTo: number, limit: number): Promise<EventRow[]> {
    return this.#db.query<EventRow>(
      'select seq::float8 as seq, doc, prev from events where seq > $1 and seq <= $2 order by seq limit $3',
      [after, upTo, limit],
    );
  }

  #dispatch(event: PreparedEvent): void {
    const now = Date.now();
    for (const subscriber of this.#subscribers) {
      const bytes = this.#frameFor(subscriber, event, now);
      if (!bytes) continue;
      if (subscriber.queue) subscriber.queue.push({ seq: event.row.seq, frame: bytes });
      else if (this.#write(subscriber, bytes)) this.stats.delivered += 1;
    }
  }

  /** What one subscriber gets for an event: the session, its removal from view, or nothing. */
  #frameFor(subscriber: Subscriber, event: PreparedEvent, now: number): Uint8Array | undefined {
    const { doc, prev } = event.row;
    const { viewer, filters } = subscriber;
    if (canSee(viewer, doc) && matchesFilters(filters, doc, now)) return event.session(viewer.spend);
    if (prev && canSee(viewer, prev) && matchesFilters(filters, prev, now)) return event.removed();
    return undefined;
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
    };
    const upTo = this.#dispatchedThrough;
    this.#subscribers.add(subscriber);
    const unsubscribe = () => {
      this.#subscribers.delete(subscriber);
    };
    sink.write(encoder.encode(`retry: ${this.#options.retryMs}\n\n`));
    if (lastEventId === undefined) return unsubscribe;
    try {
      if (await this.#isTooOld(lastEventId, upTo)) {
        this.stats.resets += 1;
        sink.write(
          encoder.encode(
            `event: reset\ndata: ${JSON.stringify({ reason: 'Last-Event-ID is no longer retained; refetch.' })}\n\n`,
          ),
        );
      } else {
        this.stats.replays += 1;
        const now = Date.now();
        let after = lastEventId;
        for (;;) {
          const rows = await this.#read(after, upTo, 500);
          for (const row of rows) {
            const bytes = this.#frameFor(subscriber, new PreparedEvent(row), now);
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

  async #isTooOld(lastEventId: number, upTo: number): Promise<boolean> {
    if (lastEventId > upTo) return lastEventId > (await this.#maxSeq());
    const rows = await this.#db.query<{ value: string }>(
      "select value from settings where key = 'events_pruned_through'",
    );
    const prunedThrough = Number(rows[0]?.value ?? 0);
    return lastEventId < prunedThrough;
  }

  async #maxSeq(): Promise<number> {
    const [row] = await this.#db.query<{ seq: number }>(
      'select coalesce(max(seq), 0)::float8 as seq from events',
    );
    return row?.seq ?? 0;
  }

  /** Drops events beyond the retention; ids at or below the cut get `reset` from then on. */
  async prune(): Promise<void> {
    const through = (await this.#maxSeq()) - this.#options.retention;
    if (through <= 0) return;
    await this.#db.transaction(async (tx) => {
      await tx.query('delete from events where seq <= $1', [through]);
      await tx.query(
        `insert into settings (key, value) values ('events_pruned_through', $1)
         on conflict (key) do update set value = greatest(settings.value::float8, excluded.value::float8)::text`,
        [String(through)],
      );
    });
  }

  /**
   * Stops tailing and closes every subscriber, after writing `farewell()` to each when given
   * (the drain's `retry:` hint, so clients reconnect elsewhere).
   */
  async close(farewell?: () => string): Promise<void> {
    this.#closed = true;
    for (const timer of this.#timers) clearInterval(timer);
    for (const subscriber of this.#subscribers) {
      if (farewell) subscriber.sink.write(encoder.encode(farewell()));
      subscriber.sink.close();
    }
    await this.#unlisten?.().catch(() => {});
    this.#subscribers.clear();
  }
}

import type { SessionLensClient } from '../client/client.js';
import type { StreamEvent } from '../contract/events.js';
import type { SessionFilters } from '../contract/requests.js';
import type { Page } from '../contract/responses.js';
import type { Session } from '../contract/session.js';
import { SessionLensError, isSessionLensError } from '../errors/session-lens-error.js';
import { isActive } from '../helpers/active.js';
import { compareOrderKeys } from '../helpers/order.js';
import type { StreamState } from '../stream/session-stream.js';
import { DeadlineQueue } from '../internal/deadline-queue.js';
import { matchesFilters, nextFilterChange } from './match-filters.js';
import { SortedSessions } from './sorted-sessions.js';

/** The connection state of a live store. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** A live store's connection state, with the last error it met (cleared when it goes live). */
export type LiveState = {
  /** `connecting` until the first page and the stream are up; `offline` after repeated failures. */
  status: LiveStatus;
  /** The last connection or fetch error. */
  error: SessionLensError | undefined;
};

/** Counters of what the store did with the events and pages it received. */
export type LiveStats = {
  /** Session versions stored (inserted or updated). */
  applied: number;
  /** Session versions ignored because the store already held that version or a newer one. */
  ignored: number;
  /** Sessions removed (`session.removed`, left the filters, or left the loaded window). */
  removed: number;
  /** `reset` events handled by refetching. */
  resets: number;
};

/** Options of {@link createLiveSessions}. */
export type LiveSessionsOptions = {
  /** Sessions per page for the first page and `loadMore()`. Default 50. */
  pageSize?: number;
  /** Start paused: stream events are buffered until `paused` is set to false. Default false. */
  paused?: boolean;
  /** The stream's heartbeat interval; see `WatchOptions.pingIntervalMs`. Default 15,000. */
  pingIntervalMs?: number;
  /** The stream's first reconnect delay; see `WatchOptions.reconnectDelayMs`. */
  reconnectDelayMs?: number;
  /** The stream's largest reconnect delay; see `WatchOptions.maxReconnectDelayMs`. */
  maxReconnectDelayMs?: number;
  /** Failed reconnects in a row before the state turns from `reconnecting` to `offline`. Default 3. */
  offlineAfter?: number;
  /** Called with every error the store recovers from (skipped frames, lost connections, failed fetches). */
  onError?: (error: SessionLensError) => void;
  /** The clock, in epoch ms. Default `Date.now`; tests pass a fake one. */
  now?: () => number;
  /**
   * Schedules a subscriber notification. Default: `requestAnimationFrame` where it exists (at
   * most one notification per frame), else a zero-delay timer that batches every event handled
   * in the same turn.
   */
  schedule?: (flush: () => void) => void;
};

/**
 * What the live store calls on a client: `sessions.list` for pages and `sessions.watch` for the
 * stream. `SessionLensClient` satisfies it; so does any object with those two methods.
 */
export type LiveSessionsClient = {
  readonly sessions: Pick<SessionLensClient['sessions'], 'list' | 'watch'>;
};

/** A subscriber; it reads the store it is given. */
export type LiveSessionsListener = (store: LiveSessions) => void;

/** The position of the last session of the loaded pages, frozen when its page was fetched. */
type Boundary = { active: boolean; updatedAt: number; id: string };

type Fetch = { generation: number };

/**
 * A live, ordered view of the sessions matching some filters (K5): the first page, kept up to
 * date by the stream, in S9 order at all times.
 *
 * **Lifecycle.** It opens the stream first and fetches the first page once the stream is live
 * (and again whenever the stream comes back without a resume point, or says `reset`), so no
 * change can fall between the snapshot and the feed. Every event that arrives while a page is
 * being fetched is replayed on top of that page, so a page taken before an event cannot undo it.
 *
 * **Merging.** A session is stored only if its `version` is newer than the one held: older
 * versions and duplicates are no-ops, whatever order they arrive in.
 *
 * **The loaded window.** The store holds the first pages of the server's order, up to the last
 * session of the last page loaded (the boundary, frozen at fetch time as the server's keyset
 * cursor is). A session the stream reports is kept only if it sorts at or before the boundary —
 * so the store is always exactly what the server's pages would return up to that point, never a
 * list with holes: a session that sorts beyond it arrives with `loadMore()`, and one that an
 * update (or the clock) moves beyond it leaves until then. With every page loaded there is no
 * boundary. Sessions that stop matching `status`, `active`, `kind` or `owner` filters leave.
 *
 * **Clock.** A chat leaves the active group 30 minutes after its last message, and with a `since`
 * duration (`P1D`: the last day) a session leaves the range that long after its `updatedAt`,
 * with no event to say so; the store sets a timer for the next such instant and re-sorts or
 * drops then.
 *
 * **Content search.** `content` is checked by the server alone (the store holds no
 * transcripts): the first page and the stream carry only matching sessions, and since
 * transcripts only grow, a session that matched keeps matching; the store re-checks every
 * other filter on each event and on the clock.
 *
 * **Notifications** are batched: at most one per animation frame in browsers. Call
 * {@link dispose} when done; it closes the stream and clears every timer.
 */
export class LiveSessions {
  readonly #client: LiveSessionsClient;
  readonly #filters: SessionFilters;
  readonly #options: LiveSessionsOptions;
  readonly #now: () => number;
  readonly #controller = new AbortController();
  readonly #listeners = new Set<LiveSessionsListener>();
  readonly #byId = new Map<string, Session>();
  /**
   * Sessions the clock alone will move, by the instant it does: an active chat's 30 minutes
   * running out, or a session ageing out of a `since` duration.
   */
  readonly #deadlines = new DeadlineQueue();
  readonly #list: SortedSessions;
  #snapshot: readonly Session[] | undefined;
  #boundary: Boundary | undefined;
  #cursor: string | null = null;
  #loadedOnce = false;
  #state: LiveState = { status: 'connecting', error: undefined };
  #paused: boolean;
  #pausedQueue: StreamEvent[] = [];
  /** Events applied while a page fetch was in flight, replayed onto that page. */
  #fetchLog: StreamEvent[] | undefined;
  #fetches = 0;
  #generation = 0;
  #loadingMore: Promise<void> | undefined;
  #refreshing: Promise<void> | undefined;
  #refreshAgain = false;
  #streamLive = false;
  #clockTimer: ReturnType<typeof setTimeout> | undefined;
  #clockAt: number | undefined;
  #notifyScheduled = false;
  #disposed = false;
  readonly #stats: LiveStats = { applied: 0, ignored: 0, removed: 0, resets: 0 };

  /** @internal Use {@link createLiveSessions}. */
  constructor(client: LiveSessionsClient, filters: SessionFilters, options: LiveSessionsOptions) {
    this.#client = client;
    this.#filters = filters;
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#paused = options.paused ?? false;
    this.#list = new SortedSessions(this.#now());
    void this.#runStream();
  }

  /** The sessions, in S9 order. A new frozen array after each change; the same one otherwise. */
  get sessions(): readonly Session[] {
    this.#snapshot ??= Object.freeze(this.#list.toArray());
    return this.#snapshot;
  }

  /** The session with this id, if loaded. */
  get(id: string): Session | undefined {
    return this.#byId.get(id);
  }

  /** The connection state and the last error. */
  get state(): LiveState {
    return this.#state;
  }

  /** Whether more pages exist beyond the loaded ones. */
  get hasMore(): boolean {
    return this.#cursor !== null;
  }

  /** Whether a page is being fetched. */
  get loading(): boolean {
    return this.#fetches > 0;
  }

  /** Whether the first page has arrived. */
  get loaded(): boolean {
    return this.#loadedOnce;
  }

  /** What the store did with the events it received; for diagnostics and tests. */
  get stats(): Readonly<LiveStats> {
    return this.#stats;
  }

  /** Events waiting to be applied because the store is paused. */
  get pendingCount(): number {
    return this.#pausedQueue.length;
  }

  /**
   * Whether live updates are paused. While paused, stream events are buffered and the list does
   * not move; setting it back to false applies them in arrival order.
   */
  get paused(): boolean {
    return this.#paused;
  }
  set paused(value: boolean) {
    if (value === this.#paused) return;
    this.#paused = value;
    if (!value) {
      const queued = this.#pausedQueue;
      this.#pausedQueue = [];
      this.#tick();
      for (const event of queued) this.#apply(event);
      this.#changed();
    }
  }

  /** Calls `listener` after changes (batched); returns the unsubscribe function. */
  subscribe(listener: LiveSessionsListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Takes in a session the server answered with — the result of an action such as
   * `client.sessions.cancel(id)` — as if the stream had delivered it: a newer version replaces
   * the one held, an older or equal one is ignored, and one that left the filters leaves the list.
   * It is applied even while paused (the person acted on it), and subscribers are notified as
   * after any change. The stream's own event for the change, arriving later, is then a no-op.
   */
  apply(session: Session): void {
    if (this.#disposed) return;
    this.#apply({ type: 'session', id: '', data: session });
    this.#changed();
  }

  /** Loads the next page, if any. Concurrent calls share one request. */
  loadMore(): Promise<void> {
    if (this.#cursor === null || this.#disposed) return Promise.resolve();
    this.#loadingMore ??= this.#fetchPage(this.#cursor).finally(() => (this.#loadingMore = undefined));
    return this.#loadingMore;
  }

  /**
   * Drops everything and refetches the first page (what a `reset` event does). Calls made while
   * a refetch is in flight are coalesced into one more refetch after it, so a flapping connection
   * cannot pile requests onto a struggling server.
   */
  refresh(): Promise<void> {
    if (this.#refreshing) {
      this.#refreshAgain = true;
      return this.#refreshing;
    }
    const run = async (): Promise<void> => {
      do {
        this.#refreshAgain = false;
        await this.#fetchPage(undefined);
      } while (this.#refreshAgain && !this.#disposed);
    };
    this.#refreshing = run().finally(() => (this.#refreshing = undefined));
    return this.#refreshing;
  }

  /** Closes the stream, clears timers and subscribers. The store keeps its last contents. */
  dispose(): void {
    this.#disposed = true;
    this.#controller.abort();
    clearTimeout(this.#clockTimer);
    this.#listeners.clear();
  }

  async #runStream(): Promise<void> {
    const options = this.#options;
    const stream = this.#client.sessions.watch(this.#filters, {
      signal: this.#controller.signal,
      onError: (error) => this.#report(error, false),
      onStateChange: (state, attempt) => this.#onStreamState(state, attempt, stream.lastEventId),
      ...(options.pingIntervalMs !== undefined ? { pingIntervalMs: options.pingIntervalMs } : {}),
      ...(options.reconnectDelayMs !== undefined ? { reconnectDelayMs: options.reconnectDelayMs } : {}),
      ...(options.maxReconnectDelayMs !== undefined
        ? { maxReconnectDelayMs: options.maxReconnectDelayMs }
        : {}),
    });
    try {
      for await (const event of stream) {
        if (this.#disposed) return;
        if (event.type === 'reset') {
          this.#stats.resets++;
          void this.refresh();
          continue;
        }
        if (this.#paused) {
          this.#pausedQueue.push(event);
          this.#changed();
          continue;
        }
        this.#tick();
        this.#apply(event);
        this.#changed();
      }
    } catch (error) {
      // A refusal the server will repeat (403, 404, 401 after refresh): the store goes offline.
      const failure = isSessionLensError(error)
        ? error
        : new SessionLensError(`The stream failed: ${String(error)}`, { cause: error });
      this.#report(failure, true);
      this.#setState('offline', failure);
    }
  }

  #onStreamState(state: StreamState, attempt: number, lastEventId: string | undefined): void {
    if (this.#disposed) return;
    if (state === 'live') {
      this.#streamLive = true;
      // A connection without a resume point may have missed changes: take a fresh snapshot.
      if (lastEventId === undefined || !this.#loadedOnce) void this.refresh();
      else this.#setState('live', undefined);
    } else if (state === 'reconnecting') {
      this.#streamLive = false;
      const offline = attempt >= (this.#options.offlineAfter ?? 3);
      this.#setState(offline ? 'offline' : 'reconnecting', this.#state.error);
      // Show something even if the stream cannot connect; it is refetched once the stream is up.
      if (!this.#loadedOnce && this.#fetches === 0 && attempt >= 1) void this.refresh();
    }
  }

  async #fetchPage(cursor: string | undefined): Promise<void> {
    const fresh = cursor === undefined;
    if (fresh) this.#generation++;
    const fetch: Fetch = { generation: this.#generation };
    this.#fetches++;
    this.#fetchLog ??= [];
    const logStart = this.#fetchLog.length;
    this.#changed();
    let page: Page<Session>;
    try {
      page = await this.#client.sessions.list(
        {
          ...this.#filters,
          limit: this.#options.pageSize ?? 50,
          ...(cursor !== undefined ? { cursor } : {}),
        },
        { signal: this.#controller.signal },
      );
    } catch (error) {
      this.#endFetch();
      if (this.#disposed) return;
      const failure = isSessionLensError(error)
        ? error
        : new SessionLensError(String(error), { cause: error });
      this.#report(failure, true);
      if (!this.#loadedOnce) this.#setState('offline', failure);
      else this.#setState(this.#state.status, failure);
      this.#changed();
      return;
    }
    const log = (this.#fetchLog ?? []).slice(logStart);
    this.#endFetch();
    // A newer snapshot was requested meanwhile (a reset): this page belongs to the old one.
    if (this.#disposed || fetch.generation !== this.#generation) return;
    this.#tick();
    if (fresh) {
      this.#byId.clear();
      this.#deadlines.clear();
      this.#list.clear();
      this.#loadedOnce = true;
    }
    this.#cursor = page.nextCursor;
    const last = page.data.at(-1);
    this.#boundary =
      page.nextCursor === null || last === undefined
        ? undefined
        : { active: isActive(last, this.#list.clock), updatedAt: Date.parse(last.updatedAt), id: last.id };
    for (const session of page.data) this.#applySession(session);
    for (const event of log) this.#apply(event);
    if (fresh && this.#streamLive) this.#setState('live', undefined);
    this.#changed();
  }

  #endFetch(): void {
    this.#fetches--;
    if (this.#fetches === 0) this.#fetchLog = undefined;
  }

  #apply(event: StreamEvent): void {
    if (this.#fetches > 0) this.#fetchLog?.push(event);
    if (event.type === 'session') this.#applySession(event.data);
    else if (event.type === 'session.removed') {
      const existing = this.#byId.get(event.data.id);
      if (existing) this.#remove(existing);
    }
  }

  #applySession(session: Session): void {
    const existing = this.#byId.get(session.id);
    if (existing && existing.version >= session.version) {
      this.#stats.ignored++;
      return;
    }
    if (existing) this.#remove(existing, false);
    if (!this.#belongs(session)) {
      if (existing) this.#stats.removed++;
      return;
    }
    this.#insert(session);
    this.#stats.applied++;
  }

  /** Whether a session belongs in the store now: it matches the filters and the loaded window. */
  #belongs(session: Session): boolean {
    const now = this.#list.clock;
    if (!matchesFilters(session, this.#filters, now)) return false;
    const boundary = this.#boundary;
    if (boundary === undefined) return true;
    // At or before the last loaded session: the window holds it.
    const order = compareOrderKeys(
      isActive(session, now),
      Date.parse(session.updatedAt),
      session.id,
      boundary.active,
      boundary.updatedAt,
      boundary.id,
    );
    return order <= 0;
  }

  #insert(session: Session): void {
    this.#byId.set(session.id, session);
    this.#list.insert(session);
    const at = nextFilterChange(session, this.#filters, this.#list.clock);
    if (at !== undefined) this.#deadlines.set(session.id, at);
  }

  #remove(session: Session, count = true): void {
    this.#byId.delete(session.id);
    this.#list.remove(session);
    this.#deadlines.delete(session.id);
    if (count) this.#stats.removed++;
  }

  /**
   * Moves the list's clock to now: chats whose 30 minutes ran out are taken out under the old
   * order (which they were sorted by), the clock advances, and they are put back where they now
   * belong — or dropped, if they left the filters or the loaded window.
   */
  #tick(): void {
    const now = this.#now();
    if (now <= this.#list.clock) return;
    const expired: Session[] = [];
    for (const id of this.#deadlines.takeDue(now)) {
      const session = this.#byId.get(id);
      if (session) {
        this.#list.remove(session);
        this.#byId.delete(id);
        expired.push(session);
      }
    }
    this.#list.setClock(now);
    for (const session of expired) {
      if (this.#belongs(session)) {
        this.#insert(session);
      } else {
        this.#stats.removed++;
      }
    }
    if (expired.length > 0) this.#snapshot = undefined;
  }

  #scheduleClock(): void {
    const next = this.#disposed ? undefined : this.#deadlines.peek();
    // Called on every change: keep the armed timer when the earliest deadline has not moved.
    if (next === this.#clockAt) return;
    clearTimeout(this.#clockTimer);
    this.#clockAt = next;
    if (next === undefined) return;
    // Timers cannot exceed 2^31-1 ms; a later deadline is rescheduled when this one fires.
    const delay = Math.min(Math.max(0, next - this.#now()) + 1, 2 ** 31 - 1);
    this.#clockTimer = setTimeout(() => {
      this.#clockAt = undefined;
      if (this.#paused) {
        // The list does not move while paused; the clock is applied on resume.
        this.#scheduleClock();
        return;
      }
      this.#tick();
      this.#changed();
    }, delay);
  }

  #setState(status: LiveStatus, error: SessionLensError | undefined): void {
    if (status === this.#state.status && error === this.#state.error) return;
    this.#state = { status, error };
    this.#changed();
  }

  #report(error: SessionLensError, affectsState: boolean): void {
    if (affectsState || error.name === 'APIConnectionError' || error.name === 'APITimeoutError') {
      this.#state = { status: this.#state.status, error };
    }
    try {
      this.#options.onError?.(error);
    } catch {
      // A throwing callback must not break the store.
    }
  }

  /** Marks the contents changed and schedules one notification for the batch. */
  #changed(): void {
    this.#snapshot = undefined;
    if (this.#disposed) return;
    this.#scheduleClock();
    if (this.#notifyScheduled) return;
    this.#notifyScheduled = true;
    const flush = () => {
      this.#notifyScheduled = false;
      if (this.#disposed) return;
      for (const listener of this.#listeners) {
        try {
          listener(this);
        } catch (error) {
          // One faulty subscriber must not starve the others; surface it asynchronously.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    };
    const schedule = this.#options.schedule ?? defaultSchedule;
    schedule(flush);
  }
}

function defaultSchedule(flush: () => void): void {
  const raf = (globalThis as { requestAnimationFrame?: (callback: () => void) => unknown })
    .requestAnimationFrame;
  if (typeof raf === 'function') raf(flush);
  else setTimeout(flush, 0);
}

/**
 * Creates a live store of the sessions matching `filters` (K5) and starts it: stream first,
 * then the first page.
 *
 * @example
 * ```ts
 * const live = createLiveSessions(client, { kind: ['flow', 'task'] });
 * const stop = live.subscribe((store) => render(store.sessions, store.state));
 * // later
 * stop();
 * live.dispose();
 * ```
 */
export function createLiveSessions(
  client: LiveSessionsClient,
  filters: SessionFilters = {},
  options: LiveSessionsOptions = {},
): LiveSessions {
  return new LiveSessions(client, filters, options);
}

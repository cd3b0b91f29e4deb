/**
 * An in-memory live source for list tests and stories: the test drives what the SDK's live store
 * would do (pages, stream events, connection states) by hand.
 */
import { compareSessions, matchesFilters, type Session, type SessionFilters } from '@session-lens/sdk';
import type { LiveSessionSource } from '../data/live-source.js';
import { NOW } from './fixtures.js';

type Status = LiveSessionSource['state']['status'];

export class FakeLiveStore implements LiveSessionSource {
  readonly filters: SessionFilters;
  state: { status: Status; error?: unknown } = { status: 'live' };
  hasMore = false;
  loading = false;
  loaded = true;
  disposed = false;
  loadMoreCalls = 0;
  refreshCalls = 0;
  #sessions: Session[];
  #queue: Session[] = [];
  #paused = false;
  readonly #listeners = new Set<() => void>();

  constructor(filters: SessionFilters, sessions: readonly Session[] = []) {
    this.filters = filters;
    this.#sessions = [...sessions].sort(compareSessions(NOW));
  }

  get sessions(): readonly Session[] {
    return this.#sessions;
  }
  get pendingCount(): number {
    return this.#queue.length;
  }
  get paused(): boolean {
    return this.#paused;
  }
  set paused(value: boolean) {
    this.#paused = value;
    if (!value) {
      const queued = this.#queue;
      this.#queue = [];
      queued.forEach((session) => this.#upsert(session));
    }
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  async loadMore(): Promise<void> {
    this.loadMoreCalls++;
  }
  async refresh(): Promise<void> {
    this.refreshCalls++;
  }
  dispose(): void {
    this.disposed = true;
  }

  /** A stream event: a new or changed session (held while paused). */
  push(session: Session): void {
    if (this.#paused) this.#queue.push(session);
    else this.#upsert(session);
    this.notify();
  }

  /** Sessions handed in through `apply` (an action's answer), in order. */
  readonly applied: Session[] = [];

  /** An action's answer: applied at once (even while paused) when newer than the one held. */
  apply(session: Session): void {
    this.applied.push(session);
    const held = this.#sessions.find((candidate) => candidate.id === session.id);
    if (held && held.version >= session.version) return;
    this.#upsert(session);
    this.notify();
  }

  /** Sets state fields and notifies. */
  set(changes: Partial<Pick<FakeLiveStore, 'state' | 'hasMore' | 'loading' | 'loaded'>>): void {
    Object.assign(this, changes);
    this.notify();
  }

  /** Appends a loaded page. */
  page(sessions: Session[]): void {
    this.#sessions = [...this.#sessions, ...sessions].sort(compareSessions(NOW));
    this.notify();
  }

  notify(): void {
    this.#listeners.forEach((listener) => listener());
  }

  #upsert(session: Session): void {
    this.#sessions = [...this.#sessions.filter((held) => held.id !== session.id), session].sort(
      compareSessions(NOW),
    );
  }
}

/** A store factory that records every store it made. */
export function fakeStoreFactory(initial: readonly Session[] = [], options: { match?: boolean } = {}) {
  const stores: FakeLiveStore[] = [];
  const factory = (filters: SessionFilters) => {
    // `match`: each store starts with the sessions its filters select, as the server would answer.
    const sessions = options.match ? initial.filter((s) => matchesFilters(s, filters, NOW)) : initial;
    const store = new FakeLiveStore(filters, sessions);
    stores.push(store);
    return store;
  };
  return Object.defineProperties(factory, {
    stores: { value: stores },
    last: { get: () => stores[stores.length - 1] },
  }) as typeof factory & { readonly stores: FakeLiveStore[]; readonly last: FakeLiveStore };
}

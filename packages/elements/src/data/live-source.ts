import {
  createLiveSessions,
  type LiveSessionsClient,
  type Session,
  type SessionFilters,
} from '@session-lens/sdk';
import type { LensClient } from '../context/lens-context.js';

/**
 * What a list reads from a live store. `LiveSessions` from `@session-lens/sdk` satisfies it;
 * tests and stories hand in any object of this shape through `storeFactory`.
 */
export type LiveSessionSource = {
  readonly sessions: readonly Session[];
  readonly state: {
    readonly status: 'connecting' | 'live' | 'reconnecting' | 'offline';
    readonly error?: unknown;
  };
  readonly hasMore: boolean;
  readonly loading: boolean;
  readonly loaded: boolean;
  readonly pendingCount: number;
  paused: boolean;
  subscribe(listener: () => void): () => void;
  /** Takes in a session the server answered with (an action's result); newest version wins. */
  apply(session: Session): void;
  loadMore(): Promise<void>;
  refresh(): Promise<void>;
  dispose(): void;
};

/** Builds a live source for a set of filters. */
export type LiveSourceFactory = (filters: SessionFilters) => LiveSessionSource;

/** Whether a client can feed the SDK's live store: it lists pages and watches the stream. */
export function canStream(client: LensClient): client is LensClient & LiveSessionsClient {
  return client.sessions.list !== undefined && client.sessions.watch !== undefined;
}

/**
 * The default factory: the SDK's live store over the provider's client. A client that cannot
 * stream (a stand-in with no `sessions.watch`) gets no store.
 */
export function sdkLiveSource(
  client: LensClient | undefined,
  pageSize: number,
): LiveSourceFactory | undefined {
  if (!client || !canStream(client)) return undefined;
  return (filters) => createLiveSessions(client, filters, { pageSize });
}

/**
 * Why the store's first page failed to load, or undefined while it has not failed (or loaded):
 * an error reported while it first connects is still being retried.
 */
export function failureOf(store: LiveSessionSource): unknown {
  if (store.loaded || store.state.status === 'connecting') return undefined;
  return store.state.error;
}

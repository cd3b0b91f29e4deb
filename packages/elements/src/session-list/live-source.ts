import { createLiveSessions, type Session, type SessionFilters } from '@session-lens/sdk';
import type { LensClient } from '../context/lens-context.js';

/**
 * What a list reads from a live store (K5). `LiveSessions` from `@session-lens/sdk` satisfies it;
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

/**
 * The default factory: the SDK's live store over the provider's client. A client that is not the
 * SDK's (a stand-in without `watch`) cannot stream, so no store is made for it.
 */
export function sdkLiveSource(
  client: LensClient | undefined,
  pageSize: number,
): LiveSourceFactory | undefined {
  const sessions = (client as { sessions?: { watch?: unknown } } | undefined)?.sessions;
  if (!client || typeof sessions?.watch !== 'function') return undefined;
  return (filters) =>
    createLiveSessions(client as unknown as Parameters<typeof createLiveSessions>[0], filters, { pageSize });
}

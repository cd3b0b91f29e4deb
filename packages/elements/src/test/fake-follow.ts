/**
 * A stand-in for `client.sessions.follow` (A16) for element tests and stories: the events a
 * test pushes are yielded to every open follow of their session, in order; `opened` records each
 * follow with the position it resumed from. End-to-end tests use the real stream instead.
 */
import type { FollowEvent, TranscriptEntry } from '@session-lens/sdk';

export type FakeFollow = {
  follow(id: string, options?: { lastEventId?: string; signal?: AbortSignal }): AsyncIterable<FollowEvent>;
  /** Sends an event to the open follows of `id`. */
  push(id: string, event: FollowEvent): void;
  /** Sends new entries (each an `entry` event) to the open follows of `id`. */
  entries(id: string, entries: readonly TranscriptEntry[]): void;
  readonly opened: { id: string; lastEventId: string | undefined }[];
  /** How many follows are open now. */
  open(): number;
};

export function fakeFollow(): FakeFollow {
  const listeners = new Set<{ id: string; deliver: (event: FollowEvent) => void }>();
  const opened: FakeFollow['opened'] = [];
  const push = (id: string, event: FollowEvent) => {
    for (const listener of listeners) if (listener.id === id) listener.deliver(event);
  };
  return {
    opened,
    push,
    entries: (id, entries) => {
      for (const entry of entries) push(id, { type: 'entry', id: String(entry.seq), data: entry });
    },
    open: () => listeners.size,
    follow(id, options = {}) {
      opened.push({ id, lastEventId: options.lastEventId });
      return {
        async *[Symbol.asyncIterator]() {
          const queue: FollowEvent[] = [];
          let wake: (() => void) | undefined;
          const listener = {
            id,
            deliver: (event: FollowEvent) => {
              queue.push(event);
              wake?.();
            },
          };
          listeners.add(listener);
          const aborted = new Promise<void>((resolve) =>
            options.signal?.addEventListener('abort', () => resolve(), { once: true }),
          );
          try {
            while (!options.signal?.aborted) {
              const event = queue.shift();
              if (event) yield event;
              else await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
            }
          } finally {
            listeners.delete(listener);
          }
        },
      };
    },
  };
}

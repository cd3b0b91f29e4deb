import * as z from 'zod/mini';
import { Session } from './session.js';
import { TranscriptEntry } from './transcript.js';

/** Data of a `session.removed` event: the session left the caller's view (A8). */
export const SessionRemovedData = z.object({ id: z.string().check(z.minLength(1)) });
export type SessionRemovedData = z.infer<typeof SessionRemovedData>;

/** Data of a `reset` event: the requested id is older than the retained log; refetch. */
export const ResetData = z.object({ reason: z.string() });
export type ResetData = z.infer<typeof ResetData>;

/** The event names the stream sends, with the schema of each one's data. */
export const STREAM_EVENTS = {
  session: Session,
  'session.removed': SessionRemovedData,
  reset: ResetData,
} as const;

/**
 * A decoded stream event. `id` is the global sequence number the server gave the event (absent
 * on `reset`); pass the last one back as `Last-Event-ID` to resume.
 */
export const StreamEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session'), id: z.string(), data: Session }),
  z.object({ type: z.literal('session.removed'), id: z.string(), data: SessionRemovedData }),
  z.object({ type: z.literal('reset'), id: z.optional(z.string()), data: ResetData }),
]);
export type StreamEvent = z.infer<typeof StreamEvent>;

/**
 * The event names a session's own stream sends (A16), with the schema of each one's data: its
 * new transcript entries, its changes, `session.removed` when it leaves the caller's view (the
 * stream then ends), and `reset`.
 */
export const FOLLOW_EVENTS = {
  entry: TranscriptEntry,
  session: Session,
  'session.removed': SessionRemovedData,
  reset: ResetData,
} as const;

/**
 * A decoded event of a session's own stream (`client.sessions.follow`). `id` is a transcript
 * position: an entry's `seq`, or on `session` the `seq` of the last entry sent before it (`''` on
 * a `reset` that came first). Pass the last one back as `Last-Event-ID` to resume after it.
 */
export type FollowEvent = {
  [K in keyof typeof FOLLOW_EVENTS]: { type: K; id: string; data: z.infer<(typeof FOLLOW_EVENTS)[K]> };
}[keyof typeof FOLLOW_EVENTS];

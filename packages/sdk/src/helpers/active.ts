import type { Session } from '../contract/session.js';

/** A chat counts as active for this long after its last message (S8). */
export const CHAT_ACTIVE_WINDOW_MS = 30 * 60 * 1000;

const ACTIVE_STATUSES: Record<Exclude<Session['kind'], 'chat'>, ReadonlySet<string>> = {
  flow: new Set(['running', 'paused', 'pending']),
  task: new Set(['running', 'queued', 'provisioning', 'waiting']),
  assessment: new Set(['running']),
};

/** The fields activeness depends on. */
export type ActivenessInput = Pick<Session, 'kind' | 'status' | 'lastMessageAt' | 'createdAt'>;

/**
 * When a chat's activeness lapses, in epoch milliseconds: 30 minutes after its last message (or
 * after it was created, while it has no message yet). Undefined for other kinds and ended chats,
 * whose activeness no clock changes.
 */
export function activeUntil(session: ActivenessInput): number | undefined {
  if (session.kind !== 'chat' || session.status === 'ended') return undefined;
  const last = Date.parse(session.lastMessageAt ?? session.createdAt);
  return Number.isNaN(last) ? undefined : last + CHAT_ACTIVE_WINDOW_MS;
}

/**
 * Whether a session is active at `now` (S8): a flow that is running, paused or pending; a task
 * that is running, queued, provisioning or waiting; a chat that is not ended and whose last
 * message is under 30 minutes old; an assessment that is running.
 */
export function isActive(session: ActivenessInput, now: number | Date = Date.now()): boolean {
  if (session.kind === 'chat') {
    const until = activeUntil(session);
    return until !== undefined && +now < until;
  }
  return ACTIVE_STATUSES[session.kind]?.has(session.status) ?? false;
}

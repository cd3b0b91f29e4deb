import { STATUSES_BY_TONE, type Session } from '@session-lens/sdk';

/** Statuses after which a session takes no more activity: settled and problem tones (S2). */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set<string>([
  ...STATUSES_BY_TONE.settled,
  ...STATUSES_BY_TONE.problem,
]);

/** The status a session starts in, by kind. */
export const INITIAL_STATUS: Record<Session['kind'], string> = {
  flow: 'running',
  task: 'queued',
  chat: 'waiting',
  assessment: 'running',
};

/** Whether a status is terminal. */
export function isTerminal(status: string): boolean {
  return TERMINAL_STATUSES.has(status);
}

/**
 * The next `updatedAt`: now, but never earlier than or equal to the previous one, so every change
 * moves a session strictly up the order even when two land in the same millisecond.
 */
export function nextUpdatedAt(previous: string | undefined, now: number): string {
  const floor = previous ? Date.parse(previous) + 1 : 0;
  return new Date(Math.max(now, floor)).toISOString();
}

/** A copy of a session with a change applied: version + 1, updatedAt moved. */
export function touched(session: Session, now: number): Session {
  return { ...session, updatedAt: nextUpdatedAt(session.updatedAt, now), version: session.version + 1 };
}

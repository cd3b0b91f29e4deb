import type { Session } from '../contract/session.js';
import { isActive, type ActivenessInput } from './active.js';

/** The fields the order depends on. */
export type OrderInput = ActivenessInput & Pick<Session, 'id' | 'updatedAt'>;

/**
 * Compares two sessions in the order every surface uses (S9): active sessions first, then by
 * `updatedAt` descending, then by `id` descending. Activeness depends on the clock, so the
 * comparator is made for one instant: `array.sort(compareSessions(now))`.
 */
export function compareSessions(now: number | Date = Date.now()): (a: OrderInput, b: OrderInput) => number {
  const at = +now;
  return (a, b) => {
    const activeA = isActive(a, at);
    const activeB = isActive(b, at);
    if (activeA !== activeB) return activeA ? -1 : 1;
    const updated = Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
    if (updated !== 0) return updated;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  };
}

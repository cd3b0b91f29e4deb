import type { Session } from '../contract/session.js';
import { isActive, type ActivenessInput } from './active.js';

/** The fields the order depends on. */
export type OrderInput = ActivenessInput & Pick<Session, 'id' | 'updatedAt'>;

/**
 * The session order on keys computed beforehand — activeness at the instant, `updatedAt` in
 * epoch ms, `id` — for callers that keep many sessions sorted and parse each key once. Negative
 * when `a` sorts first. {@link compareSessions} is this order on sessions.
 *
 * @internal
 */
export function compareOrderKeys(
  activeA: boolean,
  updatedA: number,
  idA: string,
  activeB: boolean,
  updatedB: number,
  idB: string,
): number {
  if (activeA !== activeB) return activeA ? -1 : 1;
  if (updatedA !== updatedB) return updatedB - updatedA;
  return idA < idB ? 1 : idA > idB ? -1 : 0;
}

/**
 * Compares two sessions in the order every surface uses: active sessions first, then by
 * `updatedAt` descending, then by `id` descending. Activeness depends on the clock, so the
 * comparator is made for one instant: `array.sort(compareSessions(now))`.
 */
export function compareSessions(now: number | Date = Date.now()): (a: OrderInput, b: OrderInput) => number {
  const at = +now;
  return (a, b) =>
    compareOrderKeys(
      isActive(a, at),
      Date.parse(a.updatedAt),
      a.id,
      isActive(b, at),
      Date.parse(b.updatedAt),
      b.id,
    );
}

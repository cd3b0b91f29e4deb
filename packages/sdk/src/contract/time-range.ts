/**
 * The time range of the list, stream and export filters (A11): `since` and `until` bound a
 * session's `updatedAt` (when it last moved). One parser for the server's SQL, the stream's
 * `matchesFilters` and the live store, so they agree to the millisecond.
 *
 * - `since` is inclusive (`updatedAt >= since`), `until` exclusive (`updatedAt < until`), so
 *   consecutive ranges never share a session.
 * - An instant is an ISO-8601 date-time with seconds, optionally milliseconds (three digits: the
 *   precision of `updatedAt`), and a time zone (`Z` or `±hh:mm`): `2026-11-21T09:30:00Z`,
 *   `2026-11-21T10:30:00.250+01:00`. That is the ECMAScript date-time format, which `Date.parse`
 *   reads exactly in every engine once `time-range-validation.ts` has refused what it does not
 *   (`2026-02-30`, `24:00`).
 * - `since` may instead be an ISO-8601 duration back from now — weeks, days, hours, minutes,
 *   seconds (`PT1H`, `P1D`, `P7D`, `P1DT12H`), at most {@link MAX_SINCE_DURATION_MS} — so a
 *   shared "last 24 hours" link stays the last 24 hours. A list resolves it against the instant
 *   its first page froze; the stream and the live store against their clock, so a session ages
 *   out of the range with no event to announce it.
 * - `until` takes an instant only: a moving `until` would let sessions age *into* the range
 *   with no event to announce them.
 */

/** The longest duration `since` may name: 3,660 days (about ten years), in milliseconds. */
export const MAX_SINCE_DURATION_MS = 3660 * 86_400_000;

const DURATION = /^P(?:(\d{1,7})W)?(?:(\d{1,7})D)?(?:T(?:(\d{1,7})H)?(?:(\d{1,7})M)?(?:(\d{1,7})S)?)?$/;

/**
 * The milliseconds of an ISO-8601 duration as `since` takes it (weeks to seconds, more than
 * zero, at most {@link MAX_SINCE_DURATION_MS}), or undefined.
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match || text.endsWith('T')) return undefined;
  const [, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0] = match;
  const ms = ((((+weeks * 7 + +days) * 24 + +hours) * 60 + +minutes) * 60 + +seconds) * 1000;
  return ms > 0 && ms <= MAX_SINCE_DURATION_MS ? ms : undefined;
}

/** A time range resolved at one instant: epoch milliseconds, `since` inclusive, `until` exclusive. */
export type ResolvedRange = { since?: number | undefined; until?: number | undefined };

/**
 * Resolves valid `since` / `until` values (the contract's schemas refuse others) at `now`: a
 * duration counts back from it, an instant is read by `Date.parse`.
 */
export function resolveTimeRange(
  filters: { since?: string | undefined; until?: string | undefined },
  now: number,
): ResolvedRange {
  const { since, until } = filters;
  const back = since === undefined ? undefined : parseDuration(since);
  return {
    since: back !== undefined ? now - back : since === undefined ? undefined : Date.parse(since),
    until: until === undefined ? undefined : Date.parse(until),
  };
}

/** Whether an `updatedAt` (epoch ms) lies in a resolved range. */
export function withinRange(updatedAt: number, range: ResolvedRange): boolean {
  return !(updatedAt < (range.since ?? -Infinity)) && updatedAt < (range.until ?? Infinity);
}

/**
 * The first instant (epoch ms) at which a session updated at `updatedAt` is out of a `since`
 * duration range: one millisecond after `updatedAt + duration`, the last instant it is in.
 * Undefined when `since` is an instant or absent: then only an update moves a session, and an
 * update moves it in.
 */
export function leavesRangeAt(updatedAt: number, since: string | undefined): number | undefined {
  const duration = since === undefined ? undefined : parseDuration(since);
  return duration === undefined ? undefined : updatedAt + duration + 1;
}

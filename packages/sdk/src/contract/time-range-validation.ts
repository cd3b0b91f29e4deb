/**
 * Validation of the time range filters (A11; the rules are in `time-range.ts`). What the
 * contract's schemas check before a value is resolved: used by the server and by anything that
 * parses a request, never by the live store, so none of it reaches the browser bundle.
 */
import { parseDuration } from './time-range.js';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{3})?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** What an instant must look like, as validation messages say it. */
export const INSTANT_HINT = 'an ISO-8601 instant with a time zone, e.g. 2026-11-21T09:30:00Z';

/**
 * The epoch milliseconds of an ISO-8601 instant as the filters take it, or undefined: seconds
 * required, milliseconds optional (three digits), a zone required; fields out of range (month
 * 13, 30 February, 24:00, an offset of +24:00) are refused rather than rolled over, as engines
 * differ there.
 */
export function parseInstant(text: string): number | undefined {
  const match = INSTANT.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const check = new Date(Date.UTC(2000, month! - 1, day!, hour!, minute!, second!));
  check.setUTCFullYear(year!);
  const exact =
    check.getUTCMonth() === month! - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second &&
    offsetHours < 24 &&
    offsetMinutes < 60;
  return exact ? Date.parse(text) : undefined;
}

/** Whether `text` is a valid `since`: an instant, or a duration back from now. */
export const isSince = (text: string): boolean =>
  parseInstant(text) !== undefined || parseDuration(text) !== undefined;

/** Whether `text` is a valid `until`: an instant. */
export const isUntil = (text: string): boolean => parseInstant(text) !== undefined;

/**
 * The 400 a request deserves when its instants are each valid but name an empty range (`since`
 * at or after `until`, both instants): a path and a message, or undefined.
 */
export function timeRangeError(
  filters: { since?: string | undefined; until?: string | undefined },
  prefix: string,
): { path: string; message: string } | undefined {
  if (filters.since === undefined || filters.until === undefined) return undefined;
  const since = parseInstant(filters.since);
  const until = parseInstant(filters.until);
  if (since === undefined || until === undefined || since < until) return undefined;
  return { path: `${prefix}.until`, message: 'until must be later than since' };
}

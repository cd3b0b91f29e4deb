import { numberFormat, relativeTimeFormat } from './intl-cache.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
  ['second', SECOND],
];

const RELATIVE_OPTIONS: Intl.RelativeTimeFormatOptions = { style: 'narrow', numeric: 'auto' };

function toEpoch(value: string | number | Date): number {
  return typeof value === 'string' ? Date.parse(value) : +value;
}

/**
 * How long ago something happened, in the largest whole unit: "12m ago", "3h ago", "now"
 * (English narrow style; other locales per `Intl.RelativeTimeFormat`). Future instants read as
 * "in 5m".
 */
export function relativeTime(
  at: string | number | Date,
  now: number | Date = Date.now(),
  locale?: string,
): string {
  const diff = toEpoch(at) - +now;
  const format = relativeTimeFormat(locale, RELATIVE_OPTIONS);
  const abs = Math.abs(diff);
  for (const [unit, size] of UNITS) {
    if (abs >= size) return format.format(Math.trunc(diff / size), unit);
  }
  return format.format(0, 'second');
}

/**
 * An elapsed duration in its two largest units: "11m 42s", "2h 5m", "3d 4h", "42s"
 * (narrow unit style of `Intl.NumberFormat`, so other locales read naturally).
 */
export function elapsed(durationMs: number, locale?: string): string {
  const total = Math.max(0, Math.floor(durationMs / SECOND));
  const parts: Array<[number, 'day' | 'hour' | 'minute' | 'second']> = [
    [Math.floor(total / 86_400), 'day'],
    [Math.floor((total % 86_400) / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
    [total % 60, 'second'],
  ];
  const first = parts.findIndex(([value]) => value > 0);
  if (first === -1) return unitFormat(0, 'second', locale);
  return parts
    .slice(first, first + 2)
    .filter(([value], index) => index === 0 || value > 0)
    .map(([value, unit]) => unitFormat(value, unit, locale))
    .join(' ');
}

/** The elapsed time between two instants (to now when `end` is absent). */
export function elapsedBetween(
  start: string | number | Date,
  end: string | number | Date | undefined,
  now: number | Date = Date.now(),
  locale?: string,
): string {
  return elapsed((end === undefined ? +now : toEpoch(end)) - toEpoch(start), locale);
}

function unitFormat(value: number, unit: string, locale: string | undefined): string {
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' }).format(value);
}

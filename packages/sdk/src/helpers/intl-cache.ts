/**
 * `Intl` objects made once per locale and options, and reused: the SDK's label helpers and the
 * elements both format through these. Building a formatter costs far more than using one (a
 * `NumberFormat` ~50–150 µs, a `DateTimeFormat` ~160 µs, a `format` call ~1–5 µs), and a list
 * formats on every row it renders.
 *
 * The cache is bounded: past {@link MAX_FORMATTERS} entries the oldest is dropped, so a page that
 * formats in many locales cannot grow it without limit.
 */

/** How many formatters (and locale languages) the cache keeps at most. */
export const MAX_FORMATTERS = 64;

const entries = new Map<string, unknown>();

function cached<T>(key: string, make: () => T): T {
  if (entries.has(key)) return entries.get(key) as T;
  // An invalid locale throws here, before anything is stored.
  const made = make();
  if (entries.size >= MAX_FORMATTERS) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  entries.set(key, made);
  return made;
}

const keyOf = (kind: string, locale: string | undefined, options: object | undefined): string =>
  `${kind}|${locale ?? ''}|${options === undefined ? '' : JSON.stringify(options)}`;

/**
 * A cached `Intl.NumberFormat` for `locale` (the runtime's when undefined) and `options`. Like
 * every function here, it throws a `RangeError` for an invalid locale tag.
 */
export function numberFormat(
  locale: string | undefined,
  options?: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  return cached(keyOf('number', locale, options), () => new Intl.NumberFormat(locale, options));
}

/** A cached `Intl.DateTimeFormat` for `locale` (the runtime's when undefined) and `options`. */
export function dateTimeFormat(
  locale: string | undefined,
  options?: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return cached(keyOf('datetime', locale, options), () => new Intl.DateTimeFormat(locale, options));
}

/** A cached `Intl.RelativeTimeFormat` for `locale` (the runtime's when undefined) and `options`. */
export function relativeTimeFormat(
  locale: string | undefined,
  options?: Intl.RelativeTimeFormatOptions,
): Intl.RelativeTimeFormat {
  return cached(keyOf('relative', locale, options), () => new Intl.RelativeTimeFormat(locale, options));
}

/** A cached cardinal `Intl.PluralRules` for `locale` (the runtime's when undefined). */
export function pluralRules(locale: string | undefined): Intl.PluralRules {
  return cached(keyOf('plural', locale, undefined), () => new Intl.PluralRules(locale));
}

/** The language of a locale tag ("de-CH" → "de"; the runtime's language when undefined), cached. */
export function localeLanguage(locale: string | undefined): string {
  return cached(
    keyOf('language', locale, undefined),
    () => new Intl.Locale(locale ?? numberFormat(undefined).resolvedOptions().locale).language,
  );
}

/** How many entries are cached (tests read it to prove the bound). */
export function cachedFormatterCount(): number {
  return entries.size;
}

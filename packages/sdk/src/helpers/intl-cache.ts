/**
 * `Intl` formatters made once per locale and options, and reused. Building a formatter costs far
 * more than using one (a `NumberFormat` ~50–150 µs, a `format` call ~1–5 µs), and the label
 * helpers run for every row a list renders. Internal to the helpers; not exported from the SDK.
 *
 * The cache is bounded: past {@link MAX_FORMATTERS} entries the oldest is dropped, so a page
 * that formats in many locales cannot grow it without limit.
 */

/** How many formatters the cache keeps at most. */
export const MAX_FORMATTERS = 64;

type Formatter = Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.PluralRules;

const formatters = new Map<string, Formatter>();

function cached<T extends Formatter>(key: string, make: () => T): T {
  const hit = formatters.get(key);
  if (hit !== undefined) return hit as T;
  // An invalid locale throws here, before anything is stored.
  const made = make();
  if (formatters.size >= MAX_FORMATTERS) {
    const oldest = formatters.keys().next().value;
    if (oldest !== undefined) formatters.delete(oldest);
  }
  formatters.set(key, made);
  return made;
}

const keyOf = (kind: string, locale: string | undefined, options: object | undefined): string =>
  `${kind}|${locale ?? ''}|${options === undefined ? '' : JSON.stringify(options)}`;

/** A cached `Intl.NumberFormat` for `locale` (the runtime's when undefined) and `options`. */
export function numberFormat(
  locale: string | undefined,
  options?: Intl.NumberFormatOptions,
): Intl.NumberFormat {
  return cached(keyOf('number', locale, options), () => new Intl.NumberFormat(locale, options));
}

/** A cached `Intl.RelativeTimeFormat`. */
export function relativeTimeFormat(
  locale: string | undefined,
  options?: Intl.RelativeTimeFormatOptions,
): Intl.RelativeTimeFormat {
  return cached(keyOf('relative', locale, options), () => new Intl.RelativeTimeFormat(locale, options));
}

/** A cached cardinal `Intl.PluralRules`. */
export function pluralRules(locale: string | undefined): Intl.PluralRules {
  return cached(keyOf('plural', locale, undefined), () => new Intl.PluralRules(locale));
}

/** How many formatters are cached (tests read it to prove the bound). */
export function cachedFormatterCount(): number {
  return formatters.size;
}

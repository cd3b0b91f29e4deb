import { describe, expect, it } from 'vitest';
import {
  MAX_FORMATTERS,
  cachedFormatterCount,
  dateTimeFormat,
  localeLanguage,
  numberFormat,
  pluralRules,
  relativeTimeFormat,
} from './intl-cache.js';
import { formatMoney } from './money.js';

describe('intl-cache', () => {
  it('hands out one formatter per locale and options', () => {
    expect(numberFormat('en-US')).toBe(numberFormat('en-US'));
    expect(numberFormat('en-US', { style: 'percent' })).toBe(numberFormat('en-US', { style: 'percent' }));
    expect(numberFormat('en-US', { style: 'percent' })).not.toBe(numberFormat('en-US'));
    expect(numberFormat('de-DE')).not.toBe(numberFormat('en-US'));
    expect(relativeTimeFormat('en', { style: 'narrow' })).toBe(relativeTimeFormat('en', { style: 'narrow' }));
    expect(pluralRules('en')).toBe(pluralRules('en'));
    expect(numberFormat('de-DE').format(1234.5)).toBe('1.234,5');
    const medium = { dateStyle: 'medium', timeZone: 'UTC' } as const;
    expect(dateTimeFormat('en-US', medium)).toBe(dateTimeFormat('en-US', medium));
    expect(dateTimeFormat('en-US', medium).format(Date.UTC(2026, 10, 21))).toBe('Nov 21, 2026');
  });

  it('reads the language of a locale tag, the runtime’s when undefined', () => {
    expect(localeLanguage('de-CH')).toBe('de');
    expect(localeLanguage('en')).toBe('en');
    expect(localeLanguage(undefined)).toBe(
      new Intl.Locale(new Intl.NumberFormat().resolvedOptions().locale).language,
    );
  });

  it('stays bounded and keeps formatting right after evicting', () => {
    const locales = ['en-US', 'de-DE', 'fr-FR', 'ja-JP', 'es-ES'];
    for (let digits = 0; digits <= 20; digits++) {
      for (const locale of locales) numberFormat(locale, { maximumFractionDigits: digits });
    }
    expect(cachedFormatterCount()).toBeLessThanOrEqual(MAX_FORMATTERS);
    expect(formatMoney('1234.845', { locale: 'de-DE' })).toBe('1.234,85\u00a0$');
  });

  it('throws for an invalid locale and stores nothing for it', () => {
    const before = cachedFormatterCount();
    expect(() => numberFormat('not a locale!')).toThrow(RangeError);
    expect(() => dateTimeFormat('not a locale!')).toThrow(RangeError);
    expect(() => localeLanguage('not a locale!')).toThrow(RangeError);
    expect(cachedFormatterCount()).toBe(before);
  });
});

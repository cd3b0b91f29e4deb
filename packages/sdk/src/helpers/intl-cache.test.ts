import { describe, expect, it } from 'vitest';
import {
  MAX_FORMATTERS,
  cachedFormatterCount,
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
    expect(cachedFormatterCount()).toBe(before);
  });
});

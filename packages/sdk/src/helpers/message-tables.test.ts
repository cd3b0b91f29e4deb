import { describe, expect, it } from 'vitest';
import { localeLanguage } from './intl-cache.js';
import { columnTables, messageLookup, pluralForm, tableLanguage } from './message-tables.js';

const tables = { en: { hello: 'Hello' }, de: { hello: 'Hallo' } };

describe('message tables', () => {
  it('picks the table of a locale tag’s language, else the fallback', () => {
    const lookup = messageLookup(tables, 'en');
    expect(lookup('de-CH').hello).toBe('Hallo');
    expect(lookup('en-GB').hello).toBe('Hello');
    expect(lookup('fr').hello).toBe('Hello');
    expect(messageLookup(tables, 'de')('fr').hello).toBe('Hallo');
    expect(tableLanguage(tables, 'de-AT', 'en')).toBe('de');
    expect(tableLanguage(tables, 'ja', 'en')).toBe('en');
  });

  it('reads the runtime’s language for an undefined tag, and throws for an invalid one', () => {
    const runtime = localeLanguage(undefined);
    expect(tableLanguage(tables, undefined, 'en')).toBe(runtime === 'de' ? 'de' : 'en');
    expect(() => messageLookup(tables, 'en')('not a tag!')).toThrow(RangeError);
  });

  it('chooses plural forms by the locale’s rules, other where a form is missing', () => {
    const turns = { one: 'turn', other: 'turns' };
    expect(pluralForm(turns, 1, 'en')).toBe('turn');
    expect(pluralForm(turns, 2, 'en')).toBe('turns');
    expect(pluralForm(turns, 0, 'en')).toBe('turns');
    // Polish 2 is "few": no form for it here, so "other".
    expect(pluralForm(turns, 2, 'pl')).toBe('turns');
    expect(pluralForm({ ...turns, few: 'tury' }, 2, 'pl')).toBe('tury');
  });

  it('reads one table per language out of words written side by side', () => {
    const words = {
      retry: ['Retry', 'Erneut'],
      status: { running: ['Running', 'Läuft'] },
      step: [(n: string) => `Step ${n}`, (n: string) => `Schritt ${n}`],
    } as const;
    const byLanguage = columnTables(['en', 'de'], words);
    expect(byLanguage.de.retry).toBe('Erneut');
    expect(byLanguage.de.status.running).toBe('Läuft');
    expect(byLanguage.en.step('2')).toBe('Step 2');
    expect(messageLookup(byLanguage, 'en')('de-AT').step('2')).toBe('Schritt 2');
  });
});

import { numberFormat, pluralRules } from './intl-cache.js';

/**
 * The few words the helpers put into labels, per language. Numbers, dates and plurals come from
 * `Intl`; only the words live here. Unknown languages fall back to English.
 */
export type HelperMessages = {
  step: (current: string, total: string) => string;
  turns: Record<Intl.LDMLPluralRule, string>;
  messages: Record<Intl.LDMLPluralRule, string>;
  executions: Record<Intl.LDMLPluralRule, string>;
  unpriced: string;
  plusUnpriced: string;
  credits: Record<Intl.LDMLPluralRule, string>;
  noSteps: string;
};

const plural = (one: string, other: string): Record<Intl.LDMLPluralRule, string> => ({
  zero: other,
  one,
  two: other,
  few: other,
  many: other,
  other,
});

const en: HelperMessages = {
  step: (current, total) => `Step ${current} of ${total}`,
  turns: plural('{n} turn', '{n} turns'),
  messages: plural('{n} message', '{n} messages'),
  executions: plural('{n} execution', '{n} executions'),
  unpriced: 'Unpriced',
  plusUnpriced: '+ unpriced',
  credits: plural('{n} credit', '{n} credits'),
  noSteps: 'No steps yet',
};

const de: HelperMessages = {
  step: (current, total) => `Schritt ${current} von ${total}`,
  turns: plural('{n} Durchgang', '{n} Durchgänge'),
  messages: plural('{n} Nachricht', '{n} Nachrichten'),
  executions: plural('{n} Ausführung', '{n} Ausführungen'),
  unpriced: 'Ohne Preis',
  plusUnpriced: '+ ohne Preis',
  credits: plural('{n} Credit', '{n} Credits'),
  noSteps: 'Noch keine Schritte',
};

const BY_LANGUAGE: Record<string, HelperMessages> = { en, de };

/** Messages per locale tag already looked up ('' for the runtime's locale); bounded. */
const byLocale = new Map<string, HelperMessages>();
const MAX_LOCALES = 64;

/** The messages for a locale's language (English when unknown). */
export function messagesFor(locale: string | undefined): HelperMessages {
  const key = locale ?? '';
  let words = byLocale.get(key);
  if (words === undefined) {
    // An invalid tag throws here, before anything is stored.
    const language = new Intl.Locale(locale ?? numberFormat(undefined).resolvedOptions().locale).language;
    words = BY_LANGUAGE[language] ?? en;
    if (byLocale.size >= MAX_LOCALES) byLocale.clear();
    byLocale.set(key, words);
  }
  return words;
}

/** Fills a plural message for `count`, formatted in `locale`. */
export function countLabel(
  forms: Record<Intl.LDMLPluralRule, string>,
  count: number,
  locale: string | undefined,
): string {
  const rule = pluralRules(locale).select(count);
  return forms[rule].replace('{n}', numberFormat(locale).format(count));
}

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

/** The messages for a locale's language (English when unknown). */
export function messagesFor(locale: string | undefined): HelperMessages {
  const language = new Intl.Locale(locale ?? new Intl.NumberFormat().resolvedOptions().locale).language;
  return BY_LANGUAGE[language] ?? en;
}

/** Fills a plural message for `count`, formatted in `locale`. */
export function countLabel(
  forms: Record<Intl.LDMLPluralRule, string>,
  count: number,
  locale: string | undefined,
): string {
  const rule = new Intl.PluralRules(locale).select(count);
  return forms[rule].replace('{n}', new Intl.NumberFormat(locale).format(count));
}

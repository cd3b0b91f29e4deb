import { numberFormat } from './intl-cache.js';
import { messageLookup, pluralForm, type PluralForms } from './message-tables.js';

/**
 * The few words the helpers put into labels, per language. Numbers, dates and plurals come from
 * `Intl`; only the words live here (`{n}` stands for the formatted count). Unknown languages fall
 * back to English.
 */
export type HelperMessages = {
  step: (current: string, total: string) => string;
  turns: PluralForms;
  messages: PluralForms;
  executions: PluralForms;
  unpriced: string;
  plusUnpriced: string;
  credits: PluralForms;
  noSteps: string;
};

const en: HelperMessages = {
  step: (current, total) => `Step ${current} of ${total}`,
  turns: { one: '{n} turn', other: '{n} turns' },
  messages: { one: '{n} message', other: '{n} messages' },
  executions: { one: '{n} execution', other: '{n} executions' },
  unpriced: 'Unpriced',
  plusUnpriced: '+ unpriced',
  credits: { one: '{n} credit', other: '{n} credits' },
  noSteps: 'No steps yet',
};

const de: HelperMessages = {
  step: (current, total) => `Schritt ${current} von ${total}`,
  turns: { one: '{n} Durchgang', other: '{n} Durchgänge' },
  messages: { one: '{n} Nachricht', other: '{n} Nachrichten' },
  executions: { one: '{n} Ausführung', other: '{n} Ausführungen' },
  unpriced: 'Ohne Preis',
  plusUnpriced: '+ ohne Preis',
  credits: { one: '{n} Credit', other: '{n} Credits' },
  noSteps: 'Noch keine Schritte',
};

/** The messages for a locale's language (English when unknown; the runtime's when undefined). */
export const messagesFor: (locale: string | undefined) => HelperMessages = messageLookup({ en, de }, 'en');

/** Fills a plural message for `count`, formatted in `locale`. */
export function countLabel(forms: PluralForms, count: number, locale: string | undefined): string {
  return pluralForm(forms, count, locale).replace('{n}', numberFormat(locale).format(count));
}

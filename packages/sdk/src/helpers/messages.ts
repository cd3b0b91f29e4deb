import { numberFormat } from './intl-cache.js';
import {
  columnTables,
  messageLookup,
  pluralForm,
  type InOneLanguage,
  type PluralForms,
} from './message-tables.js';

/**
 * The few words the helpers put into labels, side by side in English and German. Numbers, dates
 * and plurals come from `Intl`; only the words live here (`{n}` stands for the formatted count).
 * Unknown languages fall back to English.
 */
const WORDS = {
  step: [
    (current: string, total: string) => `Step ${current} of ${total}`,
    (current: string, total: string) => `Schritt ${current} von ${total}`,
  ],
  turns: { one: ['{n} turn', '{n} Durchgang'], other: ['{n} turns', '{n} Durchgänge'] },
  messages: { one: ['{n} message', '{n} Nachricht'], other: ['{n} messages', '{n} Nachrichten'] },
  executions: { one: ['{n} execution', '{n} Ausführung'], other: ['{n} executions', '{n} Ausführungen'] },
  unpriced: ['Unpriced', 'Ohne Preis'],
  plusUnpriced: ['+ unpriced', '+ ohne Preis'],
  credits: { one: ['{n} credit', '{n} Credit'], other: ['{n} credits', '{n} Credits'] },
  noSteps: ['No steps yet', 'Noch keine Schritte'],
} as const;

/** The helpers' words in one language. */
export type HelperMessages = InOneLanguage<typeof WORDS>;

/** The messages for a locale's language (English when unknown; the runtime's when undefined). */
export const messagesFor: (locale: string | undefined) => HelperMessages = messageLookup(
  columnTables(['en', 'de'], WORDS),
  'en',
);

/** Fills a plural message for `count`, formatted in `locale`. */
export function countLabel(forms: PluralForms, count: number, locale: string | undefined): string {
  return pluralForm(forms, count, locale).replace('{n}', numberFormat(locale).format(count));
}

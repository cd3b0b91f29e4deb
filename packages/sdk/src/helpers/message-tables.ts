/**
 * The one way words are picked for a locale, in the SDK's helpers and in the elements: a table
 * per language, looked up by the language of a locale tag, with a fallback language; and plural
 * forms chosen by `Intl.PluralRules`. Numbers, dates and plurals come from `Intl` (through the
 * bounded cache in `intl-cache.ts`); only words live in tables.
 */
import { localeLanguage, pluralRules } from './intl-cache.js';

/** Tables of words, one per language subtag (`en`, `de`, …). */
export type MessageTables<Language extends string, Table> = Readonly<Record<Language, Table>>;

/**
 * The forms of a counted phrase: `other` always, and any plural category the language uses
 * (`one`, `few`, …); a category without a form reads `other`.
 */
export type PluralForms = { readonly other: string } & Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>;

/**
 * The language of `tables` that a locale tag reads: its own language when it has a table
 * ("de-CH" → "de"), else `fallback`. An undefined tag reads the runtime's language; an invalid
 * one throws a `RangeError`, as `Intl` does.
 */
export function tableLanguage<Language extends string>(
  tables: MessageTables<Language, unknown>,
  locale: string | undefined,
  fallback: NoInfer<Language>,
): Language {
  const language = localeLanguage(locale);
  return Object.hasOwn(tables, language) ? (language as Language) : fallback;
}

/** A lookup from a locale tag to its table in `tables` (see {@link tableLanguage}). */
export function messageLookup<Language extends string, Table>(
  tables: MessageTables<Language, Table>,
  fallback: NoInfer<Language>,
): (locale: string | undefined) => Table {
  return (locale) => tables[tableLanguage(tables, locale, fallback)];
}

/** The form of `forms` that `count` takes in `locale` ("1 turn" / "2 turns"). */
export function pluralForm(forms: PluralForms, count: number, locale: string | undefined): string {
  return forms[pluralRules(locale).select(count)] ?? forms.other;
}

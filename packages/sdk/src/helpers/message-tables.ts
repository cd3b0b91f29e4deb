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

/**
 * Words written once with their forms side by side, one column per language
 * (`retry: ['Retry', 'Erneut']`), grouped in nested objects as a caller likes.
 */
export type WordColumns = { readonly [key: string]: readonly unknown[] | WordColumns };

/** A tree of {@link WordColumns} read in one language: `['Retry', 'Erneut']` → a string. */
export type InOneLanguage<Words> = Words extends readonly [infer Form, ...unknown[]]
  ? Form extends string
    ? string
    : Form
  : { readonly [Key in keyof Words]: InOneLanguage<Words[Key]> };

/**
 * One table per language out of words written side by side: `languages` names the columns in
 * order (`['en', 'de']`). Adding a language is adding a column.
 */
export function columnTables<const Languages extends readonly string[], Words extends WordColumns>(
  languages: Languages,
  words: Words,
): MessageTables<Languages[number], InOneLanguage<Words>> {
  const column = (tree: WordColumns, index: number): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(tree).map(([key, value]) => [
        key,
        Array.isArray(value) ? value[index] : column(value as WordColumns, index),
      ]),
    );
  return Object.fromEntries(
    languages.map((language, index) => [language, column(words, index)]),
  ) as MessageTables<Languages[number], InOneLanguage<Words>>;
}

/** The form of `forms` that `count` takes in `locale` ("1 turn" / "2 turns"). */
export function pluralForm(forms: PluralForms, count: number, locale: string | undefined): string {
  return forms[pluralRules(locale).select(count)] ?? forms.other;
}

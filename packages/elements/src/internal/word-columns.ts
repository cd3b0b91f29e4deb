/**
 * Word tables written once with each language's form side by side (`['Retry', 'Erneut']`), read
 * one language (column) at a time: the detail words (`detail-messages.ts`) and the act words
 * (`act-messages.ts`), each in its own chunk.
 */
import type { Language } from './messages.js';

/** Which column of a word table holds each language. */
export const COLUMNS: Readonly<Record<Language, 0 | 1>> = { en: 0, de: 1 };

/** A tree of words in every language, read in one language: `['Retry', 'Erneut']` → a string. */
export type InOneLanguage<T> = T extends readonly [infer Form, unknown]
  ? Form extends string
    ? string
    : Form
  : { readonly [Key in keyof T]: InOneLanguage<T[Key]> };

/** Reads one column of a tree of words. */
export function column(tree: object, index: 0 | 1): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]: [string, unknown]) => [
      key,
      Array.isArray(value) ? value[index] : column(value as object, index),
    ]),
  );
}

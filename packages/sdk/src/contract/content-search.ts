/**
 * Search inside the work (A12): the `content` filter of the list, stream and export. Its
 * semantics, which the reference server implements over a trigram index:
 *
 * - `content` is split on whitespace into at most {@link MAX_CONTENT_WORDS} words; a session
 *   matches when **every** word occurs, as a literal substring and case-insensitively, somewhere
 *   in its transcript (the words may sit in different entries). `%`, `_` and `\` mean themselves.
 * - What is searched, per entry: a message's text; a tool call's name and the JSON text of its
 *   arguments (keys included, results not); a file edit's path. Step entries, tool results and
 *   file contents are not searched.
 * - Entries are redacted before they are stored (X4), and the redaction markers
 *   (`[REDACTED:<kind>]`) are left out of the searched text: a search never matches a secret,
 *   nor the kind of secret a session once held. At most the first 65,536 characters of an entry
 *   are searched.
 * - Each word needs {@link MIN_CONTENT_RUN} letters or digits in a row (`api`, `src/app.ts`,
 *   `502`): the index is of three-character runs, and a shorter word would read all of it.
 * - Only sessions the caller may see are searched; `content` combines with every other filter.
 *
 * The SDK cannot check `content` itself (a session document holds no transcript), so
 * `matchesFilters` leaves it to the server: the server's pages and stream carry only sessions
 * that match, and because transcripts only grow, a session that matched keeps matching.
 */

/** The most words a `content` search may have. */
export const MAX_CONTENT_WORDS = 8;

/** The letters or digits in a row each word of a `content` search needs. */
export const MIN_CONTENT_RUN = 3;

const RUN = new RegExp(`[\\p{L}\\p{N}]{${MIN_CONTENT_RUN}}`, 'u');

/** The words of a `content` search, as typed (the server lower-cases them with the entries). */
export function contentWords(content: string | undefined): string[] {
  return (content ?? '').split(/\s+/).filter((word) => word.length > 0);
}

/** Why a `content` value is refused, or undefined when it is a valid search. */
export function contentQueryError(content: string): string | undefined {
  const words = contentWords(content);
  if (words.length === 0) return 'Expected at least one word to search for';
  if (words.length > MAX_CONTENT_WORDS) return `Expected at most ${MAX_CONTENT_WORDS} words`;
  const short = words.find((word) => !RUN.test(word));
  if (short !== undefined) {
    return `Each word needs ${MIN_CONTENT_RUN} letters or digits in a row; "${short.slice(0, 40)}" has not`;
  }
  return undefined;
}

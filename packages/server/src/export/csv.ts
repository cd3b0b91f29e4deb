/**
 * CSV as RFC 4180 writes it, with spreadsheet formula injection neutralized (OWASP's advice).
 *
 * - A record is its fields joined by `,` and ended by CRLF.
 * - A field holding `"`, `,`, CR or LF is quoted, with each `"` doubled; others go as they are.
 * - A field a spreadsheet would run as a formula — one starting with `=`, `+`, `-`, `@`, a tab or
 *   a CR — is written with a leading apostrophe (`'=HYPERLINK(…)`), which spreadsheets show as
 *   text and do not evaluate. A plain decimal number (`-0.25`) is left as it is: it is no
 *   formula. So the apostrophe is data a reader of the file sees: it is the price of a file that
 *   is safe to open. JSON Lines are not altered.
 */

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, neutralized and quoted as needed. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record: its fields, then CRLF. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

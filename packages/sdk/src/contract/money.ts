import * as z from 'zod/mini';

/**
 * An amount of US dollars as a decimal string with at most six fractional digits
 * (micro-dollar precision), for example `"0.84"` or `"12.000125"`. Money never travels as a
 * binary float, so no caption can ever read `$0.30000000000000004`.
 */
export const Money = z
  .string()
  .check(
    z.regex(
      /^-?(0|[1-9]\d{0,14})(\.\d{1,6})?$/,
      'Expected a decimal string with at most 6 fractional digits',
    ),
  );
export type Money = z.infer<typeof Money>;

/** The largest amount one reported turn may carry: $999,999,999.999999 (A19). */
export const MAX_TURN_USD = '999999999.999999';

/**
 * The largest cost total a session may reach: $999,999,999,999.999999, so that its total in
 * micro-dollars fits a 64-bit integer and is always a valid {@link Money} (A19). A batch that
 * would take a session past it is refused whole.
 */
export const MAX_SESSION_USD = '999999999999.999999';

/** A turn's amount as a runtime reports it: non-negative, at most {@link MAX_TURN_USD}. */
export const TurnAmount = z
  .string()
  .check(
    z.regex(
      /^(0|[1-9]\d{0,8})(\.\d{1,6})?$/,
      'Expected a non-negative decimal string below 1000000000 with at most 6 fractional digits',
    ),
  );
export type TurnAmount = z.infer<typeof TurnAmount>;

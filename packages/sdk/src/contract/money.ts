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
  )
  .register(z.globalRegistry, {
    id: 'Money',
    description: 'US dollars as a decimal string (≤ 6 fractional digits).',
    examples: ['0.84'],
  });
export type Money = z.infer<typeof Money>;

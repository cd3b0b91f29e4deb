import type { Money } from '../contract/money.js';
import { numberFormat } from './intl-cache.js';

const MICROS_PER_DOLLAR = 1_000_000n;

/** Parses a decimal dollar string into integer micro-dollars, exactly. */
export function toMicros(amount: Money): bigint {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const micros = BigInt(whole) * MICROS_PER_DOLLAR + BigInt(fraction.padEnd(6, '0').slice(0, 6));
  return negative ? -micros : micros;
}

/** Formats integer micro-dollars as a decimal dollar string (`1230000n` → `"1.23"`). */
export function fromMicros(micros: bigint): Money {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / MICROS_PER_DOLLAR;
  const fraction = (abs % MICROS_PER_DOLLAR).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Options for {@link formatMoney}. */
export type FormatMoneyOptions = {
  /** BCP 47 locale; defaults to the runtime's. */
  locale?: string | undefined;
  /** Fraction digits to show; 2 by default, 3 for per-turn amounts. */
  fractionDigits?: number;
};

/**
 * Formats a dollar amount for people, locale-aware, without ever turning it into a binary
 * float: `Intl.NumberFormat` formats the decimal string exactly. A non-zero amount that would
 * round to zero reads "<$0.01".
 */
export function formatMoney(amount: Money, options: FormatMoneyOptions = {}): string {
  const digits = options.fractionDigits ?? 2;
  const format = numberFormat(options.locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  const micros = toMicros(amount);
  const smallest = 10n ** BigInt(6 - digits);
  if (micros !== 0n && (micros < 0n ? -micros : micros) * 2n < smallest) {
    return `<${format.format(fromMicros(smallest) as `${number}`)}`;
  }
  // Intl.NumberFormat accepts a decimal string and formats it exactly (ES2023).
  return format.format(amount as `${number}`);
}

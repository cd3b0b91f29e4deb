import type { CostSummary } from '../contract/cost.js';
import { countLabel, messagesFor } from './messages.js';
import { formatMoney } from './money.js';

/**
 * The one-line cost caption under a row's steps (S4):
 * every turn unpriced → "Unpriced"; some unpriced → "$0.84 + unpriced";
 * credits present → "$0.84 · 84 credits"; otherwise "$0.84".
 * Returns undefined when there is no cost to show (absent from the payload).
 */
export function costCaption(cost: CostSummary | undefined, locale?: string): string | undefined {
  if (!cost) return undefined;
  const words = messagesFor(locale);
  const { priced, estimated, unpriced } = cost.turns;
  if (unpriced > 0 && priced + estimated === 0) return words.unpriced;
  const amount = formatMoney(cost.amountUsd, { locale });
  if (unpriced > 0) return `${amount} ${words.plusUnpriced}`;
  if (cost.credits !== undefined && cost.credits > 0) {
    return `${amount} · ${countLabel(words.credits, cost.credits, locale)}`;
  }
  return amount;
}

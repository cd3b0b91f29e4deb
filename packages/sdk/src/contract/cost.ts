import * as z from 'zod/mini';
import { Money } from './money.js';

const Count = z.int().check(z.minimum(0));

/** How a turn's cost was established (S4, S5). */
export const Pricing = z.enum(['priced', 'estimated', 'unpriced']);
export type Pricing = z.infer<typeof Pricing>;

/** Turn counts by pricing source. */
export const TurnsByPricing = z.object({
  priced: Count,
  estimated: Count,
  unpriced: Count,
});
export type TurnsByPricing = z.infer<typeof TurnsByPricing>;

/**
 * The cost summary carried on a session (S4). Absent from the payload unless the caller may see
 * spend and the workspace tracks it.
 */
export const CostSummary = z.object({
  amountUsd: Money,
  credits: z.optional(Count),
  turns: TurnsByPricing,
});
export type CostSummary = z.infer<typeof CostSummary>;

/** One priced, estimated or unpriced turn of a session (S5). */
export const CostTurn = z.object({
  turn: z.int().check(z.minimum(1)),
  model: z.string(),
  pricing: Pricing,
  /** Null when the turn is unpriced. */
  amountUsd: z.nullable(Money),
  tokens: Count,
});
export type CostTurn = z.infer<typeof CostTurn>;

/** Full cost detail of one session (S5): `GET /v1/sessions/{id}/cost`. */
export const CostDetail = z.object({
  totals: z.object({
    amountUsd: Money,
    turns: TurnsByPricing,
    events: Count,
    credits: Count,
    tokens: Count,
    toolCalls: Count,
  }),
  turns: z.array(CostTurn),
});
export type CostDetail = z.infer<typeof CostDetail>;

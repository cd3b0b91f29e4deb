/**
 * The answer of `POST /v1/sessions/bulk` (A15). Its own module, apart from `responses.ts`, so
 * that a bundle that never calls the bulk endpoint carries none of it.
 */
import * as z from 'zod/mini';
import { Problem } from './problem.js';

/**
 * What happened to one session of a bulk call: `done` (the action was taken), `refused` (the
 * single action would have answered `problem`: 403 or 409, with the current status), or
 * `unknown` (no such session, or one the caller may not see: the single action's 404).
 */
export const BulkOutcome = z.object({
  id: z.string(),
  status: z.enum(['done', 'refused', 'unknown']),
  problem: z.optional(Problem),
});
export type BulkOutcome = z.infer<typeof BulkOutcome>;

/**
 * One outcome per session (ids in the order given, matches in S9 order), the count of each,
 * and `nextCursor` when a selection by filters matched more than one call takes (else null).
 */
export const BulkResult = z.object({
  results: z.array(BulkOutcome),
  done: z.number(),
  refused: z.number(),
  unknown: z.number(),
  nextCursor: z.nullable(z.string()),
});
export type BulkResult = z.infer<typeof BulkResult>;

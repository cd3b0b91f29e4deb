import { MAX_SESSION_USD, toMicros } from '@session-lens/sdk';
import { HttpProblem, invalid } from '../http/problem.js';

/**
 * The largest cost total a session may carry, in micro-dollars ($999,999,999,999.999999): it
 * fits a PostgreSQL `bigint` and is always a valid `Money`, so every read can serve it (A19).
 */
export const MAX_SESSION_MICROS = toMicros(MAX_SESSION_USD);

/** The largest credit total a session may carry: a JSON number that stays an exact integer. */
export const MAX_SESSION_CREDITS = Number.MAX_SAFE_INTEGER;

/**
 * Throws a 400 at `body.turns` when a session's cost totals after a batch would exceed what the
 * storage and the reads can hold. Called after the batch is applied inside its transaction, so
 * the refusal rolls the whole batch back.
 */
export function checkCostTotals(micros: bigint, credits: number): void {
  if (micros > MAX_SESSION_MICROS) {
    throw invalid([
      {
        path: 'body.turns',
        message: `The session's cost total would exceed $999,999,999,999.999999, the most a session records`,
      },
    ]);
  }
  if (!Number.isSafeInteger(credits) || credits > MAX_SESSION_CREDITS) {
    throw invalid([
      {
        path: 'body.turns',
        message: `The session's credit total would exceed ${MAX_SESSION_CREDITS}, the most a session records`,
      },
    ]);
  }
}

/**
 * 409 when a session's recorded turns add up to more than the API can express: only sessions
 * written before these limits can (A19). The cost detail cannot be served truthfully then, and a
 * wrong total would be worse than none; the session itself is still served, without `cost`.
 */
export function assertServableCost(micros: bigint): void {
  if (micros <= MAX_SESSION_MICROS) return;
  throw new HttpProblem(
    409,
    'cost-unreadable',
    "This session's recorded cost exceeds $999,999,999,999.999999, more than the API can express; it was written before that limit applied.",
  );
}

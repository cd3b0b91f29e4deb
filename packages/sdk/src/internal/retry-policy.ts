/**
 * Whether a failed response is worth another attempt: 408 (request timeout), 429 (rate limited)
 * and every 5xx. Any other status is an answer the server would repeat. The request client and
 * the stream's reconnect loop both decide with this one predicate.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Every status {@link isRetryableStatus} accepts, for options that take a list (ky's `retry`). */
export const RETRYABLE_STATUSES: number[] = Array.from({ length: 500 }, (_, i) => 100 + i).filter(
  isRetryableStatus,
);

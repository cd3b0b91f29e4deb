/** How a reconnect or retry delay grows. */
export type BackoffOptions = {
  /** Delay before the first retry, in milliseconds. */
  initialDelayMs: number;
  /** Upper bound of any computed delay, in milliseconds. */
  maxDelayMs: number;
};

/**
 * Exponential backoff with "full jitter" (a uniformly random delay between half the exponential
 * value and the value): many clients cut off at once then do not come back in lockstep, while a
 * single client still backs off steadily. `attempt` starts at 1.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

/**
 * Reads `Retry-After` (delay-seconds or an HTTP-date) and `retry-after-ms`, returning
 * milliseconds, or undefined when absent or unreadable. A date in the past yields 0.
 */
export function retryAfterMs(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Number(ms);
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Waits `ms`, or rejects with the signal's reason as soon as it aborts: a retry delay or a
 * reconnect wait must never outlive the caller's interest.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

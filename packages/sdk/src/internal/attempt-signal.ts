/** The abort signal of one request attempt, and what happened to it. */
export type AttemptSignal = {
  /** The signal to hand to `fetch`. */
  readonly signal: AbortSignal | undefined;
  /** Whether the attempt was aborted because no response head arrived in time. */
  readonly timedOut: boolean;
  /** Stops the timer: the response head arrived, the body may take its time. */
  stopTimer(): void;
  /** Releases the timer and the listener on the caller's signal. */
  dispose(): void;
};

/**
 * Combines the caller's signal with a per-attempt timeout of `timeoutMs` (0: none). A caller's
 * abort is forwarded with its reason; a timeout is remembered in `timedOut`, so the request loop
 * can tell the two apart without relying on how a given `fetch` names its abort errors.
 * `AbortSignal.any` would do the combining, but Node 20.0–20.2 lacks it (K8: no polyfills).
 */
export function attemptSignal(signal: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  if (timeoutMs <= 0) return { signal, timedOut: false, stopTimer() {}, dispose() {} };
  const controller = new AbortController();
  const forward = () => controller.abort(signal?.reason);
  if (signal?.aborted) forward();
  else signal?.addEventListener('abort', forward, { once: true });
  const state = {
    signal: controller.signal,
    timedOut: false,
    stopTimer: () => clearTimeout(timer),
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    },
  };
  const timer = setTimeout(() => {
    state.timedOut = true;
    controller.abort(new DOMException(`No response within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  return state;
}

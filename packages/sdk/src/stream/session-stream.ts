import type { StreamEvent } from '../contract/events.js';
import type { SessionFilters } from '../contract/requests.js';
import { endpoints } from '../contract/endpoints.js';
import type { SessionLensClient } from '../client/client.js';
import { isAPIError } from '../errors/api-error.js';
import { APIConnectionError, isAPIUserAbortError } from '../errors/connection-error.js';
import { SessionLensError, isSessionLensError } from '../errors/session-lens-error.js';
import { backoffDelay, retryAfterMs, sleep } from '../internal/backoff.js';
import { isRetryableStatus } from '../internal/retry-policy.js';
import { createEventDecoder } from './event-decoder.js';

/** Where a watch is in its connection lifecycle. */
export type StreamState = 'connecting' | 'live' | 'reconnecting';

/** Options of {@link SessionStream} (`client.sessions.watch`). */
export type WatchOptions = {
  /** Stops the stream: the request is closed and iteration ends without an error. */
  signal?: AbortSignal;
  /** Resume after this event id (sent as `Last-Event-ID` on the first connection). */
  lastEventId?: string;
  /**
   * Called with every problem the stream recovers from: a skipped malformed frame or payload
   * (`StreamParseError`, `ResponseValidationError`), and a lost connection before it reconnects
   * (`APIConnectionError`, a retryable `APIError`). Never throw from it.
   */
  onError?: (error: SessionLensError) => void;
  /** Called when the connection state changes; `attempt` counts failed reconnects in a row. */
  onStateChange?: (state: StreamState, attempt: number) => void;
  /**
   * The server's heartbeat interval, in milliseconds. No byte for twice this long means a dead
   * connection, which is dropped and reconnected. Default 15,000.
   */
  pingIntervalMs?: number;
  /**
   * The first reconnect delay, in milliseconds, until the server sends `retry:` (which then
   * takes its place). It doubles per failed attempt, with jitter. Default 1,000.
   */
  reconnectDelayMs?: number;
  /** Upper bound of any reconnect delay, the server's `retry:` included. Default 30,000. */
  maxReconnectDelayMs?: number;
};

/**
 * A live feed of session changes (K4): an async iterable of typed {@link StreamEvent}s over
 * fetch and a small WHATWG event-stream parser (not `EventSource`, which cannot send an
 * Authorization header).
 *
 * Over its life it connects, yields events, and on a lost connection — an error, a close, or
 * silence for more than twice the ping interval — reconnects with exponential backoff and
 * jitter, resuming with `Last-Event-ID` so nothing is missed. A `reset` event is yielded like
 * any other: the caller must refetch. Malformed frames go to `onError` and are skipped.
 *
 * Iteration ends, and the request is closed, when the signal aborts, on `break`, or on
 * {@link close}. A refusal the server will repeat (401 after a token refresh, 403, 404, 400) is
 * thrown from the iterator. A stream may be iterated once.
 */
export class SessionStream implements AsyncIterable<StreamEvent> {
  readonly #client: SessionLensClient;
  readonly #filters: SessionFilters;
  readonly #options: WatchOptions;
  readonly #controller = new AbortController();
  #lastEventId: string | undefined;
  #iterated = false;

  /** @internal Created by `client.sessions.watch`. */
  constructor(client: SessionLensClient, filters: SessionFilters, options: WatchOptions) {
    this.#client = client;
    this.#filters = filters;
    this.#options = options;
    this.#lastEventId = options.lastEventId;
    const signal = options.signal;
    if (signal?.aborted) this.#controller.abort(signal.reason);
    else signal?.addEventListener('abort', () => this.#controller.abort(signal.reason), { once: true });
  }

  /** The id of the last event received: pass it as `lastEventId` to resume elsewhere. */
  get lastEventId(): string | undefined {
    return this.#lastEventId;
  }

  /** Closes the stream; a pending `next()` resolves as done. */
  close(): void {
    this.#controller.abort();
  }

  /** Iterates the events. Throws if the stream was iterated before. */
  [Symbol.asyncIterator](): AsyncIterator<StreamEvent> {
    if (this.#iterated) {
      throw new SessionLensError('This stream was already iterated; call watch() again for a new one');
    }
    this.#iterated = true;
    return this.#run();
  }

  async *#run(): AsyncGenerator<StreamEvent, void, undefined> {
    const options = this.#options;
    const stop = this.#controller.signal;
    const pingMs = options.pingIntervalMs ?? 15_000;
    const maxDelayMs = options.maxReconnectDelayMs ?? 30_000;
    let baseDelayMs = options.reconnectDelayMs ?? 1_000;
    let failures = 0;
    const report = (error: SessionLensError) => {
      try {
        options.onError?.(error);
      } catch {
        // A throwing callback must not take the stream down with it.
      }
    };
    const pending: StreamEvent[] = [];
    const decoder = createEventDecoder(
      {
        onEvent: (event) => pending.push(event),
        onError: report,
        onRetry: (ms) => (baseDelayMs = ms),
        onId: (id) => (this.#lastEventId = id),
      },
      this.#lastEventId,
    );

    options.onStateChange?.('connecting', 0);
    try {
      while (!stop.aborted) {
        const connection = new AbortController();
        const onStop = () => connection.abort(stop.reason);
        stop.addEventListener('abort', onStop, { once: true });
        let delayMs: number | undefined;
        let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
        // Silence for more than two heartbeats — while connecting or while reading — means the
        // connection is dead even if the socket looks open (a stalled proxy, a sleeping laptop).
        let stallTimer: ReturnType<typeof setTimeout> | undefined;
        let stalled = false;
        const armStall = () => {
          clearTimeout(stallTimer);
          stallTimer = setTimeout(() => {
            stalled = true;
            connection.abort();
            reader?.cancel().catch(() => {});
          }, 2 * pingMs);
        };
        try {
          armStall();
          const headers: Record<string, string> = {};
          if (this.#lastEventId) headers['last-event-id'] = this.#lastEventId;
          const response = await this.#client.openStream(
            endpoints.stream.path,
            this.#filters,
            headers,
            connection.signal,
          );
          if (!response.body) throw new APIConnectionError('The stream response has no body');
          reader = response.body.getReader();
          decoder.reset();
          failures = 0;
          options.onStateChange?.('live', 0);
          for (;;) {
            armStall();
            const { done, value } = await reader.read();
            clearTimeout(stallTimer);
            if (done) break;
            decoder.feed(value);
            // Yield outside the read: a slow consumer leaves bytes in the socket, and the stall
            // timer only runs while we wait on the network.
            while (pending.length > 0) yield pending.shift() as StreamEvent;
            if (stop.aborted) return;
          }
          report(new APIConnectionError('The stream was closed by the server'));
        } catch (error) {
          if (stop.aborted) return;
          if (stalled) {
            report(new APIConnectionError(`No data for ${2 * pingMs} ms; reconnecting`, { cause: error }));
          } else if (isAPIError(error)) {
            if (!isRetryableStatus(error.status)) throw error;
            delayMs = retryAfterMs(error.headers);
            report(error);
          } else if (isAPIUserAbortError(error)) {
            return;
          } else if (isSessionLensError(error)) {
            report(error);
          } else {
            report(new APIConnectionError(`The stream failed: ${String(error)}`, { cause: error }));
          }
        } finally {
          clearTimeout(stallTimer);
          stop.removeEventListener('abort', onStop);
          connection.abort();
          reader?.cancel().catch(() => {});
          // Events decoded before the cut are still good: deliver them unless we are stopping.
        }
        while (pending.length > 0 && !stop.aborted) yield pending.shift() as StreamEvent;
        if (stop.aborted) return;
        failures++;
        options.onStateChange?.('reconnecting', failures);
        const wait = Math.min(
          maxDelayMs,
          delayMs ?? backoffDelay(failures, { initialDelayMs: baseDelayMs, maxDelayMs }),
        );
        try {
          await sleep(wait, stop);
        } catch {
          return;
        }
      }
    } finally {
      // Reached on `break`, `return()`, abort or a thrown error: the request must not outlive us.
      this.#controller.abort();
    }
  }
}

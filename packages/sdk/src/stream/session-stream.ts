import type { StreamEvent } from '../contract/events.js';
import type { SessionLensClient } from '../client/client.js';
import { isAPIError } from '../errors/api-error.js';
import { APIConnectionError, isAPIUserAbortError } from '../errors/connection-error.js';
import { SessionLensError, isSessionLensError } from '../errors/session-lens-error.js';
import { StreamParseError } from '../errors/stream-parse-error.js';
import { isStreamResponseError } from '../errors/stream-response-error.js';
import { backoffDelay, retryAfterMs, sleep } from '../internal/backoff.js';
import { isRetryableStatus } from '../internal/retry-policy.js';
import type { QueryValue } from '../internal/query.js';
import { createEventDecoder, type EventDecoder, type EventTable } from './event-decoder.js';
import { assertEventStream, lastEventIdHeader } from './stream-response.js';

/** Where a watch is in its connection lifecycle. */
export type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * What a stream connects to: the list stream (`client.sessions.watch`) or one session's stream
 * (`client.sessions.follow`).
 */
export type StreamSource = {
  readonly path: string;
  readonly query: Readonly<Record<string, QueryValue>>;
  /** The events it sends, with the schema of each one's data. */
  readonly events: EventTable;
  /** An event after which the server ends the stream for good: iteration ends once it is yielded. */
  readonly final?: string;
};

/** Options of {@link SessionStream} (`client.sessions.watch`, `client.sessions.follow`). */
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
 * A live feed of session changes: an async iterable of typed {@link StreamEvent}s (or, from
 * `client.sessions.follow`, of one session's `FollowEvent`s) over
 * fetch and `eventsource-parser` (not `EventSource`, which cannot send an Authorization header).
 * It behaves like the WHATWG `EventSource` where the spec speaks, with the differences the
 * package README lists.
 *
 * Over its life it connects, yields events, and on a lost connection — an error, a close, or
 * silence for more than twice the ping interval — reconnects with exponential backoff and
 * jitter, resuming with `Last-Event-ID` (the id's UTF-8 bytes) so nothing is missed. The backoff
 * starts over only once a connection delivers an event: a server that answers and hangs up is
 * retried ever more slowly. A `reset` event is yielded like any other: the caller must refetch.
 * Malformed frames go to `onError` and are skipped.
 *
 * Iteration ends, and the request is closed, when the signal aborts, on `break`, or on
 * {@link close}. A refusal the server will repeat (401 after a token refresh, 403, 404, 400) is
 * thrown from the iterator, and so is a response that is not an event stream (a 204, another
 * 2xx, another Content-Type: `StreamResponseError`). A stream may be iterated once.
 */
export class SessionStream<E extends { type: string } = StreamEvent> implements AsyncIterable<E> {
  readonly #client: SessionLensClient;
  readonly #source: StreamSource;
  readonly #options: WatchOptions;
  readonly #controller = new AbortController();
  #lastEventId: string | undefined;
  /** What `Last-Event-ID` carries: the latest id that can be sent (see {@link lastEventIdHeader}). */
  #resumeHeader: string | undefined;
  #iterated = false;

  /** @internal Created by `client.sessions.watch` and `client.sessions.follow`. */
  constructor(client: SessionLensClient, source: StreamSource, options: WatchOptions) {
    this.#client = client;
    this.#source = source;
    this.#options = options;
    this.#lastEventId = options.lastEventId;
    this.#resumeHeader = lastEventIdHeader(options.lastEventId);
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
  [Symbol.asyncIterator](): AsyncIterator<E> {
    if (this.#iterated) {
      throw new SessionLensError('This stream was already iterated; call watch() again for a new one');
    }
    this.#iterated = true;
    return this.#run();
  }

  async *#run(): AsyncGenerator<E, void, undefined> {
    const options = this.#options;
    const stop = this.#controller.signal;
    const maxDelayMs = options.maxReconnectDelayMs ?? 30_000;
    const backoff = { failures: 0, initialDelayMs: options.reconnectDelayMs ?? 1_000 };
    const pending: E[] = [];
    const decoder = createEventDecoder<E>(
      {
        onEvent: (event) => {
          pending.push(event);
          // The connection works: the next failure is a first failure again.
          backoff.failures = 0;
        },
        onError: (error) => this.#report(error),
        onRetry: (ms) => (backoff.initialDelayMs = ms),
        onId: (id) => this.#onId(id),
      },
      this.#lastEventId,
      this.#source.events,
    );

    options.onStateChange?.('connecting', 0);
    try {
      while (!stop.aborted) {
        const retryAfter = yield* this.#connect(decoder, pending);
        // Events decoded before the cut are still good: deliver them unless we are stopping.
        yield* this.#drain(pending);
        if (stop.aborted) return;
        backoff.failures++;
        options.onStateChange?.('reconnecting', backoff.failures);
        const wait = retryAfter ?? backoffDelay(backoff.failures, { ...backoff, maxDelayMs });
        try {
          await sleep(Math.min(maxDelayMs, wait), stop);
        } catch {
          return;
        }
      }
    } finally {
      // Reached on `break`, `return()`, abort or a thrown error: the request must not outlive us.
      this.#controller.abort();
    }
  }

  /**
   * One connection: opens it, checks it is an event stream, and yields its events until it ends.
   * Returns the server's `Retry-After` in milliseconds when it sent one; throws what must end
   * the stream.
   */
  async *#connect(decoder: EventDecoder, pending: E[]): AsyncGenerator<E, number | undefined, undefined> {
    const stop = this.#controller.signal;
    const pingMs = this.#options.pingIntervalMs ?? 15_000;
    const connection = new AbortController();
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    // Cancelling the reader too ends a pending read even with a `fetch` that ignores the signal.
    const drop = (reason?: unknown) => {
      connection.abort(reason);
      reader?.cancel().catch(() => {});
    };
    const onStop = () => drop(stop.reason);
    stop.addEventListener('abort', onStop, { once: true });
    // Silence for more than two heartbeats — while connecting or while reading — means the
    // connection is dead even if the socket looks open (a stalled proxy, a sleeping laptop).
    let stallTimer: ReturnType<typeof setTimeout> | undefined;
    let stalled = false;
    const armStall = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        stalled = true;
        drop();
      }, 2 * pingMs);
    };
    let failure: { error: unknown } | undefined;
    try {
      armStall();
      const headers: Record<string, string> = {};
      if (this.#resumeHeader !== undefined) headers['last-event-id'] = this.#resumeHeader;
      const response = await this.#client.openStream(
        this.#source.path,
        this.#source.query,
        headers,
        connection.signal,
      );
      assertEventStream(response);
      if (!response.body) throw new APIConnectionError('The stream response has no body');
      reader = response.body.getReader();
      decoder.reset();
      this.#options.onStateChange?.('live', 0);
      for (;;) {
        armStall();
        const { done, value } = await reader.read();
        clearTimeout(stallTimer);
        if (done) break;
        decoder.feed(value);
        // Yield outside the read: a slow consumer leaves bytes in the socket, and the stall
        // timer only runs while we wait on the network.
        yield* this.#drain(pending);
        if (stop.aborted) return undefined;
      }
    } catch (error) {
      failure = { error };
    } finally {
      clearTimeout(stallTimer);
      stop.removeEventListener('abort', onStop);
      drop();
    }
    if (stop.aborted) return undefined;
    if (stalled) {
      const cause = failure?.error;
      this.#report(new APIConnectionError(`No data for ${2 * pingMs} ms; reconnecting`, { cause }));
      return undefined;
    }
    if (failure) return this.#recover(failure.error);
    this.#report(new APIConnectionError('The stream was closed by the server'));
    return undefined;
  }

  /** Yields the decoded events, and ends the stream after its source's final event. */
  *#drain(pending: E[]): Generator<E, void, undefined> {
    while (pending.length > 0 && !this.#controller.signal.aborted) {
      const event = pending.shift() as E;
      yield event;
      if (event.type === this.#source.final) this.#controller.abort();
    }
  }

  /**
   * What a failed connection means: a failure worth another attempt (a lost connection, 408,
   * 429, 5xx) is reported and answered with the server's `Retry-After`, if any; anything else —
   * a refusal, a response that is not an event stream — is thrown and ends the stream.
   */
  #recover(error: unknown): number | undefined {
    if (isAPIError(error)) {
      if (!isRetryableStatus(error.status)) throw error;
      this.#report(error);
      return retryAfterMs(error.headers);
    }
    if (isStreamResponseError(error)) throw error;
    if (isAPIUserAbortError(error)) {
      this.#controller.abort();
      return undefined;
    }
    this.#report(
      isSessionLensError(error)
        ? error
        : new APIConnectionError(`The stream failed: ${String(error)}`, { cause: error }),
    );
    return undefined;
  }

  /** The stream's last event id changed: remember it, and what to resume from. */
  #onId(id: string): void {
    this.#lastEventId = id;
    const header = lastEventIdHeader(id);
    if (header !== undefined || id === '') this.#resumeHeader = header;
    else {
      this.#report(
        new StreamParseError(
          `Event id ${JSON.stringify(id)} cannot be sent as Last-Event-ID; resuming from the one before`,
          undefined,
          id,
        ),
      );
    }
  }

  /** Hands a problem the stream recovers from to `onError`, which must not take the stream down. */
  #report(error: SessionLensError): void {
    try {
      this.#options.onError?.(error);
    } catch {
      // A throwing callback must not take the stream down with it.
    }
  }
}

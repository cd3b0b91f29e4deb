import { STREAM_EVENTS, type StreamEvent } from '../contract/events.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import type { SessionLensError } from '../errors/session-lens-error.js';
import { StreamParseError } from '../errors/stream-parse-error.js';
import { createSseParser, type SseMessage } from './sse-parser.js';

/** Callbacks of {@link createEventDecoder}. */
export type EventDecoderCallbacks = {
  /** A valid, typed event. */
  onEvent: (event: StreamEvent) => void;
  /**
   * A frame that was skipped: data that is not JSON or does not match the contract
   * (`ResponseValidationError`), or an event type this client does not know (`StreamParseError`).
   */
  onError: (error: SessionLensError) => void;
  /** The server's `retry:` hint, in milliseconds (non-digit values never reach here). */
  onRetry?: (ms: number) => void;
  /** The last event id changed. Ids containing U+0000 are ignored, per the SSE spec. */
  onId?: (id: string) => void;
  /** A comment line arrived (`: ping`). */
  onComment?: (comment: string) => void;
};

/** An incremental decoder of one event stream connection. */
export type EventDecoder = {
  /** Feeds the next bytes (or already-decoded text) of the connection. */
  feed(chunk: Uint8Array | string): void;
  /** Forgets partial input, for a new connection. The last event id is kept. */
  reset(): void;
  /** The last event id seen (or the one the decoder started from). */
  readonly lastEventId: string | undefined;
};

/**
 * Turns the bytes of an event stream into typed {@link StreamEvent}s. Framing (line endings,
 * BOM, comments, `retry:`, `id:`) follows the WHATWG algorithm (see `sse-parser.ts`); UTF-8
 * decoding is streaming, so a character split across two chunks survives. Each payload is
 * validated against the contract; a bad one is reported and skipped, never thrown.
 */
export function createEventDecoder(callbacks: EventDecoderCallbacks, lastEventId?: string): EventDecoder {
  // The parser strips the one leading BOM, whether the stream arrives as bytes or as text.
  const newTextDecoder = () => new TextDecoder('utf-8', { ignoreBOM: true });
  let textDecoder = newTextDecoder();
  let last = lastEventId;
  const parser = createSseParser(
    {
      // The spec keeps the last event id across events; an event without an `id:` inherits it.
      onId(id) {
        last = id;
        callbacks.onId?.(id);
      },
      onEvent: (message) => decode(message, last, callbacks),
      ...(callbacks.onRetry ? { onRetry: callbacks.onRetry } : {}),
      ...(callbacks.onComment ? { onComment: callbacks.onComment } : {}),
    },
    // A server that never ends a line must not grow our memory without bound (16 MB).
    16 * 1024 * 1024,
  );
  return {
    feed(chunk) {
      parser.feed(typeof chunk === 'string' ? chunk : textDecoder.decode(chunk, { stream: true }));
    },
    reset() {
      parser.reset();
      textDecoder = newTextDecoder();
    },
    get lastEventId() {
      return last;
    },
  };
}

function decode(message: SseMessage, id: string | undefined, callbacks: EventDecoderCallbacks): void {
  const type = message.event ?? 'message';
  if (!Object.hasOwn(STREAM_EVENTS, type)) {
    callbacks.onError(
      new StreamParseError(`Unknown stream event type "${type}"; skipped`, type, message.data),
    );
    return;
  }
  const known = type as keyof typeof STREAM_EVENTS;
  let json: unknown;
  try {
    json = JSON.parse(message.data);
  } catch (cause) {
    callbacks.onError(
      new StreamParseError(`Stream event "${type}" has data that is not JSON`, type, message.data, { cause }),
    );
    return;
  }
  const parsed = STREAM_EVENTS[known].safeParse(json);
  if (!parsed.success) {
    callbacks.onError(new ResponseValidationError(`stream:${type}`, parsed.error.issues));
    return;
  }
  // The union is rebuilt by hand: the data is already validated, and this is the hot path.
  callbacks.onEvent({ type: known, id: id ?? '', data: parsed.data } as StreamEvent);
}

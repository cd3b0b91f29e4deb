import { createParser } from 'eventsource-parser';
import type * as z from 'zod/mini';
import { STREAM_EVENTS, type StreamEvent } from '../contract/events.js';
import { ResponseValidationError } from '../errors/response-validation-error.js';
import type { SessionLensError } from '../errors/session-lens-error.js';
import { StreamParseError } from '../errors/stream-parse-error.js';

/** One dispatched server-sent event, before its data is decoded. */
export type Frame = {
  /** The `event:` field, or `message` when the frame had none (or an empty one). */
  type: string;
  /** The `data:` lines, joined with `\n`. */
  data: string;
  /** The stream's last event id when the frame was dispatched (`''` when none or reset). */
  lastEventId: string;
};

/** Callbacks of {@link createFrameDecoder}. */
export type FrameDecoderCallbacks = {
  onFrame: (frame: Frame) => void;
  /** A `retry:` field made of ASCII digits only (other values are ignored, as the spec says). */
  onRetry?: (ms: number) => void;
  /** The last event id changed (an `id:` field without U+0000). */
  onId?: (id: string) => void;
  /** A comment line, without its colon and one leading space. */
  onComment?: (comment: string) => void;
  /** A line or an event longer than the buffer limit was dropped. */
  onOverflow?: (error: StreamParseError) => void;
};

/** An incremental decoder of one event stream connection. */
export type FrameDecoder = {
  /** Feeds the next bytes (or already-decoded text) of the connection. */
  feed(chunk: Uint8Array | string): void;
  /** Forgets partial input, for a new connection. The last event id is kept. */
  reset(): void;
  /** The last event id seen (or the one the decoder started from). */
  readonly lastEventId: string | undefined;
};

/** Options of {@link createFrameDecoder}. */
export type FrameDecoderOptions = {
  /** The id to start from (a resumed stream). */
  lastEventId?: string | undefined;
  /** The longest line, or event data, kept in memory, in characters. Default 16 Mi. */
  maxBufferSize?: number;
};

/**
 * Turns the bytes of an event stream into frames, per the WHATWG "parse an event stream"
 * algorithm, with `eventsource-parser` doing the framing. The decoder settings are what keeps
 * the WPT `eventsource/format-*` cases passing:
 * - bytes are decoded as UTF-8 whatever the Content-Type's charset says, streaming (a character
 *   split between two chunks survives), with U+FFFD for invalid sequences;
 * - the `TextDecoder` keeps the BOM (`ignoreBOM`) so that the parser strips exactly one: a second
 *   BOM belongs to the first field name, which then matches no field;
 * - LF, CRLF and CR end lines, a CRLF split between chunks counting once (the parser);
 * - the last event id persists across frames until an `id:` changes it, and an `id:` whose value
 *   contains U+0000 is ignored.
 *
 * Memory is bounded: a line, or an event's data, longer than `maxBufferSize` characters is
 * dropped with the event it belongs to (and whatever else the same network chunk held after
 * it), `onOverflow` is told, and parsing goes on at the next line. A server that never ends a
 * line cannot grow memory without bound. (Of an event made of many `data:` lines, the lines
 * after the limit then arrive as a frame of their own, which the typed layer reports as bad.)
 */
export function createFrameDecoder(
  callbacks: FrameDecoderCallbacks,
  options: FrameDecoderOptions = {},
): FrameDecoder {
  const newTextDecoder = () => new TextDecoder('utf-8', { ignoreBOM: true });
  let textDecoder = newTextDecoder();
  let last = options.lastEventId;
  // After an overflow the parser waits for a reset, and the input resumes mid-line.
  let overflowed = false;
  const parser = createParser({
    maxBufferSize: options.maxBufferSize ?? 16 * 1024 * 1024,
    onEvent: (message) =>
      callbacks.onFrame({ type: message.event ?? 'message', data: message.data, lastEventId: last ?? '' }),
    onId(id) {
      last = id;
      callbacks.onId?.(id);
    },
    onError(error) {
      // Unknown fields and bad `retry:` values are ignored, as the spec says.
      if (error.type !== 'max-buffer-size-exceeded') return;
      overflowed = true;
      callbacks.onOverflow?.(new StreamParseError(error.message, undefined, ''));
    },
    onRetry: callbacks.onRetry,
    // Given only when wanted: the parser then buffers comment lines too.
    onComment: callbacks.onComment,
  });

  const feedText = (text: string) => {
    if (overflowed) {
      parser.reset();
      const end = text.search(/[\r\n]/);
      if (end === -1) return;
      overflowed = false;
      text = text.slice(end);
    }
    parser.feed(text);
  };

  return {
    feed(chunk) {
      feedText(typeof chunk === 'string' ? chunk : textDecoder.decode(chunk, { stream: true }));
    },
    reset() {
      parser.reset();
      textDecoder = newTextDecoder();
      overflowed = false;
    },
    get lastEventId() {
      return last;
    },
  };
}

/** The event names a stream sends, with the schema of each one's data (`STREAM_EVENTS`, `FOLLOW_EVENTS`). */
export type EventTable = Readonly<Record<string, z.ZodMiniType>>;

/** Callbacks of {@link createEventDecoder}. */
export type EventDecoderCallbacks<E = StreamEvent> = {
  /** A valid, typed event. */
  onEvent: (event: E) => void;
  /**
   * A frame that was skipped: data that is not JSON or does not match the contract
   * (`ResponseValidationError`), an event type this client does not know, or a frame over the
   * size limit (`StreamParseError`).
   */
  onError: (error: SessionLensError) => void;
  /** The server's `retry:` hint, in milliseconds (non-digit values never reach here). */
  onRetry?: (ms: number) => void;
  /** The last event id changed. Ids containing U+0000 are ignored, per the SSE spec. */
  onId?: (id: string) => void;
  /** A comment line arrived (`: ping`). */
  onComment?: (comment: string) => void;
};

/** An incremental decoder of one event stream connection into typed events. */
export type EventDecoder = FrameDecoder;

/**
 * Turns the bytes of an event stream into typed events — {@link StreamEvent}s of the list stream
 * unless another table of `events` is given — from frames as {@link createFrameDecoder} reads
 * them (WHATWG framing over `eventsource-parser`), each payload validated against the contract.
 * A bad one is reported and skipped, never thrown.
 */
export function createEventDecoder<E = StreamEvent>(
  callbacks: EventDecoderCallbacks<E>,
  lastEventId?: string,
  events: EventTable = STREAM_EVENTS,
): EventDecoder {
  return createFrameDecoder(
    {
      onFrame: (frame) => decode(frame, callbacks, events),
      onOverflow: callbacks.onError,
      onId: callbacks.onId,
      onRetry: callbacks.onRetry,
      onComment: callbacks.onComment,
    },
    { lastEventId },
  );
}

function decode<E>(frame: Frame, callbacks: EventDecoderCallbacks<E>, events: EventTable): void {
  const { type, data } = frame;
  const schema = Object.hasOwn(events, type) ? events[type] : undefined;
  if (!schema) {
    callbacks.onError(new StreamParseError(`Unknown stream event type "${type}"; skipped`, type, data));
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch (cause) {
    callbacks.onError(
      new StreamParseError(`Stream event "${type}" has data that is not JSON`, type, data, { cause }),
    );
    return;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    callbacks.onError(new ResponseValidationError(`stream:${type}`, parsed.error.issues));
    return;
  }
  // The union is rebuilt by hand: the data is already validated, and this is the hot path.
  callbacks.onEvent({ type, id: frame.lastEventId, data: parsed.data } as E);
}

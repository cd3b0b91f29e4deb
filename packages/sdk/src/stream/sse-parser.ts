/** One dispatched server-sent event, before its data is decoded. */
export type SseMessage = {
  /** The `event:` field; undefined for the default type (`message`). */
  event: string | undefined;
  /** The `data:` lines, joined with `\n`. */
  data: string;
};

/** Callbacks of {@link createSseParser}. */
export type SseCallbacks = {
  onEvent: (message: SseMessage) => void;
  /** An `id:` field of the event being dispatched (called before `onEvent`). */
  onId?: (id: string) => void;
  /** A `retry:` field made of ASCII digits only. */
  onRetry?: (ms: number) => void;
  /** A comment line, without its colon and one leading space. */
  onComment?: (comment: string) => void;
};

/** An incremental event-stream parser over decoded text. */
export type SseParser = {
  feed(text: string): void;
  /** Forgets partial input and the event in progress, for a new connection. */
  reset(): void;
};

/**
 * Parses the text of an event stream per the WHATWG "parse an event stream" algorithm: one leading
 * BOM stripped, LF / CRLF / CR line endings (a CRLF split between two chunks counts once), comment
 * lines, `event`, `data`, `id` (ignored when it contains U+0000) and `retry` (digits only); other
 * fields are ignored, and an event is dispatched on a blank line only when it has data. As in
 * eventsource-parser, which this replaces for size (X6), an `id:` applies to the event it belongs
 * to and is reported when that event is dispatched.
 *
 * Only the new text of each chunk is scanned, so a long line arriving in small chunks costs linear
 * time. A line, or an event's data, longer than `maxBufferSize` characters is dropped (with the
 * rest of its event) so a server that never ends a line cannot grow memory without bound.
 */
export function createSseParser(callbacks: SseCallbacks, maxBufferSize: number): SseParser {
  const lineEnd = /\r\n?|\n/g;
  let atStart = true;
  let skipLineFeed = false;
  let pending = '';
  let dropLine = false;
  let dropEvent = false;
  let data: string | undefined;
  let event: string | undefined;
  let id: string | undefined;

  const clearEvent = () => {
    data = event = id = undefined;
    dropEvent = false;
  };

  const tooLong = (size: number) => size + (data?.length ?? 0) > maxBufferSize;

  const line = (text: string) => {
    if (text === '') {
      if (!dropEvent) {
        if (id !== undefined) callbacks.onId?.(id);
        if (data !== undefined) callbacks.onEvent({ event, data });
      }
      clearEvent();
      return;
    }
    const colon = text.indexOf(':');
    if (colon === 0) {
      callbacks.onComment?.(text.slice(text.charCodeAt(1) === 32 ? 2 : 1));
      return;
    }
    const field = colon < 0 ? text : text.slice(0, colon);
    const value = colon < 0 ? '' : text.slice(colon + (text.charCodeAt(colon + 1) === 32 ? 2 : 1));
    if (field === 'data') {
      if (dropEvent) return;
      if (tooLong(value.length + 1)) {
        dropEvent = true;
        data = undefined;
      } else data = data === undefined ? value : `${data}\n${value}`;
    } else if (field === 'event') event = value || undefined;
    else if (field === 'id') {
      if (!value.includes('\0')) id = value;
    } else if (field === 'retry' && /^\d+$/.test(value)) callbacks.onRetry?.(Number(value));
  };

  return {
    feed(text) {
      if (atStart) {
        if (text === '') return;
        atStart = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      let position = 0;
      if (skipLineFeed && text !== '') {
        skipLineFeed = false;
        if (text.charCodeAt(0) === 10) position = 1;
      }
      // Servers almost always end lines with LF alone: then a plain `indexOf` finds each end.
      const lfOnly = text.indexOf('\r', position) === -1;
      while (position < text.length) {
        let end: number;
        let terminator = '\n';
        if (lfOnly) end = text.indexOf('\n', position);
        else {
          lineEnd.lastIndex = position;
          const match = lineEnd.exec(text);
          end = match ? match.index : -1;
          if (match) terminator = match[0];
        }
        if (end === -1) {
          if (dropLine) return;
          if (tooLong(pending.length + text.length - position)) {
            dropLine = dropEvent = true;
            pending = '';
            data = undefined;
          } else pending += text.slice(position);
          return;
        }
        const content = pending + text.slice(position, end);
        pending = '';
        position = end + terminator.length;
        // A CR that ends the chunk may be the first half of a CRLF: swallow a leading LF next time.
        if (terminator === '\r' && position === text.length) skipLineFeed = true;
        if (dropLine) dropLine = false;
        else line(content);
      }
    },
    reset() {
      atStart = true;
      skipLineFeed = dropLine = false;
      pending = '';
      clearEvent();
    },
  };
}

import { StreamResponseError } from '../errors/stream-response-error.js';

/**
 * Throws a {@link StreamResponseError} unless `response` is an event stream, as the WHATWG
 * `EventSource` decides: status 200 and a Content-Type whose essence (before any `;`, case and
 * spaces aside) is `text/event-stream`. A 204 is how a server says "do not reconnect".
 */
export function assertEventStream(response: Response): void {
  if (response.status === 204) {
    throw new StreamResponseError('The stream answered 204 No Content: the server ended it', response);
  }
  if (response.status !== 200) {
    throw new StreamResponseError(`The stream answered HTTP ${response.status}, not 200`, response);
  }
  const type = response.headers.get('content-type');
  const essence = type?.split(';', 1)[0]?.trim().toLowerCase();
  if (essence !== 'text/event-stream') {
    throw new StreamResponseError(
      `The stream answered ${type === null ? 'without a Content-Type' : `"${type}"`}, not text/event-stream`,
      response,
    );
  }
}

/** Whether `fetch` takes `value` as a header on every platform: no control character but tab. */
function sendable(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // Node's undici is the strictest: it refuses C0 controls other than tab, and DEL.
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return false;
  }
  return true;
}

/**
 * The `Last-Event-ID` header value for an event id, or undefined when none is to be sent.
 *
 * WHATWG sends the id's UTF-8 bytes; `fetch` takes header values as ByteStrings (one character
 * per byte, each ≤ U+00FF) and refuses anything else. So the UTF-8 bytes are handed over one
 * character per byte, and the wire carries exactly what a browser's `EventSource` sends. An empty
 * id sends no header (as the spec says), and so does an id with a control character other than
 * tab, which `fetch` refuses (the spec would send it): see `SessionStream` for what happens then.
 */
export function lastEventIdHeader(id: string | undefined): string | undefined {
  if (!id || !sendable(id)) return undefined;
  let header = '';
  for (const byte of new TextEncoder().encode(id)) header += String.fromCharCode(byte);
  return header;
}

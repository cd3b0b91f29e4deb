import { StreamResponseError } from '../errors/stream-response-error.js';

/**
 * Throws a {@link StreamResponseError} unless `response` is an event stream, as the WHATWG
 * `EventSource` decides: status 200 and a Content-Type whose essence (before any `;`, case and
 * spaces aside) is `text/event-stream`. A 204 is how a server says "do not reconnect".
 */
export function assertEventStream(response: Response): void {
  const type = response.headers.get('content-type');
  const essence = type?.split(';', 1)[0]?.trim().toLowerCase();
  if (response.status === 200 && essence === 'text/event-stream') return;
  const what = response.status === 200 ? `Content-Type ${type ?? '(none)'}` : `HTTP ${response.status}`;
  throw new StreamResponseError(`The stream answered ${what}, not an event stream`, response);
}

/**
 * A character `fetch` refuses in a header value somewhere: Node's undici, the strictest, refuses
 * C0 controls other than tab, and DEL.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSENDABLE = /[\0-\x08\n-\x1f\x7f]/;

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
  if (!id || UNSENDABLE.test(id)) return undefined;
  let header = '';
  for (const byte of new TextEncoder().encode(id)) header += String.fromCharCode(byte);
  return header;
}

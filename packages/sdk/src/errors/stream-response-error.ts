import { SessionLensError, isErrorKind, type ErrorKind } from './session-lens-error.js';

/**
 * The stream's response is not an event stream: a 204 (the server's way of saying "stop"),
 * another success status than 200, or a Content-Type other than `text/event-stream` (a proxy's
 * or a login page's HTML). Thrown from a watch's iterator, which then ends: the answer would be
 * the same on every reconnect, so the stream does not retry it.
 */
export class StreamResponseError extends SessionLensError {
  static override readonly kind: ErrorKind = 'StreamResponseError';
  /** The HTTP status. */
  readonly status: number;
  /** The response's Content-Type header, if it had one. */
  readonly contentType: string | undefined;

  constructor(message: string, response: Pick<Response, 'status' | 'headers'>) {
    super(message);
    this.status = response.status;
    this.contentType = response.headers.get('content-type') ?? undefined;
  }
}

/** Whether `value` is a {@link StreamResponseError}, in any realm. */
export const isStreamResponseError = (value: unknown): value is StreamResponseError =>
  isErrorKind(value, 'StreamResponseError');

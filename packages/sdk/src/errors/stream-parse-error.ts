import { SessionLensError, isErrorKind, type ErrorKind } from './session-lens-error.js';

/**
 * A stream frame that could not be used: data that is not JSON, or an event type this client
 * does not know. Reported to a watch's `onError` and skipped; the stream goes on.
 */
export class StreamParseError extends SessionLensError {
  static override readonly kind: ErrorKind = 'StreamParseError';
  /** The event type of the frame. */
  readonly event: string | undefined;
  /** The raw data of the frame, cut to 1,000 characters. */
  readonly data: string;

  constructor(message: string, event: string | undefined, data: string, options?: { cause?: unknown }) {
    super(message, options);
    this.event = event;
    this.data = data.length > 1000 ? `${data.slice(0, 1000)}…` : data;
  }
}

/** Whether `value` is a {@link StreamParseError}, in any realm. */
export const isStreamParseError = (value: unknown): value is StreamParseError =>
  isErrorKind(value, 'StreamParseError');

import { SessionLensError, isErrorKind, type ErrorKind } from './session-lens-error.js';

/** The request never got a response: DNS, refused or reset connection, offline. */
export class APIConnectionError extends SessionLensError {
  static override readonly kind: ErrorKind = 'APIConnectionError';
}

/** No response arrived within the client's `timeout`. */
export class APITimeoutError extends APIConnectionError {
  static override readonly kind: ErrorKind = 'APITimeoutError';
}

/** The caller aborted the request through its `signal`. Never retried. */
export class APIUserAbortError extends SessionLensError {
  static override readonly kind: ErrorKind = 'APIUserAbortError';
}

/** Whether `value` is an {@link APIConnectionError} (timeouts included), in any realm. */
export const isAPIConnectionError = (value: unknown): value is APIConnectionError =>
  isErrorKind(value, 'APIConnectionError');
/** Whether `value` is an {@link APITimeoutError}. */
export const isAPITimeoutError = (value: unknown): value is APITimeoutError =>
  isErrorKind(value, 'APITimeoutError');
/** Whether `value` is an {@link APIUserAbortError}. */
export const isAPIUserAbortError = (value: unknown): value is APIUserAbortError =>
  isErrorKind(value, 'APIUserAbortError');

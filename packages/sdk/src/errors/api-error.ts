import { Problem } from '../contract/problem.js';
import { SessionLensError, isErrorKind, type ErrorKind } from './session-lens-error.js';

/** What the server answered when a request failed. */
export type APIErrorInit = {
  /** The HTTP status. */
  status: number;
  /** The RFC 9457 problem document, when the body was one. */
  problem: Problem | undefined;
  /** The response headers. */
  headers: Headers;
  /** The method and path of the request, for the message. */
  request: { method: string; path: string };
};

/**
 * The server answered with a non-success status. `problem` holds the RFC 9457 document the
 * Sessions API sends with every error; `requestId` the `x-request-id` header, to quote when
 * reporting a problem.
 */
export class APIError extends SessionLensError {
  static override readonly kind: ErrorKind = 'APIError';
  /** The HTTP status. */
  readonly status: number;
  /** The problem document, or undefined when the body was not one (a proxy's HTML page). */
  readonly problem: Problem | undefined;
  /** The server's request id, if it sent one. */
  readonly requestId: string | undefined;
  /** The response headers. */
  readonly headers: Headers;

  constructor(init: APIErrorInit) {
    const what = init.problem?.detail ?? init.problem?.title ?? `HTTP ${init.status}`;
    super(`${init.request.method.toUpperCase()} ${init.request.path}: ${init.status} ${what}`);
    this.status = init.status;
    this.problem = init.problem;
    this.headers = init.headers;
    this.requestId = init.headers.get('x-request-id') ?? undefined;
  }
}

/** 400 or 422: the request was invalid; `problem.errors` names each bad field. */
export class BadRequestError extends APIError {
  static override readonly kind: ErrorKind = 'BadRequestError';
}
/** 401: the token is missing, invalid or expired. */
export class AuthenticationError extends APIError {
  static override readonly kind: ErrorKind = 'AuthenticationError';
}
/** 403: the token lacks a scope, or a filter widens an embed token's scope. */
export class PermissionDeniedError extends APIError {
  static override readonly kind: ErrorKind = 'PermissionDeniedError';
}
/** 404: no such object, or one the caller may not see. */
export class NotFoundError extends APIError {
  static override readonly kind: ErrorKind = 'NotFoundError';
}
/**
 * 409: the action conflicts with the session's state; `problem.currentStatus` or
 * `problem.runningSessionId` say which.
 */
export class ConflictError extends APIError {
  static override readonly kind: ErrorKind = 'ConflictError';
}
/** 429: too many requests; retried automatically before this is thrown. */
export class RateLimitError extends APIError {
  static override readonly kind: ErrorKind = 'RateLimitError';
}
/** 5xx: the server failed; retried automatically before this is thrown. */
export class InternalServerError extends APIError {
  static override readonly kind: ErrorKind = 'InternalServerError';
}

/**
 * Builds the error for a failed response: the one place a status picks its class. The body is
 * kept as a problem only when it parses as one, so a proxy's HTML error page still yields a
 * typed error.
 */
export function makeAPIError(
  status: number,
  body: unknown,
  headers: Headers,
  request: APIErrorInit['request'],
): APIError {
  const parsed = Problem.safeParse(body);
  const init: APIErrorInit = { status, problem: parsed.success ? parsed.data : undefined, headers, request };
  if (status === 400 || status === 422) return new BadRequestError(init);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 409) return new ConflictError(init);
  if (status === 429) return new RateLimitError(init);
  if (status >= 500) return new InternalServerError(init);
  return new APIError(init);
}

/** Whether `value` is an {@link APIError} (any status), in any realm. */
export const isAPIError = (value: unknown): value is APIError => isErrorKind(value, 'APIError');
/** Whether `value` is a {@link BadRequestError}. */
export const isBadRequestError = (value: unknown): value is BadRequestError =>
  isErrorKind(value, 'BadRequestError');
/** Whether `value` is an {@link AuthenticationError}. */
export const isAuthenticationError = (value: unknown): value is AuthenticationError =>
  isErrorKind(value, 'AuthenticationError');
/** Whether `value` is a {@link PermissionDeniedError}. */
export const isPermissionDeniedError = (value: unknown): value is PermissionDeniedError =>
  isErrorKind(value, 'PermissionDeniedError');
/** Whether `value` is a {@link NotFoundError}. */
export const isNotFoundError = (value: unknown): value is NotFoundError =>
  isErrorKind(value, 'NotFoundError');
/** Whether `value` is a {@link ConflictError}. */
export const isConflictError = (value: unknown): value is ConflictError =>
  isErrorKind(value, 'ConflictError');
/** Whether `value` is a {@link RateLimitError}. */
export const isRateLimitError = (value: unknown): value is RateLimitError =>
  isErrorKind(value, 'RateLimitError');
/** Whether `value` is an {@link InternalServerError}. */
export const isInternalServerError = (value: unknown): value is InternalServerError =>
  isErrorKind(value, 'InternalServerError');

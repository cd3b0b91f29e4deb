/**
 * A registry-wide symbol, so an error thrown by a copy of the SDK loaded in another realm (an
 * iframe, a second bundle, a worker's structured clone is out of scope) is still recognised:
 * `instanceof` fails across realms, a `Symbol.for` key does not.
 */
const BRAND: unique symbol = Symbol.for('@session-lens/sdk/error') as never;

/** The names of the SDK's error classes, most general first. */
export type ErrorKind =
  | 'SessionLensError'
  | 'APIError'
  | 'BadRequestError'
  | 'AuthenticationError'
  | 'PermissionDeniedError'
  | 'NotFoundError'
  | 'ConflictError'
  | 'RateLimitError'
  | 'InternalServerError'
  | 'APIConnectionError'
  | 'APITimeoutError'
  | 'APIUserAbortError'
  | 'ResponseValidationError'
  | 'StreamParseError'
  | 'StreamResponseError';

/**
 * The base of every error the SDK throws. Catch this to catch them all; use the `is…Error`
 * guards rather than `instanceof` when the SDK may be loaded more than once.
 */
export class SessionLensError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    const kinds: ErrorKind[] = [];
    // Walk the prototype chain once so every subclass is branded without repeating itself.
    for (let proto: object | null = new.target.prototype; proto && proto !== Error.prototype;) {
      const ctor = (proto as { constructor: { kind?: ErrorKind } }).constructor;
      if (ctor.kind && !kinds.includes(ctor.kind)) kinds.push(ctor.kind);
      proto = Object.getPrototypeOf(proto) as object | null;
    }
    // The class chain, read by the type guards; hidden from enumeration and JSON.
    Object.defineProperty(this, BRAND, { value: Object.freeze(kinds), enumerable: false });
  }

  /** The brand this class adds to its instances. */
  static readonly kind: ErrorKind = 'SessionLensError';
}

/** Whether `value` is an SDK error of the given kind (or a subclass), in any realm. */
export function isErrorKind(value: unknown, kind: ErrorKind): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const kinds = (value as { [BRAND]?: unknown })[BRAND];
  return Array.isArray(kinds) && kinds.includes(kind);
}

/** Whether `value` is any error thrown by the SDK. */
export function isSessionLensError(value: unknown): value is SessionLensError {
  return isErrorKind(value, 'SessionLensError');
}

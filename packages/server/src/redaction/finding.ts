/**
 * One secret found in a string: the half-open character range `[start, end)` to replace and the
 * kebab-case kind that the marker names.
 */
export type Finding = {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  /**
   * Which finding names an overlap: a higher priority wins, so a PEM block inside a GCP
   * service-account JSON is reported as `gcp-service-account`, and a JWT sent as a bearer token
   * as `jwt`.
   */
  readonly priority: number;
};

/** Priorities for {@link Finding.priority}. */
export const Priority = {
  /** Matched by context only (a header name, a URL shape); the value has no format of its own. */
  contextual: 1,
  /** Matched by the value's own format (a prefix, a length, an alphabet). */
  specific: 2,
  /** A more precise name for a value another rule also matches. */
  refined: 3,
} as const;

/**
 * What joins the strings of one scan (see redact-text.ts): a line break stops every rule's
 * match but the GCP rule's, and the NUL marks where a string ends.
 */
export const SEPARATOR = '\n\u0000\n';

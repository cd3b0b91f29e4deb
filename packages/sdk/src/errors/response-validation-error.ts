import type * as z from 'zod/mini';
import { SessionLensError, isErrorKind, type ErrorKind } from './session-lens-error.js';

/**
 * A success response whose body does not match the contract. Thrown at the boundary, so no code
 * deeper in ever sees a malformed object. `path` names the endpoint; `issues` the bad fields.
 */
export class ResponseValidationError extends SessionLensError {
  static override readonly kind: ErrorKind = 'ResponseValidationError';
  /** The request path (or `stream:<event>` for a stream payload). */
  readonly path: string;
  /** Where in the body the value is wrong, and why. */
  readonly issues: readonly z.core.$ZodIssue[];

  constructor(path: string, issues: readonly z.core.$ZodIssue[]) {
    const first = issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid body';
    super(`Response of ${path} does not match the contract (${where})`);
    this.path = path;
    this.issues = issues;
  }
}

/** Whether `value` is a {@link ResponseValidationError}, in any realm. */
export const isResponseValidationError = (value: unknown): value is ResponseValidationError =>
  isErrorKind(value, 'ResponseValidationError');

import * as z from 'zod/mini';

/** One invalid input, named by its path (`query.limit`, `body.transcript.0.text`). */
export const ProblemFieldError = z.object({
  path: z.string(),
  message: z.string(),
});
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

/** An RFC 9457 problem document, the body of every error response. */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int().check(z.minimum(400), z.maximum(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  /** Present on validation failures (400). */
  errors: z.optional(z.array(ProblemFieldError)),
  /** Present on 409 conflicts about a session's state. */
  currentStatus: z.optional(z.string()),
  /** Present on a 409 for a second running assessment on one agent. */
  runningSessionId: z.optional(z.string()),
});
export type Problem = z.infer<typeof Problem>;

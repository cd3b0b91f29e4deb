import { z } from 'zod';

/** One invalid input, named by its path (`query.limit`, `body.transcript.0.text`). */
export const ProblemFieldError = z
  .object({
    path: z.string(),
    message: z.string(),
  })
  .meta({ id: 'ProblemFieldError' });
export type ProblemFieldError = z.infer<typeof ProblemFieldError>;

/** An RFC 9457 problem document, the body of every error response. */
export const Problem = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    /** Present on validation failures (400). */
    errors: z.array(ProblemFieldError).optional(),
    /** Present on 409 conflicts about a session's state. */
    currentStatus: z.string().optional(),
    /** Present on a 409 for a second running assessment on one agent. */
    runningSessionId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

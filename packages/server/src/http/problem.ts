import type { Problem, ProblemFieldError } from '@session-lens/sdk/contract';

/** The `type` URI prefix of every problem this server sends. */
export const PROBLEM_TYPE_BASE = 'https://session-lens.dev/problems/';

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/**
 * An error that becomes an RFC 9457 problem response. Handlers throw it; the app's error handler
 * turns it into `application/problem+json`.
 */
export class HttpProblem extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Response headers sent with the problem (`Retry-After`, `Connection: close`). */
  readonly headers: Record<string, string> = {};

  constructor(status: number, slug: string, detail: string, extra: Partial<Problem> = {}) {
    super(detail);
    this.name = 'HttpProblem';
    this.status = status;
    this.problem = {
      type: `${PROBLEM_TYPE_BASE}${slug}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      ...extra,
    };
  }
}

/** 400 with the invalid fields named by path. */
export function invalid(errors: ProblemFieldError[], detail?: string): HttpProblem {
  const first = errors[0];
  return new HttpProblem(
    400,
    'invalid-request',
    detail ?? (first ? `${first.path}: ${first.message}` : 'The request is invalid.'),
    { errors },
  );
}

/** 401: no token, or an unknown or expired one. */
export function unauthorized(detail = 'A valid bearer token is required.'): HttpProblem {
  return new HttpProblem(401, 'unauthorized', detail);
}

/** 403: the token lacks a scope, or asks for more than its embed lock allows. */
export function forbidden(detail: string): HttpProblem {
  return new HttpProblem(403, 'forbidden', detail);
}

/** 404: no such session, or one the caller may not see (indistinguishable on purpose). */
export function notFound(detail = 'No such session.'): HttpProblem {
  return new HttpProblem(404, 'not-found', detail);
}

/** 409: the session is not in a state that allows this. */
export function conflict(detail: string, extra: Partial<Problem> = {}): HttpProblem {
  return new HttpProblem(409, 'conflict', detail, extra);
}

/** 429 with `Retry-After` (whole seconds, at least 1): a rate or concurrency limit was reached. */
export function tooManyRequests(detail: string, retryAfterSeconds: number): HttpProblem {
  const problem = new HttpProblem(429, 'too-many-requests', detail);
  problem.headers['retry-after'] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  return problem;
}

/** The `application/problem+json` response of a problem, with any extra headers. */
export function problemResponse(problem: HttpProblem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem.problem), {
    status: problem.status,
    headers: { ...problem.headers, ...headers, 'content-type': 'application/problem+json' },
  });
}

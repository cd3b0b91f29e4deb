import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { HttpProblem, problemResponse } from '../http/problem.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** The request's id: the caller's well-formed `X-Request-Id`, else a fresh one. */
    requestId: string;
  }
}

/** An incoming `X-Request-Id` is kept when it is 1–128 of these characters; else one is made. */
const REQUEST_ID = /^[\w.:+=/-]{1,128}$/;

/** The route label of a request nothing matched: raw paths never become labels. */
export const UNMATCHED_ROUTE = 'unmatched';

/** Whether the process is draining (SIGTERM): shared by the middleware, `/readyz` and the drain. */
export type DrainState = { draining: boolean };

/** Options of {@link requestOps}. */
export type RequestOpsOptions = {
  logger: Logger;
  metrics: Metrics;
  drain: DrainState;
  /** `METHOD /path/{param}` of every route whose 2xx answer means a committed write. */
  writes: ReadonlySet<string>;
  /** The streams' path templates: refused with 503 while draining, so the client resumes elsewhere. */
  streamPaths: readonly string[];
};

/** The request id the middleware gave this request. */
export const requestIdOf = (c: Context): string | undefined => c.get('requestId');

/** The matched route's template in the contract's style (`/v1/sessions/{id}`), or `unmatched`. */
export function routeTemplate(c: Context): string {
  const handlers = matchedRoutes(c).filter((route) => route.method !== 'ALL');
  const path = handlers[handlers.length - 1]?.path;
  return path === undefined ? UNMATCHED_ROUTE : path.replace(/:(\w+)/g, '{$1}');
}

/** The header a node response was already sent with (SSE writes its own head). */
const alreadySent = (c: Context) => c.res.headers.has('x-hono-already-sent');

/**
 * The first middleware (A18): gives each request an id (echoed as `X-Request-Id`), times it,
 * writes one JSON log line when it is answered, feeds the request and write metrics, and while
 * draining asks clients to close their connections and refuses new streams.
 */
export function requestOps(options: RequestOpsOptions): MiddlewareHandler {
  const { logger, metrics, drain, writes } = options;
  const streams = options.streamPaths.map((path) => new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`));
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming !== undefined && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    // The stream writes its head straight to the node response: the id must be on it already.
    (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing?.setHeader('x-request-id', requestId);
    if (drain.draining && streams.some((stream) => stream.test(c.req.path))) {
      c.res = problemResponse(
        new HttpProblem(
          503,
          'draining',
          'This instance is shutting down; reconnect with Last-Event-ID and another one resumes the stream.',
        ),
        { 'retry-after': '1' },
      );
    } else {
      await next();
    }
    const route = routeTemplate(c);
    const status = c.res.status;
    const seconds = (performance.now() - started) / 1000;
    if (!alreadySent(c)) {
      c.res.headers.set('x-request-id', requestId);
      if (drain.draining) c.res.headers.set('connection', 'close');
    }
    metrics.request(route, c.req.method, status, seconds);
    if (
      status >= 200 &&
      status < 300 &&
      writes.has(`${c.req.method} ${route}`) &&
      !c.res.headers.has('idempotent-replayed')
    ) {
      metrics.writeCommitted(route);
    }
    logger.info(
      {
        requestId,
        method: c.req.method,
        route,
        path: c.req.path,
        status,
        durationMs: Math.round(seconds * 1e4) / 10,
      },
      'request',
    );
  };
}

/** Logs a request that failed on the server, with the error's stack (A18). */
export function logRequestError(logger: Logger, c: Context, error: unknown): void {
  logger.error(
    {
      requestId: requestIdOf(c),
      method: c.req.method,
      route: routeTemplate(c),
      path: c.req.path,
      err: error,
    },
    'request failed',
  );
}

import type { ServerResponse } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { WebOrigin } from '@session-lens/sdk/contract';

/** Request headers a cross-origin caller may send (A10). */
export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID'];

/**
 * Response headers a cross-origin caller may read: the request id and `Retry-After` the SDK's
 * errors and retries read, `Retry-After-Ms` (read too), and the idempotent-replay marker.
 */
export const CORS_EXPOSED_HEADERS = ['X-Request-Id', 'Retry-After', 'Retry-After-Ms', 'Idempotent-Replayed'];

/** Methods of the `/v1` routes. */
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';

/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE = '600';

/**
 * Parses a comma-separated list of exact origins (`SESSION_LENS_ALLOWED_ORIGINS`,
 * `--allowed-origins`). Throws on anything that is not an origin as a browser sends it, so a
 * typo (a trailing slash, a path, `*`) fails at start instead of silently allowing nothing.
 */
export function parseAllowedOrigins(list: string | undefined): string[] {
  if (list === undefined || list.trim() === '') return [];
  const origins = list
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    if (!WebOrigin.safeParse(origin).success) {
      throw new Error(
        `Invalid allowed origin "${origin}": expected scheme://host[:port], lowercase, no path (e.g. https://app.example.com).`,
      );
    }
  }
  return origins;
}

function appendVary(headers: Headers, value: string): void {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', value);
  else if (
    !vary
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(value.toLowerCase())
  )
    headers.set('vary', `${vary}, ${value}`);
}

/**
 * CORS for exact origins (A10). A request whose `Origin` is listed gets
 * `Access-Control-Allow-Origin` with that origin and the exposed headers; its preflight is
 * answered 204 with the allowed methods and headers. An origin not listed gets no CORS headers
 * at all — its preflight falls through to the ordinary 404 — so the browser refuses it. No
 * credentials are ever allowed: tokens travel in `Authorization` or `access_token`, never
 * cookies. Every response carries `Vary: Origin`, so a cache never serves one origin's answer
 * to another.
 *
 * Streams write their head straight to the node response; the headers are set on it before the
 * handler runs so they go out with it.
 */
export function cors(allowedOrigins: readonly string[]): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    const origin = c.req.header('origin');
    const listed = origin !== undefined && allowed.has(origin);
    if (listed && c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      return c.body(null, 204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': ALLOWED_METHODS,
        'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
        'access-control-max-age': PREFLIGHT_MAX_AGE,
        vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      });
    }
    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    const headers: Record<string, string> = listed
      ? {
          'access-control-allow-origin': origin,
          'access-control-expose-headers': CORS_EXPOSED_HEADERS.join(', '),
        }
      : {};
    if (outgoing && !outgoing.headersSent) {
      for (const [name, value] of Object.entries(headers)) outgoing.setHeader(name, value);
      outgoing.setHeader('vary', 'Origin');
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    appendVary(c.res.headers, 'Origin');
    return undefined;
  };
}

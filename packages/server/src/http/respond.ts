import type { Context } from 'hono';
import type { Route } from '@session-lens/sdk/contract';
import type { Logger } from '../ops/logger.js';
import { RawJson } from '../routes/context.js';
import { HttpProblem } from './problem.js';

/**
 * Sends a handler's result as JSON with the route's status. With `validate`, the body is first
 * checked against the route's response schema: a mismatch is logged and answered with a 500
 * rather than sent (it is a server bug, and a client would reject it anyway).
 */
export function respond(
  c: Context,
  route: Route,
  status: number,
  body: unknown,
  check: { validate: boolean; logger: Logger; name: string },
): Response {
  if (body instanceof RawJson) {
    if (check.validate) assertMatchesContract(route, JSON.parse(body.text), check);
    return jsonText(c, body.text, status);
  }
  if (check.validate) assertMatchesContract(route, body, check);
  return jsonText(c, JSON.stringify(body), status);
}

/**
 * JSON text with its `Content-Length`, so the compression middleware can leave a small body
 * alone without reading it (ops/compress.ts).
 */
function jsonText(c: Context, text: string, status: number): Response {
  return c.body(text, status as 200, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
}

function assertMatchesContract(route: Route, body: unknown, check: { logger: Logger; name: string }): void {
  if (!('schema' in route.response)) return;
  const result = route.response.schema.safeParse(body);
  if (result.success) return;
  check.logger.error(
    { route: check.name, issues: result.error.issues },
    'response does not match the contract',
  );
  throw new HttpProblem(500, 'internal', 'The server produced an invalid response.');
}

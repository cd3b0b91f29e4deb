import type { Hono } from 'hono';
import { routes } from '@session-lens/sdk/contract';
import { buildOpenApiDocument } from '@session-lens/sdk/openapi';
import type { Database } from '../db/index.js';
import { HttpProblem, problemResponse } from '../http/problem.js';
import { respond } from '../http/respond.js';
import type { Logger } from '../ops/logger.js';
import type { Readiness } from '@session-lens/sdk/contract';

/**
 * The unauthenticated service endpoints: `GET /healthz` (the process answers and reaches its
 * database), `GET /readyz` (ready for traffic; 503 with `Retry-After` otherwise),
 * `GET /openapi.json` (the generated document, built once on first request) and, when given,
 * the HTML page at `/`.
 */
export function mountServiceRoutes(
  app: Hono,
  deps: {
    db: Database;
    ready: () => Promise<Readiness>;
    logger: Logger;
    validateResponses: boolean;
    indexHtml?: (() => string) | undefined;
  },
): void {
  const { db, ready } = deps;
  const check = (name: string) => ({ validate: deps.validateResponses, logger: deps.logger, name });
  app.get(routes.health.path, async (c) => {
    await db.query('select 1');
    return respond(c, routes.health, 200, { ok: true, database: db.kind }, check('health'));
  });
  app.get(routes.ready.path, async (c) => {
    try {
      return respond(c, routes.ready, 200, await ready(), check('ready'));
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      return problemResponse(error, { 'retry-after': '1', 'cache-control': 'no-store' });
    }
  });
  let openApi: string | undefined;
  app.get('/openapi.json', (c) => {
    openApi ??= JSON.stringify(buildOpenApiDocument({ servers: [] }));
    return c.body(openApi, 200, { 'content-type': 'application/json' });
  });
  const html = deps.indexHtml;
  if (html) app.get('/', (c) => c.html(html()));
}

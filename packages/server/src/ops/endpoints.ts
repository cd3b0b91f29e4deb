import { createHash, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import { bearerToken } from '../http/authenticate.js';
import { HttpProblem, problemResponse } from '../http/problem.js';
import type { Metrics } from './metrics.js';

/** Where Prometheus scrapes (A18); outside the contract's route table: it is not JSON. */
export const METRICS_PATH = '/metrics';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Serves `GET /metrics` in the Prometheus text format. Open when no token is configured, like
 * most exporters (the figures are aggregate counts over route templates: no session data, ids or
 * tokens); with `token`, only `Authorization: Bearer <token>` may scrape it (compared in
 * constant time). docs/server.md says when to set one.
 */
export function mountMetrics(app: Hono, metrics: Metrics, token: string | undefined): void {
  const expected = token ? digest(token) : undefined;
  app.get(METRICS_PATH, async (c) => {
    if (expected) {
      const given = bearerToken(c.req.header('authorization'));
      if (!given || !timingSafeEqual(digest(given), expected)) {
        return problemResponse(
          new HttpProblem(
            401,
            'unauthorized',
            'Scraping needs the metrics token (SESSION_LENS_METRICS_TOKEN).',
          ),
          { 'www-authenticate': 'Bearer' },
        );
      }
    }
    const { text, contentType } = await metrics.scrape();
    return c.body(text, 200, { 'content-type': contentType, 'cache-control': 'no-store' });
  });
}

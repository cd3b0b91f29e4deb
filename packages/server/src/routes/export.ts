import type { Hono } from 'hono';
import { routes, type ExportFormat, type SessionFilters } from '@session-lens/sdk/contract';
import { exportStream } from '../export/stream.js';
import { authenticateRequest } from '../http/authenticate.js';
import { validateInput } from '../http/route-input.js';
import type { AppDeps, LensEnv } from './context.js';
import { honoPath } from './context.js';

/** The media type and file extension of each export format. */
const FORMATS: Record<ExportFormat, { type: string; extension: string }> = {
  csv: { type: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
};

/**
 * `GET /v1/sessions/export` (A14): the list's filters and authorization, the whole result as an
 * attachment streamed page by page. Registered before `GET /v1/sessions/{id}`, which would
 * otherwise take `export` for an id.
 */
export function mountExport(app: Hono<LensEnv>, deps: AppDeps): void {
  const route = routes.exportSessions;
  app.get(
    honoPath(route.path),
    authenticateRequest(deps, route),
    validateInput(route, deps.db),
    async (c) => {
      const { format, ...filters } = c.var.input.query as SessionFilters & { format: ExportFormat };
      const body = await exportStream(deps.store, c.var.caller.viewer, filters, format);
      const { type, extension } = FORMATS[format];
      const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '-');
      return new Response(body, {
        headers: {
          'content-type': type,
          'content-disposition': `attachment; filename="sessions-${stamp}.${extension}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    },
  );
}

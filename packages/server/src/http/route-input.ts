import type { Context, MiddlewareHandler } from 'hono';
import { applyView, timeRangeError, type Route, type SessionFilters } from '@session-lens/sdk/contract';
import type { Principal } from '../auth/principal.js';
import type { Queryable } from '../db/index.js';
import type { LensEnv } from '../routes/context.js';
import { viewFiltersFor } from '../views/views.js';
import { rejectBadJson, rejectBadRequestText } from './input-guards.js';
import { forbidden, invalid } from './problem.js';
import { readBoundedBody } from './read-body.js';
import { coerceQuery, fieldErrors, parseOrThrow } from './validate.js';

/** Parses the query against the route's schema; a route without one takes no parameters. */
function parseQuery(route: Route, searchParams: URLSearchParams): unknown {
  if (!route.query) {
    const keys = [...searchParams.keys()];
    if (keys.length > 0) {
      throw invalid(keys.map((key) => ({ path: `query.${key}`, message: 'Unknown query parameter' })));
    }
    return undefined;
  }
  const { input, errors } = coerceQuery(route.query, searchParams);
  const parsed = route.query.safeParse(input);
  const all = [...errors, ...(parsed.success ? [] : fieldErrors('query', parsed.error.issues))];
  if (all.length > 0 || !parsed.success) throw invalid(all);
  return parsed.data;
}

/**
 * Filters that name `view=<id>` with the view's filters applied (the contract's `applyView`: the
 * request's own filters replace the view's), then the range checked as a whole; `prefix` is where
 * the filters sit in the request (`query`, or `body.filters` for a bulk call). A view the caller
 * may not read is a 400 at `<prefix>.view`.
 */
export async function resolveFilters(
  db: Queryable,
  principal: Principal,
  filters: SessionFilters,
  prefix: string,
): Promise<SessionFilters> {
  const resolved =
    filters.view === undefined
      ? filters
      : applyView(await viewFiltersFor(db, principal, filters.view, prefix), filters);
  const range = timeRangeError(resolved, prefix);
  if (range) throw invalid([range]);
  return resolved;
}

/** A route's query with its view resolved ({@link resolveFilters}); other queries unchanged. */
async function withView(db: Queryable, c: Context<LensEnv>, query: unknown): Promise<unknown> {
  if (!query || typeof query !== 'object') return query;
  return resolveFilters(db, c.var.caller.principal, query as SessionFilters, 'query');
}

/**
 * Refuses filters that would widen an embed token's record lock (403, not an empty page): the
 * query of every route, and the filters of a bulk call's body.
 */
export function assertWithinLock(lock: string | undefined, query: unknown): void {
  if (!lock || !query || typeof query !== 'object') return;
  const filters = query as { scope?: string; agent?: string };
  if (filters.scope !== undefined && filters.scope !== lock) {
    throw forbidden(`This token is locked to ${lock}; it cannot list ${filters.scope}.`);
  }
  if (filters.agent !== undefined && (!lock.startsWith('agent:') || lock !== `agent:${filters.agent}`)) {
    throw forbidden(`This token is locked to ${lock}; it cannot list agent ${filters.agent}.`);
  }
}

/**
 * Middleware that validates the path parameters and the query string against the route's
 * schemas (after refusing text PostgreSQL cannot store) and leaves them in `c.var.input`. Runs
 * after authentication: it applies a saved view the query names (`view=`, read from `db`), then
 * checks the filters against the caller's embed lock, so a view cannot widen it either.
 */
export function validateInput(route: Route, db: Queryable): MiddlewareHandler<LensEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    rejectBadRequestText(c.req.param(), url.searchParams);
    const params = route.params ? parseOrThrow(route.params, c.req.param(), 'params') : undefined;
    const query = await withView(db, c, parseQuery(route, url.searchParams));
    assertWithinLock(c.var.caller.principal.embed?.scope, query);
    c.set('input', { params, query });
    await next();
  };
}

/**
 * Reads and validates a route's JSON body, counted while it streams in (at most `maxBytes`).
 * Returns the parsed body and its text (the idempotency record hashes the text).
 */
export async function readJsonBody(
  c: Context,
  route: Route,
  maxBytes: number,
): Promise<{ body: unknown; text: string }> {
  if (!route.body) return { body: undefined, text: '' };
  const text = await readBoundedBody(c, maxBytes);
  let json: unknown;
  try {
    json = text.length === 0 ? undefined : JSON.parse(text);
  } catch {
    throw invalid([{ path: 'body', message: 'The body is not valid JSON' }]);
  }
  if (json === undefined) throw invalid([{ path: 'body', message: 'A JSON body is required' }]);
  rejectBadJson(json);
  return { body: parseOrThrow(route.body, json, 'body'), text };
}

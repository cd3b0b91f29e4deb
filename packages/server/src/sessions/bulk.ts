import {
  MAX_BULK_SESSIONS,
  routes,
  type BulkOutcome,
  type BulkRequest,
  type BulkResult,
} from '@session-lens/sdk/contract';
import type { Principal } from '../auth/principal.js';
import { assertScopes } from '../http/authenticate.js';
import type { CursorSeal } from '../http/cursors.js';
import { HttpProblem, invalid } from '../http/problem.js';
import { assertWithinLock, resolveFilters } from '../http/route-input.js';
import type { Logger } from '../ops/logger.js';
import { closeSession } from './actions.js';
import type { Viewer } from './model.js';
import type { SessionStore } from './store.js';

/** The route of each bulk action: its scopes are the ones the action needs. */
const ACTION_ROUTES = { cancel: routes.cancelSession, end: routes.endSession } as const;

/**
 * Changes a bulk call runs at once. Each is a transaction of its own; running a few together
 * lets group commit share their commits without taking every connection of the pool.
 */
export const BULK_CONCURRENCY = 8;

type BulkDeps = { store: SessionStore; cursors: CursorSeal; logger: Logger };

/**
 * A15: takes `cancel` or `end` on each session of the selection, each exactly as its single
 * action (A5) would: the action's scopes first (without them the whole call is a 403, as every
 * single call would be), then, per session, {@link closeSession} in a change of its own —
 * 404 when the caller may not see it (`unknown`), 409 when its state forbids it (`refused`).
 */
export async function bulkClose(
  deps: BulkDeps,
  principal: Principal,
  viewer: Viewer,
  body: BulkRequest,
  now: number,
): Promise<BulkResult> {
  assertScopes(ACTION_ROUTES[body.action], principal);
  const { ids, nextCursor } = await selection(deps, principal, viewer, body);
  const outcomes = new Map<string, BulkOutcome>();
  // Taken in id order, so two bulk calls over the same sessions never wait on each other in a cycle.
  const queue = [...ids].sort();
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      outcomes.set(id, await closeOne(deps, viewer, id, body.action, now));
    }
  };
  await Promise.all(Array.from({ length: Math.min(BULK_CONCURRENCY, ids.length) }, worker));
  const results = ids.map((id) => outcomes.get(id)!);
  const count = (status: BulkOutcome['status']) => results.filter((r) => r.status === status).length;
  return { results, done: count('done'), refused: count('refused'), unknown: count('unknown'), nextCursor };
}

/** The ids a call acts on: the given ones once each, or a page of the filters' matches. */
async function selection(
  { store, cursors }: BulkDeps,
  principal: Principal,
  viewer: Viewer,
  body: BulkRequest,
): Promise<{ ids: string[]; nextCursor: string | null }> {
  if (body.ids) return { ids: [...new Set(body.ids)], nextCursor: null };
  // The checks the list's query gets beyond its schema: a saved view applied, an empty time
  // range, then the embed lock (a view cannot widen it).
  const filters = await resolveFilters(store.db, principal, body.filters ?? {}, 'body.filters');
  assertWithinLock(principal.embed?.scope, filters);
  try {
    const cursor = body.cursor === undefined ? undefined : cursors.open(body.cursor);
    const page = await store.list(viewer, filters, MAX_BULK_SESSIONS, cursor);
    return {
      ids: page.data.map((session) => session.id),
      nextCursor: page.nextCursor && cursors.seal(page.nextCursor),
    };
  } catch (error) {
    // The cursor is checked as the list checks its own; here it travels in the body.
    if (!(error instanceof HttpProblem) || error.status !== 400) throw error;
    const errors = error.problem.errors ?? [];
    throw invalid(errors.map((e) => ({ ...e, path: e.path.replace(/^query\.cursor/, 'body.cursor') })));
  }
}

/** One session's change, as its single action makes it, and what came of it. */
async function closeOne(
  { store, logger }: BulkDeps,
  viewer: Viewer,
  id: string,
  action: BulkRequest['action'],
  now: number,
): Promise<BulkOutcome> {
  try {
    await store.mutate([id], (tx) => closeSession(store, tx, viewer, id, action, now));
    return { id, status: 'done' };
  } catch (error) {
    if (error instanceof HttpProblem) {
      return { id, status: error.status === 404 ? 'unknown' : 'refused', problem: error.problem };
    }
    // The change rolled back: it is reported as not made, and the others go on.
    logger.error({ err: error, session: id }, 'bulk change failed');
    const failed = new HttpProblem(500, 'internal', 'The change failed on the server and was not made.');
    return { id, status: 'refused', problem: failed.problem };
  }
}

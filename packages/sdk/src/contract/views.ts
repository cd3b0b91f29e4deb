/**
 * Saved views (A13): a named set of list filters, private to its owner unless `shared`. `view=<id>`
 * on the list, the stream and the export applies a view's filters; a filter also given in the
 * request replaces the view's value for that filter. A view never widens what the caller may
 * see: visibility and an embed token's record lock apply on top of it, and a view whose `scope`
 * lies outside an embed token's lock is refused (403) like the same filter given directly.
 */
import * as z from 'zod/mini';
import type { SessionFilters } from './requests.js';
import { Timestamp } from './session.js';

/** A saved view, as the API answers with it. */
export const View = z.object({
  id: z.string(),
  name: z.string(),
  /**
   * The list filters it applies (every filter but `view`). Read loosely here: the server checked
   * them when the view was saved, and a filter a newer server adds must not break an old client.
   */
  filters: z.looseObject({}),
  /** Whether every member sees it (in `GET /v1/views`, and to apply with `view=`). */
  shared: z.boolean(),
  ownerId: z.string(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** A saved view; `filters` as the list takes them. */
export type View = Omit<z.infer<typeof View>, 'filters'> & { filters: ViewFilters };

/** The filters a view saves: the list filters but `view` (a view does not name another). */
export type ViewFilters = Omit<SessionFilters, 'view'>;

/** Response of `GET /v1/views`: the caller's own views and the shared ones, newest first. */
export const ViewList = z.object({ data: z.array(View) });
export type ViewList = { data: View[] };

/** Longest view name, in characters. */
export const MAX_VIEW_NAME_LENGTH = 100;

/** Most views one member may own. */
export const MAX_VIEWS_PER_OWNER = 100;

/**
 * The filters a request applies with `view=`: the view's, then every filter the request gives
 * itself in their place. One rule for the server and for a client (the live store) that needs
 * to check sessions against the same filters.
 */
export function applyView<F extends SessionFilters>(
  view: { filters: ViewFilters },
  request: F,
): Omit<F, 'view'> {
  const { view: _view, ...own } = request;
  return { ...(view.filters as Omit<F, 'view'>), ...own };
}

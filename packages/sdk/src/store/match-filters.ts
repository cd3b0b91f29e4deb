import type { SessionFilters } from '../contract/requests.js';
import type { Session } from '../contract/session.js';
import { leavesRangeAt, resolveTimeRange, withinRange } from '../contract/time-range.js';
import { activeUntil, isActive } from '../helpers/active.js';

/** At most this many words of a `q` filter count; the rest are ignored. */
const MAX_SEARCH_WORDS = 16;

/**
 * The lower-cased text a `q` filter searches: title, description, agent hostname, playbook and
 * owner name, one per line.
 */
export function sessionSearchText(session: Session): string {
  return [session.title, session.description, session.agent?.hostname, session.playbook, session.owner.name]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join('\n')
    .toLowerCase();
}

/**
 * The words of a `q` filter, lower-cased (split on whitespace, at most 16); a session matches
 * when every one occurs literally in its {@link sessionSearchText}.
 */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, MAX_SEARCH_WORDS);
}

/** Whether a session lies inside a record scope: `initiative:<id>`, `plan:<id>` or `agent:<id>`. */
export function withinScope(scope: string, session: Session): boolean {
  const colon = scope.indexOf(':');
  const kind = scope.slice(0, colon);
  const id = scope.slice(colon + 1);
  if (kind === 'initiative') return session.links?.initiative?.id === id;
  if (kind === 'plan') return session.links?.plan?.id === id;
  if (kind === 'agent') return session.agent?.id === id;
  return false;
}

/** Whether a repeatable filter lets `value` through: no values given, or `value` among them. */
const anyOf = <T extends string>(values: readonly T[] | undefined, value: T | undefined): boolean =>
  !values?.length || (value !== undefined && values.includes(value));

/**
 * Whether a session matches list and stream filters at the instant `now` (activeness and a
 * `since` duration depend on the clock). The reference server filters its stream with this very
 * function, and its list queries follow the same rules, so a client that applies it to an
 * updated session — or to one the clock moved out of the active set or out of a `since`
 * duration, which no event announces — agrees with the server. `content` is not checked here: a
 * session document holds no transcript; the server checks it (see `contract/content-search.ts`).
 */
export function matchesFilters(session: Session, filters: SessionFilters, now: number): boolean {
  if (filters.kind?.length && !filters.kind.includes(session.kind)) return false;
  if (filters.owner?.length && !filters.owner.includes(session.owner.id)) return false;
  if (filters.status?.length && !filters.status.includes(session.status)) return false;
  if (filters.scope && !withinScope(filters.scope, session)) return false;
  if (filters.agent !== undefined && session.agent?.id !== filters.agent) return false;
  if (filters.hostname !== undefined && session.agent?.hostname !== filters.hostname) return false;
  if (filters.playbook !== undefined && session.playbook !== filters.playbook) return false;
  const { model, runtime, origin } = session.metadata ?? {};
  if (!anyOf(filters.model, model) || !anyOf(filters.runtime, runtime) || !anyOf(filters.origin, origin)) {
    return false;
  }
  const words = searchWords(filters.q);
  if (words.length > 0) {
    const text = sessionSearchText(session);
    if (!words.every((word) => text.includes(word))) return false;
  }
  if (filters.active !== undefined && isActive(session, now) !== filters.active) return false;
  return withinRange(Date.parse(session.updatedAt), resolveTimeRange(filters, now));
}

/**
 * The next instant after `now` at which the clock alone changes how `session` sorts or whether
 * it matches `filters`: an active chat's window lapsing (S8), or the session ageing out of a
 * `since` duration. Undefined when no clock moves it; an update is an event.
 */
export function nextFilterChange(session: Session, filters: SessionFilters, now: number): number | undefined {
  let next: number | undefined;
  for (const at of [activeUntil(session), leavesRangeAt(Date.parse(session.updatedAt), filters.since)]) {
    if (at !== undefined && at > now && !(at > next!)) next = at;
  }
  return next;
}

import { activeUntil, CostSummary, isActive, type Session, type SessionFilters } from '@session-lens/sdk';

/** A reader's view of sessions: who they are and what they may see (X3). */
export type Viewer = {
  memberId: string;
  groups: readonly string[];
  /** `sessions:admin` sees every session, whatever its visibility. */
  admin: boolean;
  /** Whether cost may be included (`spend:read` and spend tracking on). */
  spend: boolean;
  /** An embed token's lock (`initiative:<id>`, `plan:<id>` or `agent:<id>`). */
  lock?: string | undefined;
};

/** The columns of the `sessions` table derived from a session document. */
export type SessionColumns = {
  activeStatic: boolean;
  activeUntil: string | null;
  search: string;
  initiativeId: string | null;
  planId: string | null;
};

/** Lower-cased text that `q` searches: title, description, hostname, playbook, owner name. */
export function searchText(session: Session): string {
  return [session.title, session.description, session.agent?.hostname, session.playbook, session.owner.name]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join('\n')
    .toLowerCase();
}

/** The words of a `q` filter, lower-cased; every one must occur in {@link searchText}. */
export function queryWords(q: string | undefined): string[] {
  return (q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 16);
}

/**
 * Derives the indexed columns. Activeness comes from the SDK's own helpers so the database and
 * every client agree on S8 to the millisecond.
 */
export function columnsOf(session: Session): SessionColumns {
  const until = activeUntil(session);
  return {
    activeStatic: session.kind === 'chat' ? false : isActive(session),
    activeUntil: until === undefined ? null : new Date(until).toISOString(),
    search: searchText(session),
    initiativeId: session.links?.initiative?.id ?? null,
    planId: session.links?.plan?.id ?? null,
  };
}

/**
 * The values of a session's indexed columns, in the column order of the `sessions` table
 * (id … version; the `doc` column follows). One list for every writer, so the seed and live
 * writes cannot drift apart.
 */
export function sessionColumnValues(session: Session): unknown[] {
  const c = columnsOf(session);
  const visibility = session.visibility;
  return [
    session.id,
    session.kind,
    session.status,
    session.owner.id,
    session.agent?.id ?? null,
    session.agent?.hostname ?? null,
    session.playbook ?? null,
    c.initiativeId,
    c.planId,
    session.createdAt,
    session.updatedAt,
    c.activeStatic,
    c.activeUntil,
    visibility.type === 'workspace',
    visibility.type === 'list' ? visibility.members : [],
    visibility.type === 'list' ? visibility.groups : [],
    c.search,
    session.version,
  ];
}

/** Whether the viewer may see the session (visibility, admin, embed lock). */
export function canSee(viewer: Viewer, session: Session): boolean {
  if (viewer.lock && !withinLock(viewer.lock, session)) return false;
  if (viewer.admin) return true;
  const visibility = session.visibility;
  if (visibility.type === 'workspace') return true;
  if (session.owner.id === viewer.memberId) return true;
  if (visibility.members.includes(viewer.memberId)) return true;
  return visibility.groups.some((group) => viewer.groups.includes(group));
}

/** Whether a session lies inside a record scope (`initiative:<id>`, `plan:<id>`, `agent:<id>`). */
export function withinLock(scope: string, session: Session): boolean {
  const colon = scope.indexOf(':');
  const kind = scope.slice(0, colon);
  const id = scope.slice(colon + 1);
  if (kind === 'initiative') return session.links?.initiative?.id === id;
  if (kind === 'plan') return session.links?.plan?.id === id;
  if (kind === 'agent') return session.agent?.id === id;
  return false;
}

/** Whether a session matches list/stream filters, exactly as the SQL of the list does. */
export function matchesFilters(filters: SessionFilters, session: Session, now: number): boolean {
  if (filters.kind?.length && !filters.kind.includes(session.kind)) return false;
  if (filters.owner?.length && !filters.owner.includes(session.owner.id)) return false;
  if (filters.status?.length && !filters.status.includes(session.status)) return false;
  if (filters.scope && !withinLock(filters.scope, session)) return false;
  if (filters.agent !== undefined && session.agent?.id !== filters.agent) return false;
  if (filters.hostname !== undefined && session.agent?.hostname !== filters.hostname) return false;
  if (filters.playbook !== undefined && session.playbook !== filters.playbook) return false;
  const words = queryWords(filters.q);
  if (words.length > 0) {
    const text = searchText(session);
    if (!words.every((word) => text.includes(word))) return false;
  }
  if (filters.active !== undefined && isActive(session, now) !== filters.active) return false;
  return true;
}

/**
 * The session as this viewer receives it: cost removed (not hidden) without spend visibility, and
 * also when the stored cost summary is one no client could parse (a total written before the
 * A19 limits), so old data can never make a read fail.
 */
export function present(viewer: Pick<Viewer, 'spend'>, session: Session): Session {
  if (session.cost === undefined) return session;
  if (viewer.spend && CostSummary.safeParse(session.cost).success) return session;
  const { cost: _cost, ...rest } = session;
  return rest;
}

/**
 * SQL for a session document as a viewer receives it, the list's counterpart of {@link present}:
 * cost removed without spend visibility or when its amount is not a valid `Money`.
 */
export function presentedDocSql(spend: boolean): string {
  if (!spend) return "(doc - 'cost')";
  return `(case when doc->'cost' is null or (doc #>> '{cost,amountUsd}') ~ '^-?(0|[1-9][0-9]{0,14})([.][0-9]{1,6})?$' then doc else doc - 'cost' end)`;
}

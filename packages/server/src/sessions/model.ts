import {
  activeUntil,
  CostSummary,
  isActive,
  sessionSearchText,
  withinScope,
  type Session,
} from '@session-lens/sdk';

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

/**
 * Derives the indexed columns. Activeness comes from the SDK's own helpers so the database and
 * every client agree on S8 to the millisecond.
 */
export function columnsOf(session: Session): SessionColumns {
  const until = activeUntil(session);
  return {
    activeStatic: session.kind === 'chat' ? false : isActive(session),
    activeUntil: until === undefined ? null : new Date(until).toISOString(),
    search: sessionSearchText(session),
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
  if (viewer.lock && !withinScope(viewer.lock, session)) return false;
  if (viewer.admin) return true;
  const visibility = session.visibility;
  if (visibility.type === 'workspace') return true;
  if (session.owner.id === viewer.memberId) return true;
  if (visibility.members.includes(viewer.memberId)) return true;
  return visibility.groups.some((group) => viewer.groups.includes(group));
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

import type { Scope, Session, StartSession } from '@session-lens/sdk';
import type { Queryable } from '../db/index.js';
import type { Principal } from '../auth/principal.js';
import { conflict, forbidden, notFound } from '../http/problem.js';
import { isTerminal } from './lifecycle.js';
import { canSee, type Viewer } from './model.js';

/**
 * Who may write what (A19, A3, A5). A session's **writer** is the principal that started it:
 * `agent:<id>` when an agent token started it (every token of that agent writes), `member:<id>`
 * when a member's token did, `owner:<member id>` for sessions recorded before the server kept a
 * writer (migration 002): any token the owner holds, or a token of the agent the session runs
 * on, writes it, as before. Activity and submit are accepted from the writer or a
 * `sessions:admin` principal only.
 */

/** The writer a principal records when it starts a session. */
export function writerOf(principal: Principal): string {
  if (principal.kind === 'agent' && principal.agentId) return `agent:${principal.agentId}`;
  return `member:${principal.member.id}`;
}

/** Whether the principal is the recorded writer (a null writer reads as `owner:<owner id>`). */
export function isWriter(principal: Principal, writer: string | null, session: Session): boolean {
  if (principal.kind === 'embed') return false;
  const recorded = writer ?? `owner:${session.owner.id}`;
  if (recorded.startsWith('owner:')) {
    const ranOnAgent = session.agent !== undefined && principal.agentId === session.agent.id;
    return recorded === `owner:${principal.member.id}` || (principal.kind === 'agent' && ranOnAgent);
  }
  return recorded === writerOf(principal);
}

/** Records the writer of a session just inserted in this transaction. */
export async function recordWriter(tx: Queryable, id: string, principal: Principal): Promise<void> {
  await tx.query('update sessions set writer = $2 where id = $1', [id, writerOf(principal)]);
}

/** 403 unless the principal is the session's writer or holds `sessions:admin`. */
export async function assertWriter(tx: Queryable, principal: Principal, session: Session): Promise<void> {
  if (principal.scopes.has('sessions:admin')) return;
  const [row] = await tx.query<{ writer: string | null }>('select writer from sessions where id = $1', [
    session.id,
  ]);
  if (isWriter(principal, row?.writer ?? null, session)) return;
  throw forbidden(
    'Only the session writer (the agent or member whose token started it) or a sessions:admin token may write to it.',
  );
}

/** Statuses only the submit and review actions set (A5). */
const REVIEW_STATUSES: ReadonlySet<string> = new Set(['pending_review', 'reviewed', 'rejected']);

/** Terminal statuses a flow or task runtime reports as the outcome of its own run. */
const RUN_OUTCOMES: ReadonlySet<string> = new Set(['completed', 'merged', 'failed']);

/** What moving a session to a status through activity amounts to. */
export type StatusChange =
  { kind: 'progress' } | { kind: 'cancel' | 'end'; scope: Scope } | { kind: 'refused'; reason: string };

/**
 * Classifies an activity status change (A19):
 * - review statuses (`pending_review`, `reviewed`, `rejected`) are refused: use submit or review;
 * - a flow or task reaching `completed`, `merged` or `failed` is its writer's own outcome; any
 *   other terminal status (`cancelled`, `skipped`, `discarded`, `ended`, …) is a **cancel** and
 *   needs `sessions:cancel-any`, as `POST …/cancel` does;
 * - a chat reaching any terminal status (`ended`, `failed`, `completed`, …) is an **end** and
 *   needs `conversations:manage`, as `POST …/end` does;
 * - an assessment may report `failed`; any other terminal status is refused: it finishes through
 *   submit and review;
 * - every non-terminal status is progress.
 */
export function classifyStatusChange(kind: Session['kind'], to: string): StatusChange {
  if (REVIEW_STATUSES.has(to))
    return { kind: 'refused', reason: `A batch cannot move a session to ${to}; use submit or review.` };
  if (!isTerminal(to)) return { kind: 'progress' };
  if (kind === 'chat') return { kind: 'end', scope: 'conversations:manage' };
  if (kind === 'assessment') {
    return to === 'failed'
      ? { kind: 'progress' }
      : {
          kind: 'refused',
          reason: `An assessment is finished by submit and review, not by a batch setting ${to}.`,
        };
  }
  return RUN_OUTCOMES.has(to) ? { kind: 'progress' } : { kind: 'cancel', scope: 'sessions:cancel-any' };
}

/**
 * Checks that a batch may move `session` to `to`: 409 when the state forbids it (pending review,
 * a review status), 403 when the change is a cancel or an end and the caller lacks its scope.
 */
export function assertStatusChange(principal: Principal, session: Session, to: string | undefined): void {
  if (session.status === 'pending_review') {
    throw conflict('The session is pending review; only a review moves it on, and it takes no activity.', {
      currentStatus: session.status,
    });
  }
  if (to === undefined || to === session.status) return;
  const change = classifyStatusChange(session.kind, to);
  if (change.kind === 'refused') throw conflict(change.reason, { currentStatus: session.status });
  if ((change.kind === 'cancel' || change.kind === 'end') && !principal.scopes.has(change.scope)) {
    throw forbidden(
      `Moving a ${session.kind} to ${to} is ${change.kind === 'cancel' ? 'a cancel' : 'an end'}: it needs the ${change.scope} scope.`,
    );
  }
}

/** A3: an agent token names its own agent only; `visibility` on create needs `sessions:admin`. */
export function assertMayStart(principal: Principal, body: StartSession): void {
  if (principal.kind === 'agent' && body.agentId !== undefined && body.agentId !== principal.agentId) {
    throw forbidden(
      `An agent token starts sessions for its own agent (${principal.agentId ?? 'none'}) only, not ${body.agentId}.`,
    );
  }
  if (body.visibility !== undefined && !principal.scopes.has('sessions:admin')) {
    throw forbidden('Setting visibility on create needs the sessions:admin scope.');
  }
}

/** The id of a session to name in a 409, only when the viewer may see it. */
export async function visibleId(tx: Queryable, viewer: Viewer, id: string): Promise<string | undefined> {
  const [row] = await tx.query<{ doc: Session }>('select doc from sessions where id = $1', [id]);
  return row && canSee(viewer, row.doc) ? id : undefined;
}

/**
 * An idempotent replay answers with the stored response only while the caller can still see the
 * session it describes; otherwise 404, as a fresh request would.
 */
export async function assertReplayVisible(tx: Queryable, viewer: Viewer, response: unknown): Promise<void> {
  const id =
    typeof response === 'object' && response !== null ? (response as { id?: unknown }).id : undefined;
  if (typeof id !== 'string') return;
  if ((await visibleId(tx, viewer, id)) === undefined) throw notFound();
}

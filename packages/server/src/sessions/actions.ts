import { randomBytes } from 'node:crypto';
import type { ReviewSession, Session, StartSession, Visibility } from '@session-lens/sdk';
import type { Queryable } from '../db/index.js';
import { sqlState } from '../db/index.js';
import type { Principal } from '../auth/principal.js';
import { conflict, forbidden, invalid, notFound } from '../http/problem.js';
import { canSee, type Viewer } from './model.js';
import { INITIAL_STATUS, isTerminal, touched } from './lifecycle.js';
import type { SessionStore, StoredSession } from './store.js';
import { assertMayStart, assertWriter, recordWriter, visibleId } from './authority.js';

/** A new session id: `ses_` and 16 random hex digits. */
export function newSessionId(): string {
  return `ses_${randomBytes(8).toString('hex')}`;
}

/** Loads a session for a change, as 404 when missing or outside the caller's view. */
export async function loadVisible(
  store: SessionStore,
  tx: Queryable,
  viewer: Viewer,
  id: string,
): Promise<StoredSession> {
  const stored = await store.load(tx, id);
  if (!stored || !canSee(viewer, stored.session)) throw notFound();
  return stored;
}

async function runningAssessment(tx: Queryable, agentId: string): Promise<string | undefined> {
  const rows = await tx.query<{ id: string }>(
    `select id from sessions where agent_id = $1 and kind = 'assessment' and status = 'running' limit 1`,
    [agentId],
  );
  return rows[0]?.id;
}

/** The 409 of a second assessment: it names the running one only when the caller may see it (A3). */
function alreadyRunning(agentId: string, sessionId: string | undefined) {
  return conflict(
    `Agent ${agentId} already has a running assessment${sessionId ? `, ${sessionId}` : ''}; it must be submitted before another starts.`,
    { currentStatus: 'running', ...(sessionId ? { runningSessionId: sessionId } : {}) },
  );
}

/**
 * A3: starts a session. The owner is the caller; an agent token's agent is the default agent and
 * the only one it may name. Visibility defaults from the playbook, else the agent, else the whole
 * workspace (X3); setting it needs `sessions:admin`. The caller is recorded as the writer (A19).
 */
export async function startSession(
  store: SessionStore,
  tx: Queryable,
  principal: Principal,
  viewer: Viewer,
  body: StartSession,
  now: number,
): Promise<Session> {
  assertMayStart(principal, body);
  // An agent token's own agent is the default only for assessments, which always run on one.
  const agentId = body.agentId ?? (body.kind === 'assessment' ? principal.agentId : undefined);
  let agent: { id: string; hostname: string; visibility: Visibility | null } | undefined;
  if (agentId !== undefined) {
    const rows = await tx.query<{ id: string; hostname: string; visibility: Visibility | null }>(
      'select id, hostname, visibility from agents where id = $1',
      [agentId],
    );
    agent = rows[0];
    if (!agent) throw invalid([{ path: 'body.agentId', message: `Unknown agent ${agentId}` }]);
  }
  if (body.kind === 'assessment') {
    if (!agent) throw invalid([{ path: 'body.agentId', message: 'An assessment needs an agent' }]);
    if (!body.playbook) throw invalid([{ path: 'body.playbook', message: 'An assessment needs a playbook' }]);
    const running = await runningAssessment(tx, agent.id);
    if (running) throw alreadyRunning(agent.id, await visibleId(tx, viewer, running));
  }
  let visibility: Visibility | undefined = body.visibility;
  if (!visibility && body.playbook) {
    const rows = await tx.query<{ visibility: Visibility | null }>(
      'select visibility from playbooks where name = $1',
      [body.playbook],
    );
    visibility = rows[0]?.visibility ?? undefined;
  }
  visibility ??= agent?.visibility ?? { type: 'workspace' };
  const at = new Date(now).toISOString();
  const progress: Session['progress'] =
    body.kind === 'flow'
      ? { steps: [] }
      : body.kind === 'task'
        ? { turns: 0 }
        : body.kind === 'chat'
          ? { messages: 0 }
          : { executions: 0 };
  const session: Session = {
    id: newSessionId(),
    kind: body.kind,
    title: body.title ?? (body.kind === 'assessment' && body.playbook ? body.playbook : 'Untitled session'),
    ...(body.description !== undefined ? { description: body.description } : {}),
    status: INITIAL_STATUS[body.kind],
    owner: {
      id: principal.member.id,
      name: principal.member.name,
      ...(principal.member.avatarUrl ? { avatarUrl: principal.member.avatarUrl } : {}),
    },
    createdAt: at,
    updatedAt: at,
    progress,
    ...(body.links ? { links: body.links } : {}),
    ...(agent ? { agent: { id: agent.id, hostname: agent.hostname } } : {}),
    ...(body.playbook !== undefined ? { playbook: body.playbook } : {}),
    counts: { executions: 0, insights: 0, toolCalls: 0 },
    ...(body.kind === 'chat' ? { chatMode: body.chatMode ?? 'work' } : {}),
    ...(body.metadata ? { metadata: body.metadata } : {}),
    visibility,
    version: 1,
  };
  try {
    await store.write(tx, session, undefined);
  } catch (error) {
    // Two starts racing past the check: the unique index has the last word.
    if (sqlState(error) === '23505' && agent) throw alreadyRunning(agent.id, undefined);
    throw error;
  }
  await recordWriter(tx, session.id, principal);
  return session;
}

/** Why a session cannot be cancelled (only a flow or task that has not finished can), if it cannot. */
function cancelRefusal(session: Session): string | undefined {
  if (session.kind !== 'flow' && session.kind !== 'task') {
    return `Only flows and tasks can be cancelled; this is a ${session.kind}.`;
  }
  return isTerminal(session.status) ? `The session is already ${session.status}.` : undefined;
}

/** Why a session cannot be ended (only a chat that has not ended can), if it cannot. */
function endRefusal(session: Session): string | undefined {
  if (session.kind !== 'chat') return `Only chats can be ended; this is a ${session.kind}.`;
  return session.status === 'ended' ? 'The chat has already ended.' : undefined;
}

/** Writes the next version of a session with `change`; `ends` also stamps `endedAt`. */
async function writeChange(
  store: SessionStore,
  tx: Queryable,
  session: Session,
  change: Partial<Pick<Session, 'status' | 'visibility'>>,
  now: number,
  ends = false,
): Promise<Session> {
  const next: Session = { ...touched(session, now), ...change };
  if (ends) next.endedAt = next.updatedAt;
  await store.write(tx, next, session);
  return next;
}

/**
 * A5: `cancel` cancels a flow or task that has not finished; `end` ends a chat that has not
 * ended. Anything else is a 409 with the current status.
 */
export async function closeSession(
  store: SessionStore,
  tx: Queryable,
  viewer: Viewer,
  id: string,
  action: 'cancel' | 'end',
  now: number,
): Promise<Session> {
  const { session } = await loadVisible(store, tx, viewer, id);
  const refusal = action === 'cancel' ? cancelRefusal(session) : endRefusal(session);
  if (refusal) throw conflict(refusal, { currentStatus: session.status });
  return writeChange(store, tx, session, { status: action === 'cancel' ? 'cancelled' : 'ended' }, now, true);
}

/** A5: running → pending_review, with a summary; by the session's writer or an admin (A19). */
export async function submitSession(
  store: SessionStore,
  tx: Queryable,
  principal: Principal,
  viewer: Viewer,
  id: string,
  summary: string,
  now: number,
): Promise<Session> {
  const { session } = await loadVisible(store, tx, viewer, id);
  await assertWriter(tx, principal, session);
  if (session.status !== 'running') {
    throw conflict(`Only a running session can be submitted; this one is ${session.status}.`, {
      currentStatus: session.status,
    });
  }
  const next = await writeChange(store, tx, session, { status: 'pending_review' }, now);
  await tx.query('update sessions set summary = $2 where id = $1', [id, summary]);
  return next;
}

/** A5: pending_review → completed or rejected; a person's decision, never an agent's. */
export async function reviewSession(
  store: SessionStore,
  tx: Queryable,
  principal: Principal,
  viewer: Viewer,
  id: string,
  body: ReviewSession,
  now: number,
): Promise<Session> {
  if (principal.kind !== 'member')
    throw forbidden('Only a person may review a session, never an agent or embed token.');
  const { session } = await loadVisible(store, tx, viewer, id);
  if (session.status !== 'pending_review') {
    throw conflict(`Only a session pending review can be reviewed; this one is ${session.status}.`, {
      currentStatus: session.status,
    });
  }
  const next = await writeChange(store, tx, session, { status: body.decision }, now, true);
  await tx.query('update sessions set review_comment = $2 where id = $1', [id, body.comment ?? null]);
  return next;
}

/** A5: replaces a session's visibility (admins only, who see every session). */
export async function setVisibility(
  store: SessionStore,
  tx: Queryable,
  viewer: Viewer,
  id: string,
  visibility: Visibility,
  now: number,
): Promise<Session> {
  const { session } = await loadVisible(store, tx, viewer, id);
  return writeChange(store, tx, session, { visibility }, now);
}

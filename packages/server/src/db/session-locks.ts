import type { Queryable } from './index.js';

/**
 * The advisory-lock class of per-session change locks; the key is `hashtext(session id)`. A
 * change of a session holds its lock until its transaction ends (see SessionStore.load and the
 * proof in stream/hub.ts). No lock of this class is shared by all sessions.
 */
export const SESSION_LOCK_CLASS = 7242004;

/**
 * Takes the change locks of several sessions at the start of a shared transaction (PostgreSQL
 * group commit), before it has a transaction id, in ascending key order. Every transaction that
 * holds more than one of these locks took them this way, in the same order, so two of them
 * never wait on each other in a cycle.
 */
export async function lockSessions(tx: Queryable, sessions: readonly string[]): Promise<void> {
  // (Taking a key twice, for two ids of one hash, is fine: the lock is re-entrant.)
  await tx.query(
    `select pg_advisory_xact_lock(${SESSION_LOCK_CLASS}, hashtext(id))
     from (select id from unnest($1::text[]) as id order by hashtext(id)) as sorted`,
    [[...sessions]],
  );
}

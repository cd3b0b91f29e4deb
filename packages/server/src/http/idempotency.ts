import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Route } from '@session-lens/sdk/contract';
import type { Queryable } from '../db/index.js';
import { sqlState } from '../db/index.js';
import type { Principal } from '../auth/principal.js';
import { assertReplayVisible } from '../sessions/authority.js';
import { findIdempotentResponse, recordIdempotentResponse } from '../sessions/idempotency-keys.js';
import type { Viewer } from '../sessions/model.js';
import type { SessionStore } from '../sessions/store.js';
import { HttpProblem, invalid } from './problem.js';

/** The outcome of a write: its status and body, and whether it replays a stored answer. */
export type WriteOutcome = { status: number; body: unknown; replayed: boolean };

/** A request's `Idempotency-Key`, where the route honours one (1 to 200 characters). */
function idempotencyKey(c: Context, route: Route): string | undefined {
  const key = route.idempotent ? c.req.header('idempotency-key') : undefined;
  if (key !== undefined && (key.length === 0 || key.length > 200)) {
    throw invalid([{ path: 'header.Idempotency-Key', message: 'Expected 1 to 200 characters' }]);
  }
  return key;
}

/**
 * Runs a write in one transaction together with its idempotency record. With an
 * `Idempotency-Key`, a retry of the same request answers what the first one stored (while the
 * caller can still see the session it describes), the same key with another body is a 409, and
 * a concurrent request that committed the same key first is answered from its record.
 */
export async function runIdempotent(
  store: SessionStore,
  request: { c: Context; route: Route; name: string; text: string; principal: Principal; viewer: Viewer },
  write: (tx: Queryable) => Promise<unknown>,
): Promise<WriteOutcome> {
  const { c, route, name, principal, viewer } = request;
  const key = idempotencyKey(c, route);
  const status = route.response.status;
  const owner = `${principal.kind}:${principal.member.id}:${principal.agentId ?? ''}`;
  const requestHash = createHash('sha256').update(`${name}\n${c.req.path}\n${request.text}`).digest('hex');
  // The session a write changes is its path's id (a start changes none): named, the change may
  // share a transaction with concurrent ones (see `SessionStore.mutate`).
  const sessionId = c.req.param('id');
  const sessions = sessionId === undefined ? [] : [sessionId];
  const run = () =>
    store.mutate(sessions, async (tx): Promise<WriteOutcome> => {
      if (key === undefined) return { status, body: await write(tx), replayed: false };
      const stored = await findIdempotentResponse(tx, owner, key);
      if (stored) {
        await assertReplayVisible(tx, viewer, stored.response);
        if (stored.requestHash !== requestHash) {
          throw new HttpProblem(
            409,
            'idempotency-key-reused',
            'This Idempotency-Key was used for a different request.',
          );
        }
        return { status: stored.status, body: stored.response, replayed: true };
      }
      const body = await write(tx);
      await recordIdempotentResponse(tx, {
        principal: owner,
        key,
        operation: name,
        requestHash,
        status,
        response: body,
      });
      return { status, body, replayed: false };
    });
  try {
    return await run();
  } catch (error) {
    // The same key committed by a concurrent request: answer with what it stored.
    if (sqlState(error) !== '23505' || key === undefined) throw error;
    return await run();
  }
}

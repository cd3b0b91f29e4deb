import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { IDEMPOTENCY_KEY_MAX_LENGTH, type Route } from '@session-lens/sdk/contract';
import type { Queryable } from '../db/index.js';
import { sqlState } from '../db/index.js';
import type { Principal } from '../auth/principal.js';
import { assertReplayVisible } from '../sessions/authority.js';
import {
  findIdempotentResponse,
  recordIdempotentResponse,
  type StoredResponse,
} from '../sessions/idempotency-keys.js';
import type { Viewer } from '../sessions/model.js';
import type { SessionStore } from '../sessions/store.js';
import { HttpProblem, invalid } from './problem.js';

/** The outcome of a write: its status and body, and whether it replays a stored answer. */
export type WriteOutcome = { status: number; body: unknown; replayed: boolean };

/** A request's `Idempotency-Key`, where the route honours one (1 to 200 characters, the contract's limit). */
function idempotencyKey(c: Context, route: Route): string | undefined {
  const key = route.idempotent ? c.req.header('idempotency-key') : undefined;
  if (key !== undefined && (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH)) {
    const message = `Expected 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`;
    throw invalid([{ path: 'header.Idempotency-Key', message }]);
  }
  return key;
}

/** A write request as its idempotency record knows it. */
type WriteRequest = {
  c: Context;
  route: Route;
  name: string;
  text: string;
  principal: Principal;
  viewer: Viewer;
};

/** Who sent a write, with which key, and a hash of what it asked (operation, path, body). */
function identify({ c, route, name, text, principal }: WriteRequest) {
  return {
    key: idempotencyKey(c, route),
    status: route.response.status,
    owner: `${principal.kind}:${principal.member.id}:${principal.agentId ?? ''}`,
    requestHash: createHash('sha256').update(`${name}\n${c.req.path}\n${text}`).digest('hex'),
  };
}

/** The answer to a retry from its stored record; the same key with another request is a 409. */
function replay(stored: StoredResponse, requestHash: string): WriteOutcome {
  if (stored.requestHash !== requestHash) {
    throw new HttpProblem(
      409,
      'idempotency-key-reused',
      'This Idempotency-Key was used for a different request.',
    );
  }
  return { status: stored.status, body: stored.response, replayed: true };
}

/**
 * Runs a write in one transaction together with its idempotency record. With an
 * `Idempotency-Key`, a retry of the same request answers what the first one stored (while the
 * caller can still see the session it describes), the same key with another body is a 409, and
 * a concurrent request that committed the same key first is answered from its record.
 */
export async function runIdempotent(
  store: SessionStore,
  request: WriteRequest,
  write: (tx: Queryable) => Promise<unknown>,
): Promise<WriteOutcome> {
  const { c, name, viewer } = request;
  const { key, status, owner, requestHash } = identify(request);
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
        return replay(stored, requestHash);
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

/**
 * Runs a batch write — one that makes each of its changes in a transaction of its own, as the
 * bulk call does — idempotently: with an `Idempotency-Key`, a retry of the same request is
 * answered from the record of the first and runs nothing; the record is written once the batch
 * has run. A batch cut short (the process stopped) leaves no record: its retry runs again, and
 * each change the first run made is then refused as its single action would refuse it. Two
 * requests with one key at once both run; each change is still made once (every change locks
 * its session), and both are answered with the record the first one to finish wrote.
 */
export async function runIdempotentBatch(
  store: SessionStore,
  request: WriteRequest,
  run: () => Promise<unknown>,
): Promise<WriteOutcome> {
  const { key, status, owner, requestHash } = identify(request);
  if (key === undefined) return { status, body: await run(), replayed: false };
  const stored = await findIdempotentResponse(store.db, owner, key);
  if (stored) return replay(stored, requestHash);
  const body = await run();
  const record = { principal: owner, key, operation: request.name, requestHash, status, response: body };
  try {
    await store.mutate([], (tx) => recordIdempotentResponse(tx, record));
  } catch (error) {
    if (sqlState(error) !== '23505') throw error;
    const first = await findIdempotentResponse(store.db, owner, key);
    if (first) return replay(first, requestHash);
    throw error;
  }
  return { status, body, replayed: false };
}

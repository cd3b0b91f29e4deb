import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, Hono } from 'hono';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { routes } from '@session-lens/sdk/contract';
import { authenticateRequest } from '../http/authenticate.js';
import { invalid } from '../http/problem.js';
import { validateInput } from '../http/route-input.js';
import { nodeSink, sseResponse, webSink } from '../http/sse.js';
import type { StreamSink } from '../stream/hub.js';
import { visibleSession } from './sessions.js';
import type { SessionFilters } from '@session-lens/sdk';
import type { AppDeps, LensEnv } from './context.js';
import { honoPath } from './context.js';

/** The event to resume after: `Last-Event-ID` (header), else `lastEventId` (query). */
function resumeFrom(c: Context, queryId: string | undefined): number | undefined {
  const headerId = c.req.header('last-event-id');
  const raw = headerId ?? queryId;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw invalid([
      {
        path: headerId !== undefined ? 'header.Last-Event-ID' : 'query.lastEventId',
        message: 'Expected an event id',
      },
    ]);
  }
  return Number(raw);
}

/** Opens a stream's response and subscribes it; returns the unsubscribe function. */
type Subscribe = (sink: StreamSink) => Promise<() => void> | (() => void);

/**
 * Serves one event stream: holds one of the token's stream slots until it closes, then hands a
 * sink to `subscribe`. On node:http the hub writes raw bytes to the socket; elsewhere it feeds a
 * web stream. Both streams (A8, A16) answer through here, with {@link SSE_HEADERS}.
 */
async function serveStream(c: Context<LensEnv>, deps: AppDeps, subscribe: Subscribe): Promise<Response> {
  const release = deps.limits.openStream(c.var.caller.token);
  const env = c.env as { outgoing?: ServerResponse; incoming?: IncomingMessage } | undefined;
  if (env?.outgoing && env.incoming) {
    const sink = nodeSink(env.outgoing);
    // The client may leave while the replay is still running: remember that.
    const subscription: { stop?: () => void; closed?: boolean } = {};
    env.outgoing.on('close', () => {
      release();
      subscription.closed = true;
      subscription.stop?.();
    });
    subscription.stop = await subscribe(sink);
    if (subscription.closed) subscription.stop();
    return RESPONSE_ALREADY_SENT;
  }
  const subscription: { stop?: () => void } = {};
  const { sink, body } = webSink(() => {
    release();
    subscription.stop?.();
  });
  try {
    subscription.stop = await subscribe(sink);
  } catch (error) {
    release();
    throw error;
  }
  return sseResponse(body);
}

/**
 * `GET /v1/stream`: Server-Sent Events of the sessions the caller may see that match the
 * filters, resumable by event id. The token may come as `access_token` for a native
 * `EventSource`.
 */
export function mountStream(app: Hono<LensEnv>, deps: AppDeps): void {
  const route = routes.stream;
  app.get(
    honoPath(route.path),
    authenticateRequest(deps, route, { accessTokenQuery: true }),
    validateInput(route, deps.db),
    (c) => {
      const query = c.var.input.query as { lastEventId?: string; access_token?: string } & SessionFilters;
      const { lastEventId: queryId, access_token: _token, ...filters } = query;
      const lastEventId = resumeFrom(c, queryId);
      return serveStream(c, deps, (sink) =>
        deps.hub.subscribe(sink, c.var.caller.viewer, filters, lastEventId),
      );
    },
  );
}

/**
 * `GET /v1/sessions/{id}/stream` (A16): one session's new transcript entries and changes,
 * resumable after an entry's `seq` (see stream/follow.ts). Authorized like a GET of the session:
 * one the caller may not see is 404 before the stream opens.
 */
export function mountFollow(app: Hono<LensEnv>, deps: AppDeps): void {
  const route = routes.followSession;
  app.get(
    honoPath(route.path),
    authenticateRequest(deps, route, { accessTokenQuery: true }),
    validateInput(route, deps.db),
    async (c) => {
      const { viewer } = c.var.caller;
      const { id } = c.var.input.params as { id: string };
      const after = resumeFrom(c, (c.var.input.query as { lastEventId?: string }).lastEventId);
      await visibleSession(deps.store, viewer, id);
      return serveStream(c, deps, (sink) => deps.hub.follow(sink, viewer, id, after));
    },
  );
}

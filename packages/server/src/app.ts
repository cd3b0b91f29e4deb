import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono, type Context } from 'hono';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { z } from 'zod/mini';
import {
  routes,
  type CostDetail,
  type Execution,
  type Insight,
  type Me,
  type Route,
  type RouteName,
  type Scope,
  type TranscriptEntry,
} from '@session-lens/sdk/contract';
import { buildOpenApiDocument } from '@session-lens/sdk/openapi';
import { fromMicros } from '@session-lens/sdk';
import type { Database, Queryable } from './db/index.js';
import { migrate } from './db/migrate.js';
import { sqlState } from './db/index.js';
import {
  authenticate,
  READ_SCOPES,
  signEmbedToken,
  viewerOf,
  type Principal,
  type WorkspaceSettings,
} from './auth/principal.js';
import { forbidden, HttpProblem, invalid, notFound, problemResponse, unauthorized } from './http/problem.js';
import { coerceQuery, fieldErrors, parseOrThrow } from './http/validate.js';
import { rejectBadJson, rejectBadRequestText } from './http/input-guards.js';
import { cursorSeal, decodeTranscriptCursor, encodeTranscriptCursor } from './http/cursors.js';
import { listMembers, memberAsSeenBy } from './auth/member-policy.js';
import { assertReplayVisible } from './sessions/authority.js';
import { assertServableCost } from './ingest/cost-limits.js';
import { nodeSink, webSink } from './http/sse.js';
import { cors } from './http/cors.js';
import { RequestLimits, type LimitsOptions } from './http/limits.js';
import { DEFAULT_MAX_BODY_BYTES, readBoundedBody } from './http/read-body.js';
import { refusedOrigin } from './auth/embed-token.js';
import { present, type Viewer } from './sessions/model.js';
import { SessionStore } from './sessions/store.js';
import {
  cancelSession,
  endSession,
  reviewSession,
  setVisibility,
  startSession,
  submitSession,
} from './sessions/actions.js';
import { applyActivity, checkBatch } from './ingest/activity.js';
import { redactActivity, redactStart, redactSubmit } from './ingest/redact.js';
import { StreamHub, type StreamHubOptions } from './stream/hub.js';
import { loadSettings } from './workspace.js';
import { createLogger, type Logger } from './ops/logger.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { instrumentDatabase } from './ops/pool.js';
import { logRequestError, requestOps, type DrainState } from './ops/http.js';
import { compression } from './ops/compress.js';
import { readinessCheck } from './ops/readiness.js';
import { mountMetrics } from './ops/endpoints.js';

/** Options of {@link createApp}. */
export type CreateAppOptions = {
  /** The database (see `openDatabase`); migrations are applied on creation. */
  db: Database;
  /** Live stream tuning (ping interval, retention, …). */
  stream?: StreamHubOptions;
  /** Validate every response body against the contract (default: on unless NODE_ENV=production). */
  validateResponses?: boolean;
  /** Largest accepted request body, in bytes (default 5 MB), enforced while it streams in. */
  maxBodyBytes?: number;
  /** Request rate, failed-authentication and stream limits (A17); see `LimitsOptions`. */
  limits?: LimitsOptions;
  /** Exact origins allowed to call `/v1` cross-origin (A10); empty or absent = same-origin only. */
  allowedOrigins?: readonly string[];
  /** HTML served at `/` (the placeholder live page), if any. */
  indexHtml?: () => string;
  /** The JSON logger (default: stdout at `SESSION_LENS_LOG_LEVEL`, else info). */
  logger?: Logger;
  /** When set, `GET /metrics` needs `Authorization: Bearer <metricsToken>`; open otherwise. */
  metricsToken?: string | undefined;
};

/** What operating the app takes (A18): its logger, metrics and drain switch. */
export type AppOps = {
  logger: Logger;
  metrics: Metrics;
  /** Set by the drain: `/readyz` answers 503 and responses close their connections. */
  drain: DrainState;
};

/** A running Session Lens app: the Hono app plus what a host needs to drive or stop it. */
export type SessionLensApp = {
  /** Mount it (`host.route('/', app)`) or serve it (`serve({ fetch: app.fetch })`). */
  app: Hono;
  store: SessionStore;
  hub: StreamHub;
  settings: WorkspaceSettings;
  ops: AppOps;
  /** Stops the stream hub (the database stays open: it belongs to the caller). */
  close(): Promise<void>;
};

type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/** What a handler receives: the caller and its validated input. */
type HandlerContext<R extends Route> = {
  c: Context;
  principal: Principal;
  viewer: Viewer;
  params: Out<R['params']>;
  query: Out<R['query']>;
  body: Out<R['body']>;
  now: number;
};

type RouteTable = typeof routes;
type Handlers = {
  [K in Exclude<RouteName, 'stream' | 'health' | 'ready'>]: (
    ctx: HandlerContext<RouteTable[K]>,
    tx: Queryable,
  ) => Promise<unknown>;
};

/** Routes whose handler changes data: run in one transaction together with the idempotency record. */
const MUTATIONS: ReadonlySet<RouteName> = new Set([
  'startSession',
  'ingestActivity',
  'cancelSession',
  'endSession',
  'submitSession',
  'reviewSession',
  'setVisibility',
]);

/** A response body that is already JSON text. */
class RawJson {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim();
}

/**
 * Creates the Sessions API as a Hono app over a database: applies migrations, loads the
 * workspace settings, starts the live stream hub and registers every route of the contract's
 * route table, each validated on the way in (and, by default, on the way out).
 */
export async function createApp(options: CreateAppOptions): Promise<SessionLensApp> {
  // Counted, so /metrics can say how busy the pool is.
  const pool = instrumentDatabase(options.db);
  const { db } = pool;
  await migrate(db);
  const settings = await loadSettings(db);
  // PGlite runs PostgreSQL in single-user mode: no autovacuum, so no statistics and no cleanup
  // unless we ask. Without statistics the planner misjudges the list queries badly.
  let maintenance: NodeJS.Timeout | undefined;
  if (db.kind === 'pglite') {
    await db.query('analyze');
    maintenance = setInterval(() => void db.query('vacuum analyze').catch(() => {}), 10 * 60_000);
    maintenance.unref();
  }
  const hub = new StreamHub(db, options.stream);
  const store = new SessionStore(db, (events) => hub.committed(events));
  await hub.start();
  const logger = options.logger ?? createLogger();
  const ops: AppOps = {
    logger,
    metrics: createMetrics({ hub, pool: pool.stats }),
    drain: { draining: false },
  };
  const ready = readinessCheck(db, ops.drain, logger);
  const validateResponses = options.validateResponses ?? process.env.NODE_ENV !== 'production';
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const limits = new RequestLimits(options.limits);
  let openApi: string | undefined;
  const cursors = cursorSeal(settings.embedSecret);

  // Tokens resolve to the same principal for a while: caching them for a few seconds saves two
  // queries per request. Nothing revokes tokens or moves members between groups at runtime yet,
  // so the short TTL is only a bound on future staleness. Embed-token expiry is re-checked.
  const principals = new Map<string, { principal: Principal; until: number }>();
  const authenticateCached = async (token: string): Promise<Principal | undefined> => {
    const now = Date.now();
    const hit = principals.get(token);
    if (hit && hit.until > now && (!hit.principal.embed || Date.parse(hit.principal.embed.expiresAt) > now)) {
      return hit.principal;
    }
    const principal = await authenticate(db, settings, token, now);
    if (principals.size > 10_000) principals.clear();
    if (principal) principals.set(token, { principal, until: now + 5_000 });
    return principal;
  };

  const mustSee = async (viewer: Viewer, id: string) => {
    const session = await store.get(viewer, id);
    if (!session) throw notFound();
    return session;
  };

  const handlers: Handlers = {
    listSessions: async ({ viewer, query }) => {
      const { limit, cursor, ...filters } = query;
      // The documents come back as JSON text shaped for the viewer and are spliced, not parsed
      // and re-serialized: the bulk of a page's cost otherwise.
      const page = await store.listJson(viewer, filters, limit, cursor && cursors.open(cursor));
      const next = page.nextCursor && cursors.seal(page.nextCursor);
      return new RawJson(`{"data":[${page.json.join(',')}],"nextCursor":${JSON.stringify(next)}}`);
    },
    getSession: async ({ viewer, params }) => present(viewer, await mustSee(viewer, params.id)),
    getTranscript: async ({ viewer, params, query }) => {
      await mustSee(viewer, params.id);
      const after = decodeTranscriptCursor(query.cursor && cursors.open(query.cursor));
      const rows = await db.query<{ entry: TranscriptEntry }>(
        'select entry from transcript_entries where session_id = $1 and seq > $2 order by seq limit $3',
        [params.id, after, query.limit + 1],
      );
      const data = rows.slice(0, query.limit).map((row) => row.entry);
      const last = data[data.length - 1];
      return {
        data,
        nextCursor: rows.length > query.limit && last ? cursors.seal(encodeTranscriptCursor(last.seq)) : null,
      };
    },
    listExecutions: async ({ viewer, params }) => {
      await mustSee(viewer, params.id);
      const rows = await db.query<{ doc: Execution }>(
        'select doc from executions where session_id = $1 order by position',
        [params.id],
      );
      return { data: rows.map((row) => row.doc) };
    },
    listInsights: async ({ viewer, params }) => {
      await mustSee(viewer, params.id);
      const rows = await db.query<{ doc: Insight }>(
        'select doc from insights where session_id = $1 order by position',
        [params.id],
      );
      return { data: rows.map((row) => row.doc) };
    },
    getCost: async ({ viewer, params }) => {
      if (!settings.spendTracking) throw forbidden('This workspace does not track spend.');
      const session = await mustSee(viewer, params.id);
      const rows = await db.query<{
        turn: number;
        model: string;
        pricing: 'priced' | 'estimated' | 'unpriced';
        amount: string | null;
        tokens: number;
        credits: number;
      }>(
        'select turn, model, pricing, amount_micros::text as amount, tokens, credits from cost_turns where session_id = $1 order by turn',
        [params.id],
      );
      const [events] = await db.query<{ n: number }>(
        'select transcript_seq as n from sessions where id = $1',
        [params.id],
      );
      const turns = { priced: 0, estimated: 0, unpriced: 0 };
      let micros = 0n;
      let tokens = 0;
      let credits = 0;
      for (const row of rows) {
        turns[row.pricing] += 1;
        if (row.amount !== null) micros += BigInt(row.amount);
        tokens += row.tokens;
        credits += row.credits;
      }
      assertServableCost(micros);
      const detail: CostDetail = {
        totals: {
          amountUsd: fromMicros(micros),
          turns,
          events: events?.n ?? 0,
          credits,
          tokens,
          toolCalls: session.counts?.toolCalls ?? 0,
        },
        turns: rows.map((row) => ({
          turn: row.turn,
          model: row.model,
          pricing: row.pricing,
          amountUsd: row.amount === null ? null : fromMicros(BigInt(row.amount)),
          tokens: row.tokens,
        })),
      };
      return detail;
    },
    startSession: async ({ principal, viewer, body, now }, tx) =>
      // X4: redacted before any row is written, like every text an agent writes.
      present(viewer, await startSession(store, tx, principal, viewer, await redactStart(body), now)),
    ingestActivity: async ({ principal, viewer, params, body, now }, tx) => {
      checkBatch(body);
      // Redacted before any row is written: nothing unredacted ever reaches the database (X4).
      const batch = await redactActivity(body);
      return present(
        viewer,
        await applyActivity(store, tx, principal, viewer, params.id, batch, batch.transcript ?? [], now),
      );
    },
    cancelSession: async ({ viewer, params, now }, tx) =>
      present(viewer, await cancelSession(store, tx, viewer, params.id, now)),
    endSession: async ({ viewer, params, now }, tx) =>
      present(viewer, await endSession(store, tx, viewer, params.id, now)),
    submitSession: async ({ principal, viewer, params, body, now }, tx) => {
      const { summary } = await redactSubmit(body);
      return present(viewer, await submitSession(store, tx, principal, viewer, params.id, summary, now));
    },
    reviewSession: async ({ principal, viewer, params, body, now }, tx) =>
      present(viewer, await reviewSession(store, tx, principal, viewer, params.id, body, now)),
    setVisibility: async ({ viewer, params, body, now }, tx) =>
      present(viewer, await setVisibility(store, tx, viewer, params.id, body, now)),
    listMembers: async ({ principal }) => listMembers(db, principal),
    getMe: async ({ principal }) => {
      const me: Me = {
        principal: principal.kind,
        member: memberAsSeenBy(principal, principal.member),
        scopes: [...principal.scopes],
        ...(principal.embed ? { embed: principal.embed } : {}),
        settings: { workspaceName: settings.workspaceName, spendTracking: settings.spendTracking },
      };
      return me;
    },
    mintEmbedToken: async ({ principal, body, now }) => {
      const held = READ_SCOPES.filter((scope) => principal.scopes.has(scope));
      const requested: Scope[] = body.scopes ?? held;
      const refused = requested.filter((scope) => !held.includes(scope));
      if (refused.length > 0) {
        throw forbidden(
          `An embed token carries only read scopes the caller holds; refused: ${refused.join(', ')}.`,
        );
      }
      const exp = Math.floor(now / 1000) + (body.ttlSeconds ?? 900);
      const token = signEmbedToken(settings, {
        sub: principal.member.id,
        scope: body.scope,
        scopes: requested,
        exp,
        ...(body.origins ? { origins: [...new Set(body.origins)] } : {}),
      });
      return { token, expiresAt: new Date(exp * 1000).toISOString() };
    },
  };

  const app = new Hono();
  app.use(
    requestOps({
      ...ops,
      writes: new Set(
        [...MUTATIONS].map((name) => `${routes[name].method.toUpperCase()} ${routes[name].path}`),
      ),
      streamPath: routes.stream.path,
    }),
  );
  if (options.allowedOrigins && options.allowedOrigins.length > 0)
    app.use('/v1/*', cors(options.allowedOrigins));
  app.use(compression());

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(error);
    logRequestError(logger, c, error);
    return problemResponse(new HttpProblem(500, 'internal', 'Something went wrong on the server.'));
  });
  app.notFound((c) =>
    problemResponse(new HttpProblem(404, 'no-route', `No route for ${c.req.method} ${c.req.path}.`)),
  );

  /** Authenticates, checks scopes and the embed lock, and validates params and query. */
  async function prepare(c: Context, route: Route, name: RouteName) {
    const url = new URL(c.req.url);
    let token = bearer(c);
    if (!token && name === 'stream') token = url.searchParams.get('access_token') ?? undefined;
    if (!token) throw unauthorized();
    const address =
      (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress ?? '';
    limits.checkAddress(address);
    const principal = await authenticateCached(token);
    if (!principal) {
      limits.failedAuthentication(address);
      throw unauthorized('The token is unknown or expired.');
    }
    limits.takeRequest(token);
    const refused = refusedOrigin(principal.embed, c.req.header('origin'));
    if (refused) throw forbidden(refused);
    const missing = route.scopes.filter((scope) => !principal.scopes.has(scope));
    if (
      route.anyScope ? missing.length === route.scopes.length && route.scopes.length > 0 : missing.length > 0
    ) {
      throw forbidden(`This needs the ${missing.join(', ')} scope${missing.length > 1 ? 's' : ''}.`);
    }
    rejectBadRequestText(c.req.param(), url.searchParams);
    const params = route.params ? parseOrThrow(route.params, c.req.param(), 'params') : undefined;
    let query: unknown;
    if (route.query) {
      const { input, errors } = coerceQuery(route.query, url.searchParams);
      const parsed = route.query.safeParse(input);
      const all = [...errors, ...(parsed.success ? [] : fieldErrors('query', parsed.error.issues))];
      if (all.length > 0 || !parsed.success) throw invalid(all);
      query = parsed.data;
    } else if ([...url.searchParams.keys()].length > 0) {
      throw invalid(
        [...url.searchParams.keys()].map((key) => ({
          path: `query.${key}`,
          message: 'Unknown query parameter',
        })),
      );
    }
    const lock = principal.embed?.scope;
    if (lock && query && typeof query === 'object') {
      const filters = query as { scope?: string; agent?: string };
      if (filters.scope !== undefined && filters.scope !== lock) {
        throw forbidden(`This token is locked to ${lock}; it cannot list ${filters.scope}.`);
      }
      if (filters.agent !== undefined && (!lock.startsWith('agent:') || lock !== `agent:${filters.agent}`)) {
        throw forbidden(`This token is locked to ${lock}; it cannot list agent ${filters.agent}.`);
      }
    }
    return { principal, token, viewer: viewerOf(principal, settings), params, query };
  }

  async function readBody(c: Context, route: Route): Promise<{ body: unknown; text: string }> {
    if (!route.body) return { body: undefined, text: '' };
    const text = await readBoundedBody(c, maxBodyBytes);
    let json: unknown;
    try {
      json = text.length === 0 ? undefined : JSON.parse(text);
    } catch {
      throw invalid([{ path: 'body', message: 'The body is not valid JSON' }]);
    }
    if (json === undefined) throw invalid([{ path: 'body', message: 'A JSON body is required' }]);
    rejectBadJson(json);
    return { body: parseOrThrow(route.body, json, 'body'), text };
  }

  function respond(c: Context, route: Route, name: RouteName, status: number, body: unknown): Response {
    if (body instanceof RawJson) {
      if (validateResponses) respond(c, route, name, status, JSON.parse(body.text));
      return c.body(body.text, status as 200, { 'content-type': 'application/json' });
    }
    if (validateResponses && 'schema' in route.response) {
      const result = route.response.schema.safeParse(body);
      if (!result.success) {
        logger.error({ route: name, issues: result.error.issues }, 'response does not match the contract');
        throw new HttpProblem(500, 'internal', 'The server produced an invalid response.');
      }
    }
    return c.json(body as object, status as 200);
  }

  for (const [name, route] of Object.entries(routes) as [RouteName, Route][]) {
    const path = honoPath(route.path);
    if (name === 'health') {
      app.get(path, async (c) => {
        await db.query('select 1');
        return respond(c, route, name, 200, { ok: true, database: db.kind });
      });
      continue;
    }
    if (name === 'ready') {
      app.get(path, async (c) => {
        try {
          return respond(c, route, name, 200, await ready());
        } catch (error) {
          if (!(error instanceof HttpProblem)) throw error;
          return problemResponse(error, { 'retry-after': '1', 'cache-control': 'no-store' });
        }
      });
      continue;
    }
    if (name === 'stream') {
      app.get(path, async (c) => {
        const { viewer, query, token } = await prepare(c, route, name);
        const {
          lastEventId: queryId,
          access_token: _token,
          ...filters
        } = query as {
          lastEventId?: string;
          access_token?: string;
        } & Record<string, unknown>;
        const headerId = c.req.header('last-event-id');
        const raw = headerId ?? queryId;
        let lastEventId: number | undefined;
        if (raw !== undefined && raw !== '') {
          if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
            throw invalid([
              {
                path: headerId !== undefined ? 'header.Last-Event-ID' : 'query.lastEventId',
                message: 'Expected an event id',
              },
            ]);
          }
          lastEventId = Number(raw);
        }
        const release = limits.openStream(token);
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
          subscription.stop = await hub.subscribe(sink, viewer, filters, lastEventId);
          if (subscription.closed) subscription.stop();
          return RESPONSE_ALREADY_SENT;
        }
        const subscription: { stop?: () => void } = {};
        const { sink, body } = webSink(() => {
          release();
          subscription.stop?.();
        });
        try {
          subscription.stop = await hub.subscribe(sink, viewer, filters, lastEventId);
        } catch (error) {
          release();
          throw error;
        }
        return new Response(body, {
          status: 200,
          headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
        });
      });
      continue;
    }
    const handler = handlers[name] as (ctx: HandlerContext<Route>, tx: Queryable) => Promise<unknown>;
    app.on(route.method.toUpperCase(), path, async (c) => {
      const prepared = await prepare(c, route, name);
      const { body, text } = await readBody(c, route);
      const ctx: HandlerContext<Route> = { c, ...prepared, body, now: Date.now() } as HandlerContext<Route>;
      const status = route.response.status;
      if (!MUTATIONS.has(name)) return respond(c, route, name, status, await handler(ctx, db));
      const key = route.idempotent ? c.req.header('idempotency-key') : undefined;
      if (key !== undefined && (key.length === 0 || key.length > 200)) {
        throw invalid([{ path: 'header.Idempotency-Key', message: 'Expected 1 to 200 characters' }]);
      }
      const principalKey = `${prepared.principal.kind}:${prepared.principal.member.id}:${prepared.principal.agentId ?? ''}`;
      const requestHash = createHash('sha256').update(`${name}\n${c.req.path}\n${text}`).digest('hex');
      // The session a mutation changes is its path's id (a start changes none): named, the
      // change may share a transaction with concurrent ones (SessionStore.mutate).
      const sessionId = c.req.param('id');
      const sessions = sessionId === undefined ? [] : [sessionId];
      const run = () =>
        store.mutate(sessions, async (tx) => {
          if (key !== undefined) {
            const [stored] = await tx.query<{ request_hash: string; status: number; response: unknown }>(
              'select request_hash, status, response from idempotency_keys where principal = $1 and key = $2',
              [principalKey, key],
            );
            if (stored) {
              await assertReplayVisible(tx, prepared.viewer, stored.response);
              if (stored.request_hash !== requestHash) {
                throw new HttpProblem(
                  409,
                  'idempotency-key-reused',
                  'This Idempotency-Key was used for a different request.',
                );
              }
              return { status: stored.status, body: stored.response, replayed: true };
            }
          }
          const result = await handler(ctx, tx);
          if (key !== undefined) {
            await tx.query(
              `insert into idempotency_keys (principal, key, operation, request_hash, status, response)
               values ($1, $2, $3, $4, $5, $6::text::jsonb)`,
              [principalKey, key, name, requestHash, status, JSON.stringify(result)],
            );
          }
          return { status, body: result, replayed: false };
        });
      let outcome: { status: number; body: unknown; replayed: boolean };
      try {
        outcome = await run();
      } catch (error) {
        // The same key committed by a concurrent request: answer with what it stored.
        if (sqlState(error) !== '23505' || key === undefined) throw error;
        outcome = await run();
      }
      if (outcome.replayed) c.header('idempotent-replayed', 'true');
      return respond(c, route, name, outcome.status, outcome.body);
    });
  }

  mountMetrics(app, ops.metrics, options.metricsToken);
  app.get('/openapi.json', (c) => {
    openApi ??= JSON.stringify(buildOpenApiDocument({ servers: [] }));
    return c.body(openApi, 200, { 'content-type': 'application/json' });
  });
  if (options.indexHtml) {
    const html = options.indexHtml;
    app.get('/', (c) => c.html(html()));
  }

  return {
    app,
    store,
    hub,
    settings,
    ops,
    close: async () => {
      clearInterval(maintenance);
      await hub.close();
    },
  };
}

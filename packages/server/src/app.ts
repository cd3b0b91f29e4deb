import { Hono } from 'hono';
import { routes } from '@session-lens/sdk/contract';
import type { Database } from './db/index.js';
import { migrate } from './db/migrate.js';
import type { WorkspaceSettings } from './auth/principal.js';
import { cachedAuthenticator } from './auth/principal-cache.js';
import { HttpProblem, problemResponse } from './http/problem.js';
import { cursorSeal } from './http/cursors.js';
import { cors } from './http/cors.js';
import { RequestLimits, type LimitsOptions } from './http/limits.js';
import { DEFAULT_MAX_BODY_BYTES } from './http/read-body.js';
import { SessionStore } from './sessions/store.js';
import { StreamHub, type StreamHubOptions } from './stream/hub.js';
import { loadSettings } from './workspace.js';
import { createLogger, type Logger } from './ops/logger.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { instrumentDatabase } from './ops/pool.js';
import { logRequestError, requestOps, type DrainState } from './ops/http.js';
import { compression } from './ops/compress.js';
import { readinessCheck } from './ops/readiness.js';
import { mountMetrics } from './ops/endpoints.js';
import { startMaintenance } from './ops/maintenance.js';
import type { AppDeps, LensEnv } from './routes/context.js';
import { mountJsonRoutes, writeRouteLabels } from './routes/mount.js';
import { sessionHandlers } from './routes/sessions.js';
import { sessionDetailHandlers } from './routes/session-details.js';
import { memberHandlers } from './routes/members.js';
import { embedTokenHandlers } from './routes/embed-tokens.js';
import { mountFollow, mountStream } from './routes/stream.js';
import { mountExport } from './routes/export.js';
import { bulkHandlers } from './routes/bulk.js';
import { viewHandlers } from './routes/views.js';
import { mountServiceRoutes } from './routes/service.js';

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
  /** Request rate, failed-authentication and stream limits; see `LimitsOptions`. */
  limits?: LimitsOptions;
  /** Exact origins allowed to call `/v1` cross-origin; empty or absent = same-origin only. */
  allowedOrigins?: readonly string[];
  /** HTML served at `/` (the placeholder live page), if any. */
  indexHtml?: () => string;
  /** The JSON logger (default: stdout at `SESSION_LENS_LOG_LEVEL`, else info). */
  logger?: Logger;
  /** When set, `GET /metrics` needs `Authorization: Bearer <metricsToken>`; open otherwise. */
  metricsToken?: string | undefined;
};

/** What operating the app takes: its logger, metrics and drain switch. */
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
  const stopMaintenance = await startMaintenance(db);
  const hub = new StreamHub(db, options.stream);
  const store = new SessionStore(db, (events) => hub.committed(events));
  await hub.start();
  const logger = options.logger ?? createLogger();
  const ops: AppOps = {
    logger,
    metrics: createMetrics({ hub, pool: pool.stats }),
    drain: { draining: false },
  };
  const deps: AppDeps = {
    db,
    store,
    hub,
    settings,
    logger,
    cursors: cursorSeal(settings.embedSecret),
    limits: new RequestLimits(options.limits),
    authenticate: cachedAuthenticator(db, settings),
    validateResponses: options.validateResponses ?? process.env.NODE_ENV !== 'production',
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  };

  const app = new Hono();
  app.use(
    requestOps({
      ...ops,
      writes: writeRouteLabels(),
      streamPaths: [routes.stream.path, routes.followSession.path],
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

  const api = new Hono<LensEnv>();
  mountExport(api, deps);
  mountJsonRoutes(
    api,
    {
      ...sessionHandlers(deps),
      ...bulkHandlers(deps),
      ...sessionDetailHandlers(deps),
      ...memberHandlers(deps),
      ...embedTokenHandlers(deps),
      ...viewHandlers(deps),
    },
    deps,
  );
  mountStream(api, deps);
  mountFollow(api, deps);
  app.route('/', api);
  mountServiceRoutes(app, {
    db,
    logger,
    ready: readinessCheck(db, ops.drain, logger),
    validateResponses: deps.validateResponses,
    indexHtml: options.indexHtml,
  });
  mountMetrics(app, ops.metrics, options.metricsToken);

  return {
    app,
    store,
    hub,
    settings,
    ops,
    close: async () => {
      stopMaintenance();
      await hub.close();
    },
  };
}

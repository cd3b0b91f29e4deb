import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { openDatabase, type Database } from './db/index.js';
import { createApp, type SessionLensApp } from './app.js';
import type { StreamHubOptions } from './stream/hub.js';
import type { LimitsOptions } from './http/limits.js';
import { bootstrapAdmin } from './workspace.js';
import { ensureDemoTokens, seedDemo, type DemoTokens } from './seed/demo.js';
import { signEmbedToken } from './auth/principal.js';
import { Simulator } from './simulator/simulator.js';
import { indexPage } from './page/index-page.js';
import { createLogger, type LogLevel, type Logger } from './ops/logger.js';
import { drain, drainRetryFrame, type DrainResult } from './ops/drain.js';

/** Options of {@link startServer}. */
export type StartServerOptions = {
  port?: number;
  host?: string;
  /** PGlite data directory (default `./.session-lens`); ignored with `databaseUrl`. */
  dataDir?: string;
  /** Real PostgreSQL instead of PGlite. */
  databaseUrl?: string | undefined;
  /** PostgreSQL connections of this process (default `DEFAULT_POOL_SIZE`). */
  dbPool?: number | undefined;
  /** PGlite: fsync at commit (default true); see `openDatabase`. */
  pgliteFsync?: boolean;
  /** The bootstrap admin token; generated when absent. */
  adminToken?: string | undefined;
  /** Seed the demo workspace. */
  seed?: 'demo' | undefined;
  /** Number of demo sessions (default 6,000). */
  seedSessions?: number;
  /** Run the activity simulator. */
  simulate?: boolean;
  /** Simulator tick in ms (default 700). */
  simulateTickMs?: number;
  stream?: StreamHubOptions;
  validateResponses?: boolean;
  /** Exact origins allowed to call `/v1` cross-origin (A10); absent = same-origin only. */
  allowedOrigins?: readonly string[];
  /** Request rate, failed-authentication and stream limits (A17). */
  limits?: LimitsOptions;
  /** Largest accepted request body, in bytes (default 5 MB). */
  maxBodyBytes?: number;
  /** Log level of the JSON logs (default `SESSION_LENS_LOG_LEVEL`, else info); ignored with `logger`. */
  logLevel?: LogLevel;
  logger?: Logger;
  /** Bearer token `GET /metrics` requires; open without one. */
  metricsToken?: string | undefined;
};

/** The tokens a freshly started server prints. */
export type ServerTokens = {
  admin: string;
  adminGenerated: boolean;
  demo?: DemoTokens & { embed: string; embedScope: string };
};

/** A running server. */
export type RunningServer = {
  url: string;
  port: number;
  db: Database;
  lens: SessionLensApp;
  tokens: ServerTokens;
  simulator?: Simulator | undefined;
  /** Stops at once: open connections are cut (tests). */
  close(): Promise<void>;
  /**
   * Stops gracefully (SIGTERM): stop listening, end streams with a `retry:` hint, answer the
   * requests in flight (at most `timeoutMs`, default 7 s), then close. See `ops/drain.ts`.
   */
  drain(timeoutMs?: number): Promise<DrainResult>;
};

/**
 * Opens the database, applies migrations, registers the admin token, optionally seeds the demo
 * workspace and starts the simulator, and listens. The CLI is a thin shell around this.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const db = await openDatabase({
    databaseUrl: options.databaseUrl,
    maxConnections: options.dbPool,
    dataDir: options.dataDir ?? './.session-lens',
    ...(options.pgliteFsync !== undefined ? { pgliteFsync: options.pgliteFsync } : {}),
  });
  let demo: ServerTokens['demo'];
  let pageToken: string | undefined;
  const logger = options.logger ?? createLogger(options.logLevel ? { level: options.logLevel } : {});
  const lens = await createApp({
    db,
    logger,
    metricsToken: options.metricsToken,
    ...(options.stream ? { stream: options.stream } : {}),
    ...(options.validateResponses !== undefined ? { validateResponses: options.validateResponses } : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    indexHtml: () => indexPage({ token: pageToken }),
  });
  const admin = await bootstrapAdmin(db, lens.settings, options.adminToken);
  if (options.seed === 'demo') {
    await seedDemo(db, lens.settings, {
      ...(options.seedSessions ? { sessions: options.seedSessions } : {}),
    });
    const tokens = await ensureDemoTokens(db, lens.settings);
    const embedScope = 'initiative:init_checkout';
    const embed = signEmbedToken(lens.settings, {
      sub: 'm_ana',
      scope: embedScope,
      scopes: ['sessions:read', 'flows:read', 'spend:read'],
      exp: Math.floor(Date.now() / 1000) + 24 * 3600,
    });
    demo = { ...tokens, embed, embedScope };
    pageToken = tokens.reader;
  }
  const server: ServerType = await new Promise((resolve) => {
    const s = serve(
      { fetch: lens.app.fetch, port: options.port ?? 4400, hostname: options.host ?? '127.0.0.1' },
      () => resolve(s),
    );
  });
  const address = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  let simulator: Simulator | undefined;
  if (options.simulate && demo) {
    simulator = new Simulator(lens.app, demo, admin.token, { tickMs: options.simulateTickMs ?? 700 });
    simulator.start();
  }
  return {
    url,
    port: address.port,
    db,
    lens,
    tokens: { admin: admin.token, adminGenerated: admin.generated, ...(demo ? { demo } : {}) },
    simulator,
    drain: (timeoutMs) =>
      drain(
        {
          // `serve` without `createServer` makes a node:http server.
          server: server as Server,
          state: lens.ops.drain,
          logger,
          stopWork: async () => {
            await simulator?.stop();
          },
          endStreams: () => lens.hub.close(drainRetryFrame),
          closeRest: async () => {
            await lens.close();
            await db.close();
          },
        },
        timeoutMs,
      ),
    close: async () => {
      await simulator?.stop();
      await lens.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // SSE connections never end by themselves.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await db.close();
    },
  };
}

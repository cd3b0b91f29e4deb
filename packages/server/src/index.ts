/**
 * `@session-lens/server`: the reference Sessions API server — Hono on Node, PGlite by default,
 * PostgreSQL to scale out. The demo workspace (seed, simulator, live page) is
 * `@session-lens/server/demo`.
 *
 * @packageDocumentation
 */
export { createApp, type CreateAppOptions, type SessionLensApp } from './app.js';
export { startServer, type StartServerOptions, type RunningServer, type ServerTokens } from './server.js';
export { openDatabase, type Database, type Queryable, type OpenDatabaseOptions } from './db/index.js';
export { migrate } from './db/migrate.js';
export { StreamHub, type StreamHubOptions, type StreamSink } from './stream/hub.js';
export { upsertToken } from './workspace.js';
export { compression } from './ops/compress.js';
export { createLogger, parseLogLevel, type Logger, type LogLevel } from './ops/logger.js';

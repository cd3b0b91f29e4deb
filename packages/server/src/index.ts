/**
 * `@session-lens/server`: the reference Sessions API server — Hono on Node, PGlite by default,
 * PostgreSQL to scale out.
 *
 * @packageDocumentation
 */
export { createApp, type CreateAppOptions, type SessionLensApp } from './app.js';
export { startServer, type StartServerOptions, type RunningServer, type ServerTokens } from './server.js';
export { openDatabase, type Database, type Queryable, type OpenDatabaseOptions } from './db/index.js';
export { migrate } from './db/migrate.js';
export { StreamHub, type StreamHubOptions, type StreamSink } from './stream/hub.js';
export { seedDemo, ensureDemoTokens, type DemoTokens, type SeedDemoOptions } from './seed/demo.js';
export { upsertToken, demoToken } from './workspace.js';
export { Simulator, type SimulatorOptions } from './simulator/simulator.js';
export { compression } from './ops/compress.js';
export { createLogger, parseLogLevel, type Logger, type LogLevel } from './ops/logger.js';

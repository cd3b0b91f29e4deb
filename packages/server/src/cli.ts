#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { startServer } from './server.js';
import { parseAllowedOrigins } from './http/cors.js';
import { parseCountSetting, parseRateSetting, type LimitsOptions } from './http/limits.js';
import { parseLogLevel } from './ops/logger.js';

const USAGE = `session-lens-server — the Session Lens reference Sessions API server

Options:
  --port <n>        port to listen on (0 picks a free one; default 4400)
  --host <addr>     address to bind (default 127.0.0.1)
  --data <dir>      PGlite data directory (default ./.session-lens); ignored with DATABASE_URL
  --seed demo       build the demo workspace (idempotent)
  --sessions <n>    number of demo sessions (default 6000)
  --db-pool <n>     PostgreSQL connections of this process (default 32; SESSION_LENS_DB_POOL)
  --simulate        make live activity through the API
  --print-tokens    print the tokens as one JSON object on stdout, then keep serving
  --allowed-origins <list>   comma-separated exact origins allowed to call /v1 cross-origin
                    (CORS), e.g. https://app.example.com,http://localhost:5173; default none
  --rate-limit <r>  requests per token: <perSecond>[:<burst>] or off (default 100:1000)
  --auth-failure-limit <r>   failed authentications per client address: <perSecond>[:<burst>]
                    or off (default 2:100)
  --max-streams <n> concurrent stream connections (both streams) per token, or off (default 100)
  --max-body-bytes <n>       largest request body in bytes (default 5242880)
  --log-level <l>   trace, debug, info (default), warn, error, fatal or silent; JSON
                    lines on stdout, one per request at info
  --help            show this help

Environment:
  SESSION_LENS_ADMIN_TOKEN  bootstrap admin token (derived from the workspace secret when unset)
  DATABASE_URL              postgres:// URL: use PostgreSQL instead of PGlite
  SESSION_LENS_DB_POOL      PostgreSQL connections of this process (default 32; --db-pool wins)
  SESSION_LENS_PGLITE_FSYNC off: acknowledge PGlite commits once written to the OS, without
                            fsync (survives a killed process, not a power loss; faster)
  SESSION_LENS_ALLOWED_ORIGINS, SESSION_LENS_RATE_LIMIT, SESSION_LENS_AUTH_FAILURE_LIMIT,
  SESSION_LENS_MAX_STREAMS, SESSION_LENS_MAX_BODY_BYTES
                            the same as the flags above (a flag wins over its variable)
  SESSION_LENS_LOG_LEVEL    log level when --log-level is not given
  SESSION_LENS_METRICS_TOKEN  when set, GET /metrics needs "Authorization: Bearer <token>"
  NODE_ENV                  production: skip validating responses against the contract

Signals: SIGTERM or SIGINT drains (stop accepting, end streams with a retry: hint, answer
in-flight requests for up to 7 s) and exits 0.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string' },
      sessions: { type: 'string' },
      'db-pool': { type: 'string' },
      simulate: { type: 'boolean' },
      'print-tokens': { type: 'boolean' },
      'allowed-origins': { type: 'string' },
      'rate-limit': { type: 'string' },
      'auth-failure-limit': { type: 'string' },
      'max-streams': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.seed !== undefined && values.seed !== 'demo')
    throw new Error(`Unknown seed "${values.seed}"; only "demo" exists.`);
  const port = values.port === undefined ? 4400 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port ${values.port}`);
  const env = process.env;
  const allowedOrigins = parseAllowedOrigins(values['allowed-origins'] ?? env.SESSION_LENS_ALLOWED_ORIGINS);
  const limits: LimitsOptions = {};
  const requests = parseRateSetting(values['rate-limit'] ?? env.SESSION_LENS_RATE_LIMIT, '--rate-limit');
  if (requests !== undefined) limits.requestsPerToken = requests;
  const failures = parseRateSetting(
    values['auth-failure-limit'] ?? env.SESSION_LENS_AUTH_FAILURE_LIMIT,
    '--auth-failure-limit',
  );
  if (failures !== undefined) limits.failedAuthPerAddress = failures;
  const streams = parseCountSetting(values['max-streams'] ?? env.SESSION_LENS_MAX_STREAMS, '--max-streams');
  if (streams !== undefined) limits.streamsPerToken = streams;
  const maxBodyBytes = parseCountSetting(
    values['max-body-bytes'] ?? env.SESSION_LENS_MAX_BODY_BYTES,
    '--max-body-bytes',
  );
  if (maxBodyBytes === false) throw new Error('--max-body-bytes cannot be off.');
  const logLevel = parseLogLevel(values['log-level'] ?? env.SESSION_LENS_LOG_LEVEL);
  const poolText = values['db-pool'] ?? (process.env.SESSION_LENS_DB_POOL || undefined);
  const dbPool = poolText === undefined ? undefined : Number(poolText);
  if (dbPool !== undefined && (!Number.isInteger(dbPool) || dbPool < 1 || dbPool > 1000))
    throw new Error(`Invalid database pool size ${poolText} (expected 1 to 1000)`);
  const started = Date.now();
  const server = await startServer({
    port,
    host: values.host ?? '127.0.0.1',
    dataDir: values.data ?? './.session-lens',
    databaseUrl: process.env.DATABASE_URL || undefined,
    dbPool,
    adminToken: process.env.SESSION_LENS_ADMIN_TOKEN || undefined,
    pgliteFsync: process.env.SESSION_LENS_PGLITE_FSYNC !== 'off',
    seed: values.seed === 'demo' ? 'demo' : undefined,
    ...(values.sessions ? { seedSessions: Number(values.sessions) } : {}),
    simulate: values.simulate ?? false,
    validateResponses: process.env.NODE_ENV !== 'production',
    allowedOrigins,
    limits,
    ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
    logLevel,
    metricsToken: env.SESSION_LENS_METRICS_TOKEN || undefined,
  });
  const { tokens } = server;
  const printable = {
    url: server.url,
    admin: tokens.admin,
    ...(tokens.demo
      ? {
          member: tokens.demo.member,
          memberNoSpend: tokens.demo.memberNoSpend,
          reader: tokens.demo.reader,
          embed: tokens.demo.embed,
          embedScope: tokens.demo.embedScope,
          agent: tokens.demo.agents[0]?.token,
        }
      : {}),
  };
  if (values['print-tokens']) {
    process.stdout.write(`${JSON.stringify(printable)}\n`);
  } else {
    const lines = [
      `Session Lens server listening on ${server.url}  (${server.db.kind}, ready in ${Date.now() - started} ms)`,
      `  admin token${tokens.adminGenerated ? ' (derived from the workspace secret; SESSION_LENS_ADMIN_TOKEN pins another)' : ''}: ${tokens.admin}`,
    ];
    if (tokens.demo) {
      lines.push(
        `  member (with spend):       ${tokens.demo.member}`,
        `  member without spend:      ${tokens.demo.memberNoSpend}`,
        `  embed token (${tokens.demo.embedScope}, 24 h): ${tokens.demo.embed}`,
        `  agent token (${tokens.demo.agents[0]?.agentId}):  ${tokens.demo.agents[0]?.token}`,
        `  live page:                 ${server.url}/`,
      );
    }
    if (server.simulator) lines.push('  simulator: on');
    if (allowedOrigins.length > 0) lines.push(`  cross-origin (CORS) allowed: ${allowedOrigins.join(', ')}`);
    console.log(lines.join('\n'));
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // A18: out within 10 s whatever happens; the drain itself gives up waiting after 7 s.
    setTimeout(() => {
      console.error('session-lens: the drain did not finish in 9.5 s; exiting');
      process.exit(1);
    }, 9_500).unref();
    server.drain().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('session-lens: draining failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

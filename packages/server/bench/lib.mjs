// Helpers shared by the server benchmarks (run.mjs, writes.mjs, first-page.mjs, export.mjs, content.mjs).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { pino } from 'pino';
import { createLogger } from '../dist/ops/logger.js';

/** The p-th percentile of an ascending array. */
export const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The median (the upper one of an even count). */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The load average, 1/5/15 minutes, as printed beside every figure. */
export const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/**
 * A fresh schema on the PostgreSQL at `baseUrl`: resolves to the URL that uses it and a `drop`
 * that removes it with everything in it.
 */
export async function freshSchema(baseUrl, prefix) {
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const sql = postgres(baseUrl, { onnotice: () => {} });
  await sql.unsafe(`create schema ${schema}`);
  await sql.end();
  const url = `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}search_path=${schema}`;
  const drop = async () => {
    const admin = postgres(baseUrl, { onnotice: () => {} });
    await admin.unsafe(`drop schema ${schema} cascade`);
    await admin.end();
  };
  return { url, drop };
}

/**
 * Reads a text/event-stream response and calls `onFrame` with each frame's text (the lines
 * between blank lines, without the blank line).
 */
export function readFrames(res, onFrame) {
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      onFrame(frame);
    }
  });
}

/**
 * The options of a bench that loads its sessions once into a PGlite data directory and reuses it
 * (`--data`, `--sessions`), built from this checkout's dist or another one's (`--dist`).
 */
export const LOADED_DATA_OPTIONS = {
  data: { type: 'string' },
  sessions: { type: 'string', default: '1000000' },
  dist: { type: 'string' },
};

/** The dist folder to import the server from, as a URL ending in `/`; requires `--data`. */
export function benchDist(values, self) {
  if (!values.data) throw new Error('--data <dir> is required');
  return values.dist ? pathToFileURL(`${resolve(values.dist)}/`).href : new URL('../dist/', self).href;
}

/**
 * Opens the database in `--data` and an app on it, loading `--sessions` sessions (no details)
 * first when the directory does not exist yet.
 */
export async function openLoadedData(distDir, values) {
  const { openDatabase } = await import(`${distDir}db/index.js`);
  const { createApp } = await import(`${distDir}app.js`);
  const { seedDemo } = await import(`${distDir}seed/demo.js`);
  const fresh = !existsSync(values.data);
  const db = await openDatabase({ dataDir: values.data, pgliteFsync: false });
  const lens = await createApp({ db });
  if (fresh) {
    const started = performance.now();
    await seedDemo(db, lens.settings, { sessions: Number(values.sessions), details: false });
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    console.log(`loaded ${values.sessions} sessions in ${seconds} s`);
  }
  return { db, lens };
}

/**
 * A database for one bench case, loaded with the app's own seed generator: a fresh schema on
 * the PostgreSQL at `databaseUrl`, or a fresh PGlite directory without one. `server` holds the
 * dist modules (`openDatabase`, `createApp`, `seedDemo`); progress goes to stderr every `every`.
 */
export async function seededBenchDatabase(
  server,
  { label, databaseUrl, schemaPrefix, sessions, details, every },
) {
  const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'session-lens-bench-'));
  const schema = databaseUrl ? await freshSchema(databaseUrl, schemaPrefix) : undefined;
  const url = schema?.url;
  const db = await server.openDatabase({ databaseUrl: url, dataDir, pgliteFsync: false });
  const lens = await server.createApp({ db });
  let last = 0;
  await server.seedDemo(db, lens.settings, {
    sessions,
    ...(details === false ? { details: false } : {}),
    onProgress: (n) => {
      if (n - last >= every) {
        last = n;
        process.stderr.write(`  ${label}: loaded ${n}\n`);
      }
    },
  });
  return { dataDir, schema, url, db, lens };
}

/**
 * The options a bench starts the real server with on a loaded database: port 0, no fsync, no
 * response validation, and no per-token rate limit (a bench is one token in a tight loop; the
 * limit would measure itself).
 */
export const benchServerOptions = (dataDir, databaseUrl, adminToken) => ({
  port: 0,
  // Logged as in production (one JSON line a request, serialized and written), into /dev/null
  // rather than over the figures the bench prints.
  logger: createLogger({ destination: pino.destination({ dest: '/dev/null', sync: false }) }),
  dataDir,
  databaseUrl,
  adminToken,
  pgliteFsync: false,
  validateResponses: false,
  limits: { requestsPerToken: false },
});

/** The server modules a bench drives, imported from this checkout's dist. */
export async function serverModules() {
  const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;
  const [{ startServer }, { seedDemo }, { openDatabase }, { createApp }] = await Promise.all([
    import(dist('server.js')),
    import(dist('seed/demo.js')),
    import(dist('db/index.js')),
    import(dist('app.js')),
  ]);
  return { startServer, seedDemo, openDatabase, createApp };
}

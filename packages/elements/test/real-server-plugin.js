// @ts-check
/**
 * Starts the REAL reference server (packages/server, built: `npx tsc --build` at the root) once
 * for the browser tests, and stops it when the run ends. Nothing is mocked.
 *
 * - The server runs as a child process (`cli.js --port 0 --seed demo --print-tokens`) on a fresh
 *   PGlite directory; its first stdout line is `{url, admin, …, embed, embedScope, agent}`.
 * - The test server proxies `/v1/*` to it (streams included, byte for byte), so the browser talks
 *   to the API on the page's own origin: the reference server sends no CORS headers.
 * - `GET /__lens/server.json` answers `{ baseUrl, tokens }` (baseUrl is the proxy's origin) or 503
 *   with the reason when the server could not start.
 * - `GET /__lens/streams.json?tag=…` answers `{ open }`: how many proxied `/v1/stream` requests
 *   carrying the header `x-lens-test: <tag>` are open, so a test can see a stream really close.
 *
 * Set `SESSION_LENS_E2E=off` to skip starting it (the real-server suites then fail loudly).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../server/dist/cli.js', import.meta.url));
const START_TIMEOUT_MS = 120_000;

/**
 * @returns {{ plugin: import('@web/test-runner').TestRunnerPlugin, middleware: import('@web/dev-server-core').Middleware }}
 */
export function realServer() {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let dataDir = '';
  /** @type {Promise<{ url: string } & Record<string, string>>} */
  let ready = Promise.reject(new Error('The real server was not started.'));
  ready.catch(() => {});
  /** @type {Map<string, number>} Open proxied `/v1/stream` requests by their `x-lens-test` header. */
  const openStreams = new Map();

  /** @type {import('@web/dev-server-core').Middleware} */
  const middleware = async (ctx, next) => {
    if (ctx.path === '/__lens/streams.json') {
      ctx.set('cache-control', 'no-store');
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ open: openStreams.get(String(ctx.query.tag ?? '')) ?? 0 });
      return;
    }
    if (ctx.path === '/__lens/server.json') {
      try {
        const tokens = await ready;
        ctx.type = 'application/json';
        ctx.body = JSON.stringify({ baseUrl: ctx.origin, tokens });
      } catch (error) {
        ctx.status = 503;
        ctx.body = String(error);
      }
      return;
    }
    if (!ctx.path.startsWith('/v1/')) return next();
    const { url } = await ready;
    const target = new URL(ctx.originalUrl, url);
    ctx.respond = false;
    const tag = ctx.path === '/v1/stream' ? ctx.get('x-lens-test') : '';
    if (tag) {
      openStreams.set(tag, (openStreams.get(tag) ?? 0) + 1);
      ctx.res.once('close', () => openStreams.set(tag, (openStreams.get(tag) ?? 1) - 1));
    }
    await new Promise((resolve) => {
      const upstream = request(
        target,
        { method: ctx.method, headers: { ...ctx.req.headers, host: target.host } },
        (response) => {
          ctx.res.writeHead(response.statusCode ?? 502, response.headers);
          ctx.res.flushHeaders();
          response.pipe(ctx.res);
          response.on('end', resolve);
          response.on('error', resolve);
        },
      );
      upstream.on('error', (error) => {
        if (!ctx.res.headersSent) ctx.res.writeHead(502, { 'content-type': 'text/plain' });
        ctx.res.end(String(error));
        resolve(undefined);
      });
      // A closed page (a stream the test stopped reading) ends the upstream request too. (Not the
      // request's own 'close': it fires as soon as the request body has been read.)
      ctx.res.on('close', () => upstream.destroy());
      ctx.req.pipe(upstream);
    });
  };

  /** @type {import('@web/test-runner').TestRunnerPlugin} */
  const plugin = {
    name: 'session-lens-real-server',

    async serverStart() {
      if (process.env.SESSION_LENS_E2E === 'off') return;
      dataDir = await mkdtemp(join(tmpdir(), 'session-lens-elements-e2e-'));
      child = spawn(
        process.execPath,
        [CLI, '--port', '0', '--data', dataDir, '--seed', 'demo', '--sessions', '200', '--print-tokens'],
        { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, SESSION_LENS_PGLITE_FSYNC: 'off' } },
      );
      const started = child;
      ready = new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('The real server did not start in time.')),
          START_TIMEOUT_MS,
        );
        started.once('exit', (code) => reject(new Error(`The real server exited with ${code}.`)));
        const lines = createInterface({
          input: /** @type {import('node:stream').Readable} */ (started.stdout),
        });
        lines.once('line', (line) => {
          clearTimeout(timer);
          try {
            resolve(JSON.parse(line));
          } catch {
            reject(new Error(`The real server printed no tokens: ${line}`));
          }
        });
      });
      ready.catch(() => {});
    },

    async serverStop() {
      const running = child;
      child = undefined;
      if (running && running.exitCode === null) {
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGTERM');
        const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return { plugin, middleware };
}

// @ts-check
/**
 * What every browser of the suite talks to, started once per run:
 *
 * - the REAL reference server (`packages/server/dist/cli.js --port 0 --seed demo`) on a fresh
 *   PGlite directory, in its own process group;
 * - a plain static host page on another origin (node:http, port 0) that loads the built,
 *   self-contained embed `packages/elements/dist/embed/session-lens.js` and puts a
 *   `<session-tab>` with an embed token on the page, as the getting-started guide does.
 *
 * With `crossOrigin: false` the host page reaches the API through a same-origin proxy of `/v1/*`
 * (the setup for a server that sends no CORS headers); with `true` the page talks to the server's
 * own origin, which the server allows through `SESSION_LENS_ALLOWED_ORIGINS`.
 */
import { spawn } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { killGroup } from './processes.mjs';

const CLI = fileURLToPath(new URL('../../server/dist/cli.js', import.meta.url));
const EMBED_DIR = fileURLToPath(new URL('../../elements/dist/embed/', import.meta.url));
const PAGE_HELPERS = fileURLToPath(new URL('./page-helpers.js', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const START_TIMEOUT_MS = 90_000;

/**
 * Whether the host page calls the server on its own origin (CORS) rather than through the host's
 * same-origin proxy.
 */
export const CROSS_ORIGIN = true;

/** The record the host page shows: an initiative of the demo workspace. */
export const SCOPE = 'initiative:init_checkout';

/**
 * @typedef {{ hostUrl: string, apiUrl: string, pageApiUrl: string, admin: string, embed: string,
 *   scope: string, crossOrigin: boolean }} HarnessInfo
 *   `pageApiUrl` is the base URL the page's provider uses: the server itself, or the proxy;
 *   `embed` is an embed token for `scope`, bound to the host page's origin when cross-origin.
 */

const TYPES = /** @type {Record<string, string>} */ ({
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.html': 'text/html; charset=utf-8',
});

/** @param {string} value */
const attribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The host page: a plain HTML document, the embed loaded with one module script. @param {HarnessInfo} info */
function hostPage(info) {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Checkout initiative · host page</title>
    <script src="/lens-test.js"></script>
    <script type="module" src="/embed/session-lens.js"></script>
    <style>
      body { margin: 0; padding: 16px; font-family: sans-serif; }
      session-tab { --lens-list-height: 520px; }
    </style>
  </head>
  <body>
    <main>
      <h1>Checkout initiative</h1>
      <session-lens-provider base-url="${attribute(info.pageApiUrl)}" token="${attribute(info.embed)}">
        <session-tab scope="${attribute(info.scope)}"></session-tab>
      </session-lens-provider>
    </main>
  </body>
</html>
`;
}

/**
 * Proxies one request to the API server, streams included, byte for byte.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 * @param {string} apiUrl
 */
function proxy(req, res, apiUrl) {
  const target = new URL(req.url ?? '/', apiUrl);
  const upstream = request(
    target,
    { method: req.method, headers: { ...req.headers, host: target.host } },
    (response) => {
      res.writeHead(response.statusCode ?? 502, response.headers);
      res.flushHeaders();
      response.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(String(error));
  });
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}

/** Sends one file, or 404. @param {import('node:http').ServerResponse} res @param {string} file */
async function sendFile(res, file) {
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}

/**
 * Serves a file from `dir`, refusing paths that leave it.
 * @param {import('node:http').ServerResponse} res @param {string} dir @param {string} path
 */
function serveFrom(res, dir, path) {
  const file = normalize(join(dir, path));
  if (!file.startsWith(dir)) return void res.writeHead(404).end();
  return sendFile(res, file);
}

/**
 * Starts the API server as a child in its own process group and reads the tokens it prints.
 * @param {string} dataDir @param {string} allowedOrigin
 * @returns {Promise<{ child: import('node:child_process').ChildProcess, printed: Record<string, string> }>}
 */
async function startApiServer(dataDir, allowedOrigin) {
  const child = spawn(
    process.execPath,
    [CLI, '--port', '0', '--data', dataDir, '--seed', 'demo', '--sessions', '120', '--print-tokens'],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, SESSION_LENS_PGLITE_FSYNC: 'off', SESSION_LENS_ALLOWED_ORIGINS: allowedOrigin },
    },
  );
  const printed = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The API server did not start in time.')),
      START_TIMEOUT_MS,
    );
    child.once('exit', (code) => reject(new Error(`The API server exited with ${code}.`)));
    const lines = createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`The API server printed no tokens: ${line}`));
      }
    });
  }).catch((error) => {
    killGroup(child);
    throw error;
  });
  return { child, printed };
}

/**
 * Calls the API with a token; returns the parsed body, throws with the status on failure.
 * @param {string} apiUrl @param {string} token @param {string} method @param {string} path @param {unknown} [body]
 */
export async function api(apiUrl, token, method, path, body) {
  const response = await fetch(new URL(path, apiUrl), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Starts the API server and the host page. `stop()` ends both and removes the data directory.
 * @param {{ crossOrigin?: boolean }} [options]
 * @returns {Promise<HarnessInfo & { stop: () => Promise<void> }>}
 */
export async function startHarness({ crossOrigin = CROSS_ORIGIN } = {}) {
  for (const built of [CLI, join(EMBED_DIR, 'session-lens.js')]) {
    await access(built).catch(() => {
      throw new Error(`${built} is missing: run \`pnpm build\` first (pnpm test:browsers does).`);
    });
  }
  /** @type {HarnessInfo | undefined} */
  let info;
  const host = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (!info) return void res.writeHead(503).end();
    if (path === '/') {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      return void res.end(hostPage(info));
    }
    if (path === '/lens-test.js') return void sendFile(res, PAGE_HELPERS);
    if (path === '/axe.js') return void sendFile(res, AXE);
    if (path.startsWith('/embed/')) return void serveFrom(res, EMBED_DIR, path.slice('/embed/'.length));
    if (!crossOrigin && path.startsWith('/v1/')) return proxy(req, res, info.apiUrl);
    res.writeHead(404).end();
  });
  await new Promise((resolve) => host.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (host.address());
  const hostUrl = `http://127.0.0.1:${address.port}`;

  const dataDir = await mkdtemp(join(tmpdir(), 'session-lens-cross-browser-'));
  const stop = async () => {
    host.closeAllConnections();
    await new Promise((resolve) => host.close(() => resolve(undefined)));
    if (server) await killGroup(server.child);
    await rm(dataDir, { recursive: true, force: true });
  };
  /** @type {Awaited<ReturnType<typeof startApiServer>> | undefined} */
  let server;
  try {
    server = await startApiServer(dataDir, hostUrl);
    const apiUrl = String(server.printed['url']).replace(/\/$/, '');
    const admin = String(server.printed['admin']);
    const minted = /** @type {{ token: string }} */ (
      await api(apiUrl, admin, 'POST', '/v1/embed-tokens', {
        scope: SCOPE,
        ttlSeconds: 900,
        // Bound to the host page: the same token from any other origin is refused.
        ...(crossOrigin ? { origins: [hostUrl] } : {}),
      })
    );
    info = {
      hostUrl,
      apiUrl,
      pageApiUrl: crossOrigin ? apiUrl : hostUrl,
      admin,
      embed: minted.token,
      scope: SCOPE,
      crossOrigin,
    };
    return { ...info, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

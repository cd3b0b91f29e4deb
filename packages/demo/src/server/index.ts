/**
 * `@session-lens/demo`: the demo host app. A Hono server that runs the reference Sessions API
 * in-process, proxies `/v1/*` to it same-origin, serves the host's pages, and plays the host's
 * server side: who the current user is, and minting read-only embed tokens for one record.
 *
 * The same-origin proxy is one of two setups. The other runs the Sessions API as its own service
 * with `--allowed-origins` / `SESSION_LENS_ALLOWED_ORIGINS` and mints embed tokens bound to the
 * host's origin (`origins`); `src/cross-origin.e2e.test.ts` runs it in Chromium, and
 * `docs/getting-started.md` shows both.
 *
 * @packageDocumentation
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { serve, type ServerType } from '@hono/node-server';
import { APIError, createClient, RecordScope } from '@session-lens/sdk';
import { compression, parseLogLevel, startServer, type RunningServer } from '@session-lens/server';
import { hostHasRecord, type DemoUserId } from '../shared/records.js';
import { demoUsers, hostSession, type DemoUser } from './users.js';
import { staticSite } from './static.js';

/** Options of {@link startDemo}. */
export type DemoOptions = {
  /** Port of the host app (0 picks a free one; default 5173). */
  port?: number;
  /** Address to bind (default 127.0.0.1). */
  host?: string;
  /** PGlite data directory (default `.session-lens/demo`). */
  dataDir?: string;
  /** Number of demo sessions to seed (default: the server's 6,000). */
  seedSessions?: number;
  /** Run the activity simulator (default true). */
  simulate?: boolean;
  /** Simulator tick in ms. */
  simulateTickMs?: number;
  /** PGlite: fsync at commit (default true). */
  pgliteFsync?: boolean;
  /** The built host pages (`vite build` output; default this package's `dist/web`). */
  webRoot?: string;
  /** The built React example, served under `/react/` when given. */
  reactRoot?: string | undefined;
  /** The built Vue example, served under `/vue/` when given. */
  vueRoot?: string | undefined;
};

/** A running demo host. */
export type RunningDemo = {
  /** The host app's origin, e.g. `http://127.0.0.1:5173`. */
  url: string;
  /** The page the demo opens on: the Checkout v2 initiative. */
  startUrl: string;
  port: number;
  /** The in-process reference server (its own URL is internal to the host). */
  server: RunningServer;
  users: readonly DemoUser[];
  close(): Promise<void>;
};

const USER_COOKIE = 'lens_demo_user';
const here = dirname(fileURLToPath(import.meta.url));
/** `dist/web` of this package, seen from `dist/node/server`. */
export const DEFAULT_WEB_ROOT = join(here, '..', '..', 'web');

function problem(status: number, title: string, detail: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', status, title, detail }), {
    status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
  });
}

/** Builds the host's Hono app around a running reference server. */
export function createDemoApp(
  server: RunningServer,
  users: readonly DemoUser[],
  options: { webRoot: string; reactRoot?: string | undefined; vueRoot?: string | undefined },
): Hono {
  const app = new Hono();
  // The host's pages and scripts go out brotli- or gzip-compressed when the browser asks; the
  // API's answers already are (and its stream never is), so they pass through untouched.
  app.use(compression());
  const byId = new Map(users.map((user) => [user.id, user]));
  const fallback = users[0] as DemoUser;
  const currentUser = (c: Context): DemoUser => byId.get(getCookie(c, USER_COOKIE) as DemoUserId) ?? fallback;

  // The Sessions API, same-origin: the reference server sends no CORS headers. The request is
  // handed to its app in-process, with the node response, so the live stream stays raw bytes.
  const api = (c: Context) => server.lens.app.fetch(c.req.raw, c.env);
  app.all('/v1/*', api);
  app.get('/healthz', api);

  // The host's server side.
  app.get('/host/session', (c) => {
    c.header('cache-control', 'no-store');
    return c.json(hostSession(currentUser(c), users));
  });
  app.post('/host/user', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as { user?: unknown } | undefined;
    const user = typeof body?.user === 'string' ? byId.get(body.user as DemoUserId) : undefined;
    if (!user) {
      return problem(
        400,
        'Unknown user',
        `Expected {"user": one of ${users.map((u) => `"${u.id}"`).join(', ')}}.`,
      );
    }
    setCookie(c, USER_COOKIE, user.id, { path: '/', httpOnly: true, sameSite: 'Lax' });
    c.header('cache-control', 'no-store');
    return c.json(hostSession(user, users));
  });
  app.get('/host/embed-token', async (c) => {
    const record = c.req.query('record') ?? '';
    const parsed = RecordScope.safeParse(record);
    if (!parsed.success) {
      return problem(400, 'Invalid record', 'Expected ?record=initiative:<id> or ?record=plan:<id>.');
    }
    if (!hostHasRecord(record)) return problem(404, 'No such record', `The host has no record ${record}.`);
    // Minted with the user's own token through the real API: the embed token carries only the
    // read scopes that user holds (no spend for a user without spend) and reads as that user.
    const client = createClient({ baseUrl: server.url, token: currentUser(c).serverToken, retry: 0 });
    try {
      const minted = await client.embedTokens.mint({ scope: record, ttlSeconds: 900 });
      c.header('cache-control', 'no-store');
      return c.json(minted);
    } catch (error) {
      const status = error instanceof APIError ? error.status : 502;
      return problem(status, 'Minting failed', error instanceof Error ? error.message : String(error));
    }
  });

  // The React and Vue examples, then the host's own pages.
  if (options.reactRoot) {
    const react = staticSite(options.reactRoot);
    app.get('/react', (c) => c.redirect('/react/'));
    app.get('/react/*', async (c) => (await react(c.req.path.slice('/react'.length))) ?? c.notFound());
  }
  if (options.vueRoot) {
    const vue = staticSite(options.vueRoot);
    app.get('/vue', (c) => c.redirect('/vue/'));
    app.get('/vue/*', async (c) => (await vue(c.req.path.slice('/vue'.length))) ?? c.notFound());
  }
  const site = staticSite(options.webRoot);
  app.get('/', (c) => c.redirect('/initiatives/init_checkout'));
  app.get('*', async (c) => (await site(c.req.path)) ?? c.notFound());
  return app;
}

/**
 * Starts the reference server (PGlite, demo seed, simulator) and the host app in front of it.
 * Throws a clear error when the host pages have not been built.
 */
export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(
      `The demo pages are not built (${join(webRoot, 'index.html')} is missing): run \`pnpm --filter @session-lens/demo build:web\`.`,
    );
  }
  const host = options.host ?? '127.0.0.1';
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: options.dataDir ?? '.session-lens/demo',
    seed: 'demo',
    ...(options.seedSessions ? { seedSessions: options.seedSessions } : {}),
    simulate: options.simulate ?? true,
    ...(options.simulateTickMs ? { simulateTickMs: options.simulateTickMs } : {}),
    ...(options.pgliteFsync !== undefined ? { pgliteFsync: options.pgliteFsync } : {}),
    validateResponses: false,
    // The simulator makes several requests a second: per-request lines only when asked for.
    logLevel: parseLogLevel(process.env.SESSION_LENS_LOG_LEVEL, 'warn'),
  });
  try {
    const users = await demoUsers(server);
    const app = createDemoApp(server, users, {
      webRoot,
      reactRoot: options.reactRoot,
      vueRoot: options.vueRoot,
    });
    const http: ServerType = await new Promise((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 5173, hostname: host }, () => resolve(s));
      s.once('error', reject);
    });
    const port = (http.address() as AddressInfo).port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return {
      url,
      startUrl: `${url}/initiatives/init_checkout`,
      port,
      server,
      users,
      close: async () => {
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          (http as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        await server.close();
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
}

export type { DemoUser } from './users.js';
export type { HostSession, DemoUserId } from '../shared/records.js';

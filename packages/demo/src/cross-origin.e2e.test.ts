import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '@session-lens/server';
import { launchChromium } from './test/harness.js';

/**
 * Cross-origin embedding (A10, A7) in Chromium: a plain host page on one origin embeds a live
 * scoped `<session-tab>` from the reference server on another origin, with an embed token bound
 * to the host's origin. No proxy: the browser talks to the server directly, under CORS.
 *
 *   host     http://127.0.0.1:A  — allowed by the server, named in the token
 *   third    http://127.0.0.1:C  — allowed by the server, not named in the token → 403
 *   stranger http://127.0.0.1:D  — not allowed by the server → no CORS headers, fetch fails
 *   server   http://127.0.0.1:B
 */

/** The self-contained embed bundle (Lit and the SDK inside), as a host without a bundler uses it. */
const EMBED_DIR = dirname(
  createRequire(import.meta.url).resolve('@session-lens/elements/embed/session-lens.js'),
);
const SCOPE = 'initiative:init_checkout';

/** A static host page: the embed bundle under /static/, and a page that mounts the tab. */
function hostPage(apiUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body>
  <h1>Checkout v2</h1>
  <session-lens-provider base-url="${apiUrl}">
    <session-tab scope="${SCOPE}"></session-tab>
  </session-lens-provider>
  <script type="module">
    import '/static/session-lens.js';
    const token = new URLSearchParams(location.search).get('token');
    document.querySelector('session-lens-provider').getToken = () => token;
  </script>
</body></html>`;
}

type AdminAnswer = { status: number; body: { token: string } & Record<string, unknown> };

type Host = { server: Server; origin: string; close(): Promise<void> };

async function startHost(apiUrl: () => string): Promise<Host> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (path.startsWith('/static/')) {
      const file = normalize(join(EMBED_DIR, path.slice('/static/'.length)));
      if (!file.startsWith(EMBED_DIR)) {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = readFileSync(file);
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage(apiUrl()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('cross-origin embed in Chromium', () => {
  let api: RunningServer;
  let dataDir: string;
  let browser: Browser;
  let host: Host;
  let third: Host;
  let stranger: Host;
  let token: string;
  const errors: string[] = [];

  beforeAll(async () => {
    [host, third, stranger] = await Promise.all([0, 1, 2].map(() => startHost(() => api.url)));
    dataDir = mkdtempSync(join(tmpdir(), 'session-lens-cross-origin-'));
    [api, browser] = await Promise.all([
      startServer({
        port: 0,
        host: '127.0.0.1',
        dataDir,
        seed: 'demo',
        seedSessions: 120,
        pgliteFsync: false,
        allowedOrigins: [host.origin, third.origin],
      }),
      launchChromium(),
    ]);
    const minted = await adminApi('POST', '/v1/embed-tokens', {
      scope: SCOPE,
      scopes: ['sessions:read', 'flows:read'],
      origins: [host.origin],
    });
    expect(minted.status).toBe(201);
    token = minted.body.token;
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([host, third, stranger].map((h) => h?.close()));
    await api?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A request with the admin token, as the host's server side makes it. */
  async function adminApi(method: string, path: string, body?: unknown): Promise<AdminAnswer> {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${api.tokens.admin}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as AdminAnswer['body'] };
  }

  async function open(origin: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${origin}/?token=${encodeURIComponent(token)}`);
    return page;
  }

  it('renders the live, scoped tab from a server on another origin', async () => {
    const page = await open(host.origin);
    const rows = page.locator('session-tab session-row');
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await rows.count()).toBeGreaterThan(2);

    const title = `Cross-origin live update ${Date.now()}`;
    const started = await adminApi('POST', '/v1/sessions', {
      kind: 'task',
      title,
      links: { initiative: { id: 'init_checkout', title: 'Checkout v2' } },
      visibility: { type: 'workspace' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    await page.locator('session-tab session-row', { hasText: title }).waitFor({ timeout: 20_000 });

    // Native EventSource across origins too, with the token in access_token.
    const opened = await page.evaluate(
      ([url, t]) =>
        new Promise<string>((resolve) => {
          const source = new EventSource(
            `${url}/v1/stream?scope=${encodeURIComponent('initiative:init_checkout')}&access_token=${encodeURIComponent(t)}`,
          );
          source.onopen = () => {
            source.close();
            resolve('open');
          };
          source.onerror = () => {
            source.close();
            resolve('error');
          };
        }),
      [api.url, token] as const,
    );
    expect(opened).toBe('open');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses the same token from a third origin with 403', async () => {
    const page = await open(third.origin);
    const status = await page.evaluate(
      async ([url, t]) =>
        (
          await fetch(`${url}/v1/sessions?scope=initiative:init_checkout`, {
            headers: { authorization: `Bearer ${t}` },
          })
        ).status,
      [api.url, token] as const,
    );
    expect(status).toBe(403);
    // The tab says so instead of listing rows.
    await page
      .locator('session-tab')
      .getByText(/Sessions could not be loaded/)
      .first()
      .waitFor({
        timeout: 20_000,
      });
    expect(await page.locator('session-tab session-row').count()).toBe(0);
    await page.close();
  });

  it('gives an origin the server does not list no CORS headers: its browser cannot read the API', async () => {
    const preflight = await fetch(`${api.url}/v1/sessions`, {
      method: 'OPTIONS',
      headers: {
        origin: stranger.origin,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect([...preflight.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);

    const page = await open(stranger.origin);
    const outcome = await page.evaluate(
      async ([url, t]) => {
        try {
          const response = await fetch(`${url}/v1/sessions`, { headers: { authorization: `Bearer ${t}` } });
          return `status ${response.status}`;
        } catch (error) {
          return `refused: ${(error as Error).name}`;
        }
      },
      [api.url, token] as const,
    );
    expect(outcome).toBe('refused: TypeError');
    await page.close();
  });
});

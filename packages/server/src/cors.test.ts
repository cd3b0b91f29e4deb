import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowedOrigins } from './http/cors.js';
import { ADMIN, SseClient, startTestServer, type TestServer } from './test/harness.js';

/** Cross-origin (A10) against the real server. */

const HOST = 'http://127.0.0.1:5173';
const OTHER = 'http://localhost:5173';

/** Every `access-control-*` header of a response. */
function corsHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].filter(([name]) => name.startsWith('access-control-')));
}

function preflight(
  server: TestServer,
  origin: string,
  method = 'POST',
  requested = 'authorization, content-type',
) {
  return fetch(`${server.url}/v1/sessions`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': requested },
  });
}

describe('CORS with allowed origins', () => {
  let server: TestServer;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    server = await startTestServer({ seedSessions: 20, allowedOrigins: [HOST, 'https://app.example.com'] });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
  });

  it('answers a preflight from a listed origin with the allowed methods and headers, no credentials', async () => {
    const res = await preflight(
      server,
      HOST,
      'POST',
      'authorization, content-type, idempotency-key, last-event-id',
    );
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(HOST);
    const allowHeaders = res.headers
      .get('access-control-allow-headers')!
      .toLowerCase()
      .split(/\s*,\s*/);
    expect(allowHeaders).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'last-event-id']),
    );
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('gives an origin not listed no CORS headers, preflight included', async () => {
    for (const origin of [OTHER, 'https://app.example.com.evil.test', 'null', 'http://127.0.0.1:5174']) {
      const pre = await preflight(server, origin);
      expect(corsHeaders(pre.headers), origin).toEqual({});
      expect(pre.status).not.toBe(204);
      const get = await fetch(`${server.url}/v1/me`, {
        headers: { origin, authorization: `Bearer ${ADMIN}` },
      });
      expect(corsHeaders(get.headers), origin).toEqual({});
      // Caches must still key on Origin.
      expect(get.headers.get('vary')).toContain('Origin');
    }
  });

  it('a listed origin reads responses, errors included, with the SDK headers exposed', async () => {
    const ok = await fetch(`${server.url}/v1/sessions?limit=5`, {
      headers: { origin: HOST, authorization: `Bearer ${ADMIN}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(HOST);
    const exposed = ok.headers.get('access-control-expose-headers')!.toLowerCase();
    for (const name of ['x-request-id', 'retry-after']) expect(exposed).toContain(name);
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    expect(ok.headers.get('vary')).toContain('Origin');

    const unauthorized = await fetch(`${server.url}/v1/sessions`, { headers: { origin: HOST } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe(HOST);

    const created = await fetch(`${server.url}/v1/sessions`, {
      method: 'POST',
      headers: { origin: HOST, authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'task', title: 'Made cross-origin' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('access-control-allow-origin')).toBe(HOST);
  });

  it('the stream carries the CORS headers, with a bearer header or access_token', async () => {
    const member = server.tokens.demo!.member;
    for (const client of [
      new SseClient(`${server.url}/v1/stream`, { origin: HOST, authorization: `Bearer ${member}` }),
      new SseClient(`${server.url}/v1/stream?access_token=${encodeURIComponent(member)}`, { origin: HOST }),
    ]) {
      clients.push(client);
      await client.until(() => client.retry !== undefined, 10_000, 'connect');
    }
    const response = await fetch(`${server.url}/v1/stream?access_token=${encodeURIComponent(member)}`, {
      headers: { origin: HOST },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('access-control-allow-origin')).toBe(HOST);
    expect(response.headers.get('vary')).toContain('Origin');
    await response.body?.cancel();
    const foreign = await fetch(`${server.url}/v1/stream?access_token=${encodeURIComponent(member)}`, {
      headers: { origin: OTHER },
    });
    expect(corsHeaders(foreign.headers)).toEqual({});
    await foreign.body?.cancel();
  });
});

describe('CORS off (the default)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seedSessions: 10 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('sends no CORS headers to any origin: same-origin only', async () => {
    expect(corsHeaders((await preflight(server, HOST)).headers)).toEqual({});
    const get = await fetch(`${server.url}/v1/me`, {
      headers: { origin: HOST, authorization: `Bearer ${ADMIN}` },
    });
    expect(get.status).toBe(200);
    expect(corsHeaders(get.headers)).toEqual({});
  });
});

describe('parseAllowedOrigins', () => {
  it('reads a comma-separated list of exact origins and refuses anything else', () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins(' https://a.example.com, http://127.0.0.1:8080 ,')).toEqual([
      'https://a.example.com',
      'http://127.0.0.1:8080',
    ]);
    for (const bad of ['*', 'https://a.example.com/', 'a.example.com', 'https://a.example.com/path']) {
      expect(() => parseAllowedOrigins(bad), bad).toThrow(/Invalid allowed origin/);
    }
  });
});

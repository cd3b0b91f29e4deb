import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Problem } from '@session-lens/sdk';
import {
  ADMIN,
  freshDataDir,
  SseClient,
  startTestServer,
  type ApiResponse,
  type TestServer,
} from './test/harness.js';
import { spawnCli, stopChild, CLI } from './test/process.js';

/** Limits (A17) against the real server: bodies, content types, rates, failed logins, streams. */

function expectProblem(res: ApiResponse, status: number): Problem {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return Problem.parse(res.body);
}

/** Titles of the admin's sessions named `title`: a refused write must have created none. */
async function countTitled(server: TestServer, title: string): Promise<number> {
  const res = await server.api('GET', `/v1/sessions?q=${encodeURIComponent(title)}&limit=200`, ADMIN);
  expect(res.status).toBe(200);
  return (res.body.data as { title: string }[]).filter((s) => s.title === title).length;
}

/**
 * Streams a chunked body of `totalBytes` in 64 KiB chunks, honouring backpressure, and reports how
 * many bytes had been handed to the socket when the response's status line arrived.
 */
function streamChunked(
  url: string,
  path: string,
  token: string,
  totalBytes: number,
): Promise<{ status: number; body: string; writtenAtResponse: number; finishedWriting: boolean }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let written = 0;
    let answered = false;
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
    });
    req.on('response', (response) => {
      answered = true;
      const writtenAtResponse = written;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(parts).toString('utf8'),
          writtenAtResponse,
          finishedWriting: written >= totalBytes,
        });
        req.destroy();
      });
    });
    // Writes after the server closed the connection fail; that is expected once answered.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.write('{"kind":"task","title":"');
    const pump = () => {
      while (!answered && written < totalBytes) {
        written += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered) req.end('"}');
    };
    pump();
  });
}

describe('request bodies (A17)', () => {
  const LIMIT = 64 * 1024;
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ seedSessions: 20, maxBodyBytes: LIMIT });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses a declared Content-Length over the limit with 413 and Connection: close', async () => {
    const title = 'x'.repeat(LIMIT);
    const res = await server.api('POST', '/v1/sessions', ADMIN, { kind: 'task', title });
    const problem = expectProblem(res, 413);
    expect(problem.detail).toContain(String(LIMIT));
    expect(res.headers.get('connection')).toBe('close');
  });

  it('answers 413 to a large chunked body before it has been sent', async () => {
    const total = 256 * 1024 * 1024;
    const rssBefore = process.memoryUsage().rss;
    const result = await streamChunked(server.url, '/v1/sessions', ADMIN, total);
    const rssAfter = process.memoryUsage().rss;
    console.log(
      `413 arrived after ${(result.writtenAtResponse / 1024 / 1024).toFixed(1)} MiB of a ${total / 1024 / 1024} MiB ` +
        `chunked body (limit ${LIMIT / 1024} KiB); resident memory ${((rssAfter - rssBefore) / 1024 / 1024).toFixed(1)} MiB ` +
        `higher after (server and client share this process); load ${readFileSync('/proc/loadavg', 'utf8').trim()}`,
    );
    expect(result.status).toBe(413);
    expect(Problem.parse(JSON.parse(result.body)).status).toBe(413);
    expect(result.finishedWriting).toBe(false);
    // Socket buffers hold a few MB; the server stopped reading at 64 KiB.
    expect(result.writtenAtResponse).toBeLessThan(total / 4);
    // The server is fine afterwards.
    expect((await server.api('GET', '/v1/me', ADMIN)).status).toBe(200);
  });

  it('accepts a chunked body within the limit', async () => {
    const title = `Chunked within the limit ${Date.now()}`;
    const bytes = new TextEncoder().encode(JSON.stringify({ kind: 'task', title }));
    const response = await fetch(`${server.url}/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(bytes.slice(0, 10));
          controller.enqueue(bytes.slice(10));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(201);
    expect(await countTitled(server, title)).toBe(1);
  });

  it('refuses a Content-Type other than JSON with 415, before reading, and writes nothing', async () => {
    const title = `Sent as text ${Date.now()}`;
    const body = JSON.stringify({ kind: 'task', title });
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']) {
      const res = await server.api('POST', '/v1/sessions', ADMIN, body, { 'content-type': type });
      expect(expectProblem(res, 415).type).toMatch(/unsupported-media-type$/);
    }
    const bare = await fetch(`${server.url}/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}` },
      body: new Blob([body]),
    });
    expect(bare.status).toBe(415);
    expect(await countTitled(server, title)).toBe(0);
    const json = await server.api('POST', '/v1/sessions', ADMIN, body, {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(json.status).toBe(201);
  });

  it('fuzz: any Content-Type and body size, chunked or not, is 415, 413, 400 or 201 — never 5xx; refused ones write nothing', async () => {
    const contentType = fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'APPLICATION/JSON',
        'application/merge-patch+json',
        'text/plain',
        'text/json',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/jsonx',
        'json',
        '',
        ';',
      ),
      fc.string({ maxLength: 40 }),
    );
    const size = fc.oneof(
      fc.integer({ min: 0, max: 2_000 }),
      fc.integer({ min: LIMIT - 200, max: LIMIT + 4_000 }),
    );
    const refusedTitles: string[] = [];
    let run = 0;
    await fc.assert(
      fc.asyncProperty(contentType, size, fc.boolean(), async (type, padding, chunked) => {
        const title = `fuzz-ct ${run++}`;
        const body = JSON.stringify({ kind: 'task', title, description: 'd'.repeat(padding) });
        const bytes = new TextEncoder().encode(body);
        let response: Response;
        try {
          response = await fetch(`${server.url}/v1/sessions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${ADMIN}`, ...(type === '' ? {} : { 'content-type': type }) },
            body: chunked
              ? new ReadableStream({
                  start(controller) {
                    controller.enqueue(bytes);
                    controller.close();
                  },
                })
              : bytes,
            duplex: 'half',
          } as RequestInit);
        } catch {
          // An invalid header value is refused by fetch itself, before anything is sent.
          return;
        }
        await response.arrayBuffer();
        expect(response.status).toBeLessThan(500);
        const json = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(type.trim());
        if (!json) expect(response.status).toBe(415);
        else if (bytes.length > LIMIT) expect(response.status).toBe(413);
        else expect([201, 400]).toContain(response.status);
        if (response.status !== 201) refusedTitles.push(title);
      }),
      { numRuns: 120, seed: 3 },
    );
    expect(refusedTitles.length).toBeGreaterThan(0);
    const stored = await server.api('GET', `/v1/sessions?q=fuzz-ct&limit=200`, ADMIN);
    const titles = new Set((stored.body.data as { title: string }[]).map((s) => s.title));
    expect(refusedTitles.filter((title) => titles.has(title))).toEqual([]);
  });

  it('limits failed authentications per address by default (burst 100), then refuses even a valid token', async () => {
    let failures = 0;
    let refused: ApiResponse | undefined;
    for (let i = 0; i < 200 && !refused; i++) {
      const res = await server.api('GET', '/v1/me', `wrong-token-${i}`);
      if (res.status === 401) failures++;
      else refused = res;
    }
    expect(refused).toBeDefined();
    expectProblem(refused!, 429);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(failures).toBeGreaterThanOrEqual(100);
    expect(failures).toBeLessThan(150);
    expect((await server.api('GET', '/v1/me', ADMIN)).status).toBe(429);
  });
});

describe('request rates and streams (A17)', () => {
  let server: TestServer;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      seedSessions: 20,
      limits: {
        requestsPerToken: { perSecond: 0.1, burst: 10 },
        failedAuthPerAddress: { perSecond: 0.2, burst: 3 },
        streamsPerToken: 2,
      },
    });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
  });

  it('answers 429 with Retry-After once a token spends its burst; other tokens are unaffected', async () => {
    const member = server.tokens.demo!.member;
    for (let i = 0; i < 10; i++) expect((await server.api('GET', '/v1/me', member)).status).toBe(200);
    const refused = await server.api('GET', '/v1/sessions', member);
    const problem = expectProblem(refused, 429);
    expect(problem.detail).toMatch(/token/);
    // One request back takes 1 / 0.1 = 10 s.
    expect(refused.headers.get('retry-after')).toBe('10');
    expect((await server.api('GET', '/v1/me', server.tokens.demo!.reader)).status).toBe(200);
  });

  it('caps concurrent streams per token with 429 and Retry-After, and frees the slot on close', async () => {
    const token = server.tokens.demo!.memberNoSpend;
    const open = () => {
      const client = new SseClient(`${server.url}/v1/stream`, { authorization: `Bearer ${token}` });
      clients.push(client);
      return client;
    };
    const first = open();
    const second = open();
    for (const client of [first, second])
      await client.until(() => client.retry !== undefined, 10_000, 'connect');
    const third = await fetch(`${server.url}/v1/stream`, { headers: { authorization: `Bearer ${token}` } });
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe('5');
    expect(((await third.json()) as Problem).detail).toMatch(/streams/);
    // Another token still streams.
    const other = new SseClient(`${server.url}/v1/stream`, { authorization: `Bearer ${ADMIN}` });
    clients.push(other);
    await other.until(() => other.retry !== undefined, 10_000, 'connect');

    first.close();
    await first.done;
    // The server sees the close asynchronously; the slot is free within a few attempts.
    let reopened: SseClient | undefined;
    for (let attempt = 0; attempt < 5 && !reopened; attempt++) {
      const client = open();
      await client.until(() => client.status !== 0, 10_000, 'an answer');
      if (client.status === 200) reopened = client;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(reopened).toBeDefined();
  });

  it('limits failed authentications per address with 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await server.api('GET', '/v1/me', `nope-${i}`)).status).toBe(401);
    const refused = await server.api('GET', '/v1/me', 'nope-again');
    expectProblem(refused, 429);
    expect(refused.headers.get('retry-after')).toBe('5');
    // A missing token is not a guess: it is 401, not counted.
    expect((await server.api('GET', '/v1/me', undefined)).status).toBe(401);
  });
});

describe('limits and origins from the CLI flags and environment', () => {
  it('applies --allowed-origins, --rate-limit, --max-streams and SESSION_LENS_AUTH_FAILURE_LIMIT', async () => {
    const dataDir = freshDataDir();
    const cli = await spawnCli(
      [
        '--data',
        dataDir,
        '--allowed-origins',
        'http://127.0.0.1:9999',
        '--rate-limit',
        '0.1:3',
        '--max-streams',
        '1',
      ],
      {
        SESSION_LENS_ADMIN_TOKEN: ADMIN,
        SESSION_LENS_AUTH_FAILURE_LIMIT: '0.1:1',
        SESSION_LENS_PGLITE_FSYNC: 'off',
      },
    );
    try {
      const preflight = await fetch(`${cli.url}/v1/me`, {
        method: 'OPTIONS',
        headers: { origin: 'http://127.0.0.1:9999', 'access-control-request-method': 'GET' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:9999');
      const me = () => fetch(`${cli.url}/v1/me`, { headers: { authorization: `Bearer ${ADMIN}` } });
      const stream = await fetch(`${cli.url}/v1/stream`, { headers: { authorization: `Bearer ${ADMIN}` } });
      expect(stream.status).toBe(200);
      const second = await fetch(`${cli.url}/v1/stream`, { headers: { authorization: `Bearer ${ADMIN}` } });
      expect(second.status).toBe(429);
      await stream.body?.cancel();
      expect((await me()).status).toBe(200);
      expect((await me()).status).toBe(429);
      const wrong = () => fetch(`${cli.url}/v1/me`, { headers: { authorization: 'Bearer wrong' } });
      expect((await wrong()).status).toBe(401);
      expect((await wrong()).status).toBe(429);
    } finally {
      await stopChild(cli.child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start on an allowed origin that is not an exact origin', async () => {
    const child = spawn(
      process.execPath,
      [CLI, '--port', '0', '--allowed-origins', 'https://app.example.com/'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid allowed origin');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from './client.js';
import type { APIError } from '../errors/api-error.js';
import {
  isAPIError,
  isAuthenticationError,
  isBadRequestError,
  isConflictError,
  isInternalServerError,
  isNotFoundError,
  isPermissionDeniedError,
  isRateLimitError,
  NotFoundError,
} from '../errors/api-error.js';
import { isAPIConnectionError, isAPITimeoutError, isAPIUserAbortError } from '../errors/connection-error.js';
import { isResponseValidationError } from '../errors/response-validation-error.js';
import { isSessionLensError } from '../errors/session-lens-error.js';
import { json, makeSession, problem, startFakeServer } from '../../test/fake-server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

async function server(handler: Parameters<typeof startFakeServer>[0]) {
  const s = await startFakeServer(handler);
  closers.push(s.close);
  return s;
}

const fast = { limit: 2, initialDelayMs: 5, maxDelayMs: 20 };

describe('client', () => {
  it('sends auth, serializes repeatable filters and booleans, validates the page', async () => {
    const session = makeSession();
    const s = await server((_req, res) => json(res, 200, { data: [session], nextCursor: null }));
    const client = createClient({ baseUrl: s.url, token: 't0k', headers: { 'x-app': 'tests' } });
    const page = await client.sessions.list({
      kind: ['flow', 'chat'],
      owner: ['a', 'b'],
      status: ['running'],
      active: false,
      q: 'a,b',
    });
    expect(page.data[0]?.id).toBe(session.id);
    const req = s.requests[0];
    expect(req?.headers.authorization).toBe('Bearer t0k');
    expect(req?.headers['x-app']).toBe('tests');
    expect(req?.url).toBe(
      '/v1/sessions?kind=flow&kind=chat&owner=a&owner=b&status=running&active=false&q=a%2Cb',
    );
  });

  it('keeps a base URL path prefix and encodes path parameters', async () => {
    const s = await server((_req, res) => json(res, 200, makeSession()));
    const client = createClient({ baseUrl: `${s.url}/api`, token: 't' });
    await client.sessions.get('a/b?c');
    expect(s.requests[0]?.url).toBe('/api/v1/sessions/a%2Fb%3Fc');
  });

  it.each([
    [400, isBadRequestError],
    [401, isAuthenticationError],
    [403, isPermissionDeniedError],
    [404, isNotFoundError],
    [409, isConflictError],
    [429, isRateLimitError],
    [500, isInternalServerError],
    [503, isInternalServerError],
  ] as const)('maps %i to its error class', async (status, guard) => {
    const s = await server((_req, res) =>
      problem(res, status, `status ${status}`, { 'x-request-id': 'req_1' }),
    );
    const client = createClient({ baseUrl: s.url, token: 't', retry: 0 });
    const error: unknown = await client.sessions.get('x').catch((e: unknown) => e);
    expect(guard(error)).toBe(true);
    expect(isAPIError(error) && error.status).toBe(status);
    expect(isAPIError(error) && error.requestId).toBe('req_1');
    expect(isAPIError(error) && error.problem?.detail).toBe(`status ${status}`);
    expect(isSessionLensError(error)).toBe(true);
  });

  it('keeps a typed error when the error body is not a problem document', async () => {
    const s = await server((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>nope</h1>');
    });
    const error = await createClient({ baseUrl: s.url, token: 't' })
      .sessions.get('x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as APIError).problem).toBeUndefined();
  });

  it('recognises errors across realms by brand, not only instanceof', async () => {
    const s = await server((_req, res) => problem(res, 404, 'gone'));
    const error = await createClient({ baseUrl: s.url, token: 't' })
      .sessions.get('x')
      .catch((e: unknown) => e);
    // A structured copy keeps own symbol-less fields only; a foreign realm's object keeps the
    // registry symbol, which is what the guards read.
    const foreign = Object.create(null) as Record<symbol, unknown>;
    const brand = Symbol.for('@session-lens/sdk/error');
    foreign[brand] = (error as Record<symbol, unknown>)[brand];
    expect(isNotFoundError(foreign)).toBe(true);
    expect(isConflictError(foreign)).toBe(false);
    expect(isNotFoundError(new Error('x'))).toBe(false);
  });

  it('raises ResponseValidationError naming the path on a malformed body', async () => {
    const s = await server((_req, res) => json(res, 200, { ...makeSession(), version: 'seven' }));
    const error = await createClient({ baseUrl: s.url, token: 't' })
      .sessions.get('abc')
      .catch((e: unknown) => e);
    expect(isResponseValidationError(error)).toBe(true);
    expect((error as { path: string }).path).toBe('/v1/sessions/abc');
    expect((error as Error).message).toContain('version');
  });

  it('tolerates unknown statuses and extra fields', async () => {
    const s = await server((_req, res) =>
      json(res, 200, { ...makeSession({ status: 'hibernating' }), brandNew: 1 }),
    );
    const session = await createClient({ baseUrl: s.url, token: 't' }).sessions.get('x');
    expect(session.status).toBe('hibernating');
  });

  it('raises ResponseValidationError on a body that is not JSON', async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data": [');
    });
    const error = await createClient({ baseUrl: s.url, token: 't' })
      .sessions.get('x')
      .catch((e: unknown) => e);
    expect(isResponseValidationError(error)).toBe(true);
  });

  it('retries GETs on 5xx and 408 with backoff, then succeeds', async () => {
    let n = 0;
    const s = await server((_req, res) => {
      n++;
      if (n === 1) return problem(res, 503, 'busy');
      if (n === 2) return problem(res, 408, 'slow');
      return json(res, 200, makeSession());
    });
    await createClient({ baseUrl: s.url, token: 't', retry: fast }).sessions.get('x');
    expect(n).toBe(3);
  });

  it('gives up after the retry limit and throws the last error', async () => {
    const s = await server((_req, res) => problem(res, 500, 'down'));
    const error = await createClient({ baseUrl: s.url, token: 't', retry: fast })
      .sessions.get('x')
      .catch((e: unknown) => e);
    expect(isInternalServerError(error)).toBe(true);
    expect(s.requests).toHaveLength(3);
  });

  it('does not retry 4xx other than 408 and 429', async () => {
    const s = await server((_req, res) => problem(res, 409, 'conflict'));
    await createClient({ baseUrl: s.url, token: 't', retry: fast })
      .sessions.get('x')
      .catch(() => {});
    expect(s.requests).toHaveLength(1);
  });

  it('throws instead of waiting a Retry-After longer than maxRetryAfterMs', async () => {
    const s = await server((_req, res) => problem(res, 429, 'later', { 'retry-after': '3600' }));
    const error = await createClient({
      baseUrl: s.url,
      token: 't',
      retry: { ...fast, maxRetryAfterMs: 1000 },
    })
      .sessions.get('x')
      .catch((e: unknown) => e);
    expect(isRateLimitError(error)).toBe(true);
    expect(s.requests).toHaveLength(1);
  });

  it('retries an idempotent POST with the same generated idempotency key', async () => {
    let n = 0;
    const s = await server((_req, res) => {
      n++;
      if (n < 3) return problem(res, 502, 'bad gateway');
      return json(res, 201, makeSession());
    });
    const client = createClient({ baseUrl: s.url, token: 't', retry: fast });
    await client.sessions.start({ kind: 'flow', title: 'x' });
    const keys = s.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^sl-/);
    expect(JSON.parse(s.requests[0]?.body ?? '')).toEqual({ kind: 'flow', title: 'x' });
    // A second logical call gets a new key.
    n = 2;
    await client.sessions.start({ kind: 'flow', title: 'y' });
    expect(s.requests[3]?.headers['idempotency-key']).not.toBe(keys[0]);
  });

  it('uses a caller-provided idempotency key', async () => {
    const s = await server((_req, res) => json(res, 200, makeSession()));
    await createClient({ baseUrl: s.url, token: 't' }).sessions.ingest(
      'x',
      { status: 'running' },
      { idempotencyKey: 'k1' },
    );
    expect(s.requests[0]?.headers['idempotency-key']).toBe('k1');
  });

  it('does not retry a POST without idempotency support', async () => {
    const s = await server((_req, res) => problem(res, 503, 'down'));
    await createClient({ baseUrl: s.url, token: 't', retry: fast })
      .embedTokens.mint({ scope: 'plan:p1' })
      .catch(() => {});
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]?.headers['idempotency-key']).toBeUndefined();
  });

  it('calls getToken again once on 401, then succeeds with the new token', async () => {
    const s = await server((req, res) =>
      req.headers.authorization === 'Bearer fresh'
        ? json(res, 200, makeSession())
        : problem(res, 401, 'expired'),
    );
    const asked: boolean[] = [];
    const client = createClient({
      baseUrl: s.url,
      getToken: ({ refresh }) => (asked.push(refresh) === 1 ? 'stale' : 'fresh'),
    });
    await client.sessions.get('x');
    // The second call is told the first token was refused, so a cache can be bypassed.
    expect(asked).toEqual([false, true]);
  });

  it('gives up after one token refresh', async () => {
    const s = await server((_req, res) => problem(res, 401, 'nope'));
    let calls = 0;
    const error = await createClient({ baseUrl: s.url, getToken: async () => `t${++calls}` })
      .sessions.get('x')
      .catch((e: unknown) => e);
    expect(isAuthenticationError(error)).toBe(true);
    expect(calls).toBe(2);
    expect(s.requests).toHaveLength(2);
  });

  it('raises APIConnectionError when nothing listens, after retrying', async () => {
    const s = await server(() => {});
    const url = s.url;
    await s.close();
    const error = await createClient({ baseUrl: url, token: 't', retry: fast })
      .me.get()
      .catch((e: unknown) => e);
    expect(isAPIConnectionError(error)).toBe(true);
    expect(isAPITimeoutError(error)).toBe(false);
  });

  it('raises APITimeoutError when the response is too slow', async () => {
    const s = await server(() => {
      /* never answers */
    });
    const error = await createClient({ baseUrl: s.url, token: 't', timeout: 100, retry: 0 })
      .members.list()
      .catch((e: unknown) => e);
    expect(isAPITimeoutError(error)).toBe(true);
    expect(isAPIConnectionError(error)).toBe(true);
  });

  it('raises APIUserAbortError on abort, also during a retry wait', async () => {
    const s = await server((_req, res) => problem(res, 503, 'down', { 'retry-after': '30' }));
    const controller = new AbortController();
    const pending = createClient({ baseUrl: s.url, token: 't' })
      .sessions.get('x', { signal: controller.signal })
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 50);
    expect(isAPIUserAbortError(await pending)).toBe(true);
  });

  it('aborts an in-flight request as a user abort, not a timeout, when the caller aborts first', async () => {
    const s = await server(() => {
      /* never answers */
    });
    const controller = new AbortController();
    const pending = createClient({ baseUrl: s.url, token: 't', timeout: 10_000 })
      .sessions.get('x', { signal: controller.signal })
      .catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 50);
    const error = await pending;
    expect(isAPIUserAbortError(error)).toBe(true);
    expect(isAPITimeoutError(error)).toBe(false);
    expect(s.requests).toHaveLength(1);
  });

  it('times out each attempt on its own and retries a GET after a timeout', async () => {
    let n = 0;
    const s = await server((_req, res) => {
      if (++n === 2) json(res, 200, makeSession());
      /* the first attempt never answers */
    });
    const session = await createClient({
      baseUrl: s.url,
      token: 't',
      timeout: 100,
      retry: fast,
    }).sessions.get('x');
    expect(session.id).toBeTruthy();
    expect(n).toBe(2);
  });

  it('sends a JSON body with its content type, through the given fetch, called unbound', async () => {
    const s = await server((_req, res) => json(res, 200, makeSession()));
    const thisValues: unknown[] = [];
    const fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      thisValues.push(this);
      return globalThis.fetch(input, init);
    };
    await createClient({ baseUrl: `${s.url}/`, token: 't', fetch }).sessions.review('a', {
      decision: 'completed',
    });
    expect(thisValues).toEqual([undefined]);
    const req = s.requests[0];
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/v1/sessions/a/review');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual({ decision: 'completed' });
  });

  it('requires a token or getToken', () => {
    expect(() => createClient({ baseUrl: 'http://x' })).toThrow(TypeError);
  });
});

describe('pagination', () => {
  it('awaits one page and iterates every item of every page', async () => {
    const all = Array.from({ length: 7 }, (_, i) => makeSession({ title: `s${i}` }));
    const s = await server((req, res) => {
      const url = new URL(req.url ?? '', 'http://x');
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit'));
      const end = start + limit;
      json(res, 200, { data: all.slice(start, end), nextCursor: end < all.length ? String(end) : null });
    });
    const client = createClient({ baseUrl: s.url, token: 't' });
    const first = await client.sessions.list({ limit: 3 });
    expect(first.data).toHaveLength(3);
    const titles: string[] = [];
    for await (const session of client.sessions.list({ limit: 3 })) titles.push(session.title);
    expect(titles).toEqual(all.map((x) => x.title));
    const sizes: number[] = [];
    for await (const page of client.sessions.list({ limit: 3 }).pages()) sizes.push(page.data.length);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('shares the first page between await and iteration, and stops on break', async () => {
    const s = await server((_req, res) =>
      json(res, 200, { data: [makeSession(), makeSession()], nextCursor: 'more' }),
    );
    const list = createClient({ baseUrl: s.url, token: 't' }).sessions.list();
    await list;
    for await (const _ of list) break;
    expect(s.requests).toHaveLength(1);
  });
});

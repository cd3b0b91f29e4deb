// What ky does for the client, on fake timers: Retry-After honoured, the idempotency key stable
// across retries, a timeout per attempt, one token refresh on 401. The fetch is a stub (this is a
// unit test of the client alone); the real server runs in src/e2e.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, type ClientOptions } from './client.js';
import { isAPITimeoutError } from '../errors/connection-error.js';
import { makeSession } from '../../test/fake-server.js';

type Answer = Response | 'hang';

/** A fetch that answers from a script, one entry per attempt, and records each request. */
function scriptedFetch(answers: Answer[]) {
  const requests: { at: number; request: Request; body: string }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push({ at: Date.now(), request, body: await request.clone().text() });
    const answer = answers.shift() ?? new Response(null, { status: 599 });
    if (answer !== 'hang') return answer;
    return new Promise<Response>((_resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
    });
  };
  return { fetch, requests };
}

const problem = (status: number, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'Error', status }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
const ok = (status = 200) =>
  new Response(JSON.stringify(makeSession()), { status, headers: { 'content-type': 'application/json' } });

/** A client of a stub server over `fetch`, with the token `t` unless options say otherwise. */
const clientOf = (fetch: typeof globalThis.fetch, options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: 'http://lens.test', token: 't', fetch, ...options });

/** Advances fake time until `promise` settles, and returns what it settled with. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  const result = promise.finally(() => (done = true));
  while (!done) await vi.advanceTimersByTimeAsync(50);
  return result;
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-12-01T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('client retries on ky (fake timers)', () => {
  it.each([429, 503])("waits the server's Retry-After on %i, not its own backoff", async (status) => {
    const { fetch, requests } = scriptedFetch([problem(status, { 'retry-after': '7' }), ok()]);
    const client = clientOf(fetch, { retry: { initialDelayMs: 1 } });
    await settle(client.sessions.get('x'));
    expect(requests).toHaveLength(2);
    const waited = requests[1]!.at - requests[0]!.at;
    expect(waited).toBeGreaterThanOrEqual(7_000);
    expect(waited).toBeLessThan(7_100);
  });

  it('reads Retry-After as an HTTP date too', async () => {
    const at = new Date(Date.now() + 3_000).toUTCString();
    const { fetch, requests } = scriptedFetch([problem(503, { 'retry-after': at }), ok()]);
    const client = clientOf(fetch, { retry: { initialDelayMs: 1 } });
    await settle(client.sessions.get('x'));
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(2_000);
  });

  it('backs off exponentially with jitter when the server names no delay', async () => {
    const { fetch, requests } = scriptedFetch([problem(500), problem(502), ok()]);
    const client = clientOf(fetch, { retry: { limit: 2, initialDelayMs: 1_000, maxDelayMs: 10_000 } });
    await settle(client.sessions.get('x'));
    const [first, second] = [requests[1]!.at - requests[0]!.at, requests[2]!.at - requests[1]!.at];
    // Half the exponential value plus up to the other half: [500, 1000] then [1000, 2000].
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThanOrEqual(1_050);
    expect(second).toBeGreaterThanOrEqual(1_000);
    expect(second).toBeLessThanOrEqual(2_050);
  });

  it('sends one generated idempotency key on every attempt of a POST, and a body each time', async () => {
    const { fetch, requests } = scriptedFetch([problem(503), 'hang', ok(201)]);
    const client = clientOf(fetch, { timeout: 1_000, retry: { limit: 2, initialDelayMs: 10 } });
    await settle(client.sessions.start({ kind: 'flow', title: 'x' }));
    const keys = requests.map((r) => r.request.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^sl-/);
    expect(new Set(keys).size).toBe(1);
    expect(requests.map((r) => JSON.parse(r.body) as unknown)).toEqual(
      Array.from({ length: 3 }, () => ({ kind: 'flow', title: 'x' })),
    );
  });

  it('times out each attempt on its own: two slow attempts, then an answer', async () => {
    const { fetch, requests } = scriptedFetch(['hang', 'hang', ok()]);
    const client = clientOf(fetch, {
      timeout: 2_000,
      retry: { limit: 2, initialDelayMs: 10, maxDelayMs: 10 },
    });
    await settle(client.sessions.get('x'));
    expect(requests).toHaveLength(3);
    // Each attempt gets the whole timeout: the second starts ~2 s after the first.
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(2_000);
    expect(requests[2]!.at - requests[1]!.at).toBeGreaterThanOrEqual(2_000);
    expect(requests.every((r) => r.request.signal.aborted || r === requests[2])).toBe(true);
  });

  it('throws APITimeoutError after the last slow attempt', async () => {
    const { fetch, requests } = scriptedFetch(['hang', 'hang']);
    const client = clientOf(fetch, { timeout: 500, retry: { limit: 1, initialDelayMs: 10 } });
    const error = await settle(client.sessions.get('x').catch((e: unknown) => e));
    expect(isAPITimeoutError(error)).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it('refreshes the token once on 401, immediately and without using up a retry', async () => {
    const { fetch, requests } = scriptedFetch([problem(503), problem(401), problem(503), ok()]);
    const asked: boolean[] = [];
    const client = clientOf(fetch, {
      getToken: ({ refresh }) => (asked.push(refresh), refresh ? 'fresh' : 'stale'),
      retry: { limit: 2, initialDelayMs: 100, maxDelayMs: 100 },
    });
    await settle(client.sessions.get('x'));
    expect(asked).toEqual([false, true]);
    expect(requests.map((r) => r.request.headers.get('authorization'))).toEqual([
      'Bearer stale',
      'Bearer stale',
      'Bearer fresh',
      'Bearer fresh',
    ]);
    // No backoff before the re-send with the fresh token.
    expect(requests[2]!.at - requests[1]!.at).toBeLessThan(50);
  });

  it('refreshes on 401 even for a POST that may not retry, and only once', async () => {
    const { fetch, requests } = scriptedFetch([problem(401), problem(401), ok(201)]);
    let calls = 0;
    const client = clientOf(fetch, { getToken: () => `t${++calls}` });
    const error = await settle(client.embedTokens.mint({ scope: 'plan:p1' }).catch((e: unknown) => e));
    expect((error as { status?: number }).status).toBe(401);
    expect(calls).toBe(2);
    expect(requests).toHaveLength(2);
  });

  it('sends the stream request with cache: no-store', async () => {
    const { fetch, requests } = scriptedFetch([
      new Response('', { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    ]);
    const client = createClient({ baseUrl: 'http://lens.test', token: 't', fetch });
    await settle(client.openStream('/v1/stream', {}, {}, new AbortController().signal));
    expect(requests[0]!.request.cache).toBe('no-store');
    expect(requests[0]!.request.headers.get('accept')).toBe('text/event-stream');
  });
});

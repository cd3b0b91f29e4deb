// The client's retry against the real reference server's rate limit (A17): a 429 carries
// `Retry-After`, and the client waits exactly that long before its next attempt. No mocks: the
// fetch below only records what goes over the wire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RetryOptions } from '../client/client.js';
import { isRateLimitError } from '../errors/api-error.js';
import { startRealServer, type RealServer } from '../../test/real-server.js';

let server: RealServer;

/**
 * A client of the real server whose fetch records each attempt's status and when it was
 * answered, after two calls that spend the token's burst: the next call meets a 429.
 */
async function clientPastBurst(token: string, retry: RetryOptions) {
  const attempts: { status: number; retryAfter: string | null; at: number }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    attempts.push({
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      at: Date.now(),
    });
    return response;
  };
  const client = createClient({ baseUrl: server.url, token, fetch: fetchImpl, retry });
  await client.me.get();
  await client.me.get();
  return { attempts, client };
}

beforeAll(async () => {
  server = await startRealServer({
    seedSessions: 20,
    limits: { requestsPerToken: { perSecond: 1, burst: 2 } },
  });
});
afterAll(async () => {
  await server?.stop();
});

describe('retry against the server rate limit', () => {
  it("waits the server's Retry-After after a 429, then succeeds", async () => {
    // Our own backoff would retry after 1 ms and meet a second 429: only Retry-After succeeds.
    const { attempts, client } = await clientPastBurst(server.tokens.demo!.member, {
      limit: 1,
      initialDelayMs: 1,
      maxDelayMs: 1,
    });
    const me = await client.me.get();
    expect(me.principal).toBe('member');
    expect(attempts.map((a) => a.status)).toEqual([200, 200, 429, 200]);
    const refused = attempts[2]!;
    expect(refused.retryAfter).toBe('1');
    expect(attempts[3]!.at - refused.at).toBeGreaterThanOrEqual(1000 - 5);
  });

  it('throws a RateLimitError at once when Retry-After is longer than the client will wait', async () => {
    const { attempts, client } = await clientPastBurst(server.tokens.demo!.reader, {
      limit: 3,
      initialDelayMs: 1,
      maxRetryAfterMs: 500,
    });
    const error = await client.me.get().catch((e: unknown) => e);
    expect(isRateLimitError(error)).toBe(true);
    expect(attempts.map((a) => a.status)).toEqual([200, 200, 429]);
  });
});

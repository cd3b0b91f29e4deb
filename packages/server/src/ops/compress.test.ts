import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compression, COMPRESS_THRESHOLD_BYTES } from './compress.js';

/** A JSON response that counts how often its body is read. */
function countingResponse(text: string, headers: Record<string, string>, reads: { n: number }): Response {
  class Counting extends Response {
    override get body() {
      reads.n += 1;
      return super.body;
    }
  }
  return new Counting(text, { headers: { 'content-type': 'application/json', ...headers } });
}

function appAnswering(text: string, headers: Record<string, string>, reads: { n: number }): Hono {
  const app = new Hono();
  app.use(compression());
  app.get('/', () => countingResponse(text, headers, reads));
  return app;
}

// The most frequent answer, a write's, is small: the middleware must not read it (on
// @hono/node-server reading `body` turns the fast response path into a streamed one).
describe('compression leaves bodies it will not compress unread', () => {
  const small = JSON.stringify({ id: 'ses_1', version: 2 });
  const large = JSON.stringify({ data: 'x'.repeat(COMPRESS_THRESHOLD_BYTES * 4) });

  it('when the client accepts no coding', async () => {
    const reads = { n: 0 };
    const res = await appAnswering(small, {}, reads).request('/');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(await res.text()).toBe(small);
    expect(reads.n).toBe(0);
  });

  it('when its Content-Length is under the threshold', async () => {
    const reads = { n: 0 };
    const app = appAnswering(small, { 'content-length': String(small.length) }, reads);
    const res = await app.request('/', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(small);
    expect(reads.n).toBe(0);
  });

  it('and still compresses a large one', async () => {
    const reads = { n: 0 };
    const app = appAnswering(large, { 'content-length': String(large.length) }, reads);
    const res = await app.request('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(Number(res.headers.get('content-length'))).toBeLessThan(large.length / 10);
  });
});

import { rmSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createClient, isAPIError } from '@session-lens/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestServer, type TestServer } from '../test/harness.js';
import { chooseEncoding } from './compress.js';
import { createLogger } from './logger.js';

/** Every JSON log line the server wrote. */
const lines: Record<string, unknown>[] = [];
const destination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
    done();
  },
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ logger: createLogger({ level: 'info', destination }) });
});
afterAll(async () => {
  await server?.stop();
});

/** A raw request: the bytes as sent, no transparent decompression. */
function raw(
  path: string,
  headers: Record<string, string>,
  options: { firstChunkOnly?: boolean } = {},
): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (options.firstChunkOnly) {
          resolve({ res, body: Buffer.concat(chunks) });
          req.destroy();
        }
      });
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const auth = { authorization: `Bearer ${ADMIN}` };

describe('GET /readyz (A18)', () => {
  it('is ready once the database answers and every migration is applied', async () => {
    const res = await server.api('GET', '/readyz', undefined);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, database: 'pglite', migrations: expect.any(Number) });
    expect(res.body.migrations).toBeGreaterThan(0);
    expect((await server.api('GET', '/healthz', undefined)).body).toEqual({ ok: true, database: 'pglite' });
  });
});

describe('a database that is behind, then gone', () => {
  it('is not ready while a migration is pending or the database is gone; errors are logged with their stack', async () => {
    const other = await startTestServer({
      seed: undefined,
      logger: createLogger({ level: 'info', destination }),
    });
    try {
      const [last] = await other.db.query<{ version: number; name: string }>(
        'select version, name from schema_migrations order by version desc limit 1',
      );
      await other.db.query('delete from schema_migrations where version = $1', [last!.version]);
      const pending = await other.api('GET', '/readyz', undefined);
      expect(pending.status).toBe(503);
      expect(pending.headers.get('content-type')).toBe('application/problem+json');
      expect(pending.headers.get('retry-after')).toBe('1');
      expect(pending.body.detail).toContain(last!.name);
      await other.db.query('insert into schema_migrations (version, name) values ($1, $2)', [
        last!.version,
        last!.name,
      ]);
      expect((await other.api('GET', '/readyz', undefined)).status).toBe(200);
      other.lens.ops.drain.draining = true;
      expect((await other.api('GET', '/readyz', undefined)).status).toBe(503);
      other.lens.ops.drain.draining = false;
      await other.db.close();
      const gone = await other.api('GET', '/readyz', undefined);
      expect(gone.status).toBe(503);
      expect(gone.body.detail).toBe('The database is unreachable.');

      const res = await other.api('GET', '/v1/sessions', ADMIN, undefined, { 'x-request-id': 'broken-db' });
      expect(res.status).toBe(500);
      expect(res.body.type).toMatch(/internal$/);
      const mine = lines.filter((line) => line.requestId === 'broken-db');
      const error = mine.find((line) => line.level === 'error') as { err?: { stack?: string } } | undefined;
      expect(error?.err?.stack).toMatch(/\n\s+at /);
      expect(mine.filter((line) => line.msg === 'request')).toHaveLength(1);
    } finally {
      await other.close().catch(() => {}); // its database is closed already
      rmSync(other.dataDir, { recursive: true, force: true });
    }
  });
});

describe('request ids and JSON logs (A18)', () => {
  it('gives every response an X-Request-Id, keeping a well-formed incoming one', async () => {
    const made = await server.api('GET', '/v1/sessions?limit=1', ADMIN);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await server.api('GET', '/v1/sessions?limit=1', ADMIN, undefined, {
      'x-request-id': 'lb-7f3a.9',
    });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.9');
    for (const bad of ['two words', 'x'.repeat(129), 'semi;colon']) {
      const replaced = await server.api('GET', '/healthz', undefined, undefined, { 'x-request-id': bad });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    const { res } = await raw('/v1/stream', auth, { firstChunkOnly: true });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is what the SDK reports as APIError.requestId', async () => {
    const client = createClient({ baseUrl: server.url, token: ADMIN, retry: { limit: 0 } });
    const error: unknown = await client.sessions.get('no-such-session').catch((e: unknown) => e);
    expect(isAPIError(error)).toBe(true);
    const id = isAPIError(error) ? error.requestId : undefined;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.some((line) => line.requestId === id && line.status === 404)).toBe(true);
  });

  it('writes one line per request with method, route, status, duration and id', async () => {
    const res = await server.api('GET', '/v1/sessions?limit=2&kind=task', ADMIN, undefined, {
      'x-request-id': 'one-line-per-request',
    });
    const mine = lines.filter((line) => line.requestId === 'one-line-per-request');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      route: '/v1/sessions',
      path: '/v1/sessions',
      status: res.status,
      durationMs: expect.any(Number),
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });
});

describe('compression (A18)', () => {
  it('compresses a list page with brotli or gzip, as asked', async () => {
    const plain = await raw('/v1/sessions?limit=50', auth);
    expect(plain.res.headers['content-encoding']).toBeUndefined();
    expect(plain.res.headers.vary).toBe('Accept-Encoding');
    const json = JSON.parse(plain.body.toString());
    expect(json.data).toHaveLength(50);

    const br = await raw('/v1/sessions?limit=50', { ...auth, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.res.headers['content-encoding']).toBe('br');
    expect(Number(br.res.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(JSON.parse(brotliDecompressSync(br.body).toString()).data).toEqual(json.data);

    const gz = await raw('/v1/sessions?limit=50', { ...auth, 'accept-encoding': 'gzip' });
    expect(gz.res.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString()).data).toEqual(json.data);

    const refused = await raw('/v1/sessions?limit=50', { ...auth, 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body.toString()).data).toEqual(json.data);
  });

  it('leaves a small body and the live stream uncompressed', async () => {
    const small = await raw('/healthz', { 'accept-encoding': 'br' });
    expect(small.res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toMatchObject({ ok: true });
    // The first chunk is readable text at once: nothing buffers the stream.
    const stream = await raw(
      '/v1/stream',
      { ...auth, 'accept-encoding': 'gzip, br' },
      { firstChunkOnly: true },
    );
    expect(stream.res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.res.headers['content-encoding']).toBeUndefined();
    expect(stream.body.toString()).toMatch(/^retry: \d+\n\n/);
  });

  it('picks the coding from Accept-Encoding weights', () => {
    expect(chooseEncoding(undefined)).toBeUndefined();
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding('gzip, br')).toBe('br');
    expect(chooseEncoding('gzip;q=1, br;q=0.5')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0')).toBeUndefined();
    expect(chooseEncoding('GZIP')).toBe('gzip');
  });
});

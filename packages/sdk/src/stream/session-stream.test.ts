import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../client/client.js';
import type { StreamEvent } from '../contract/events.js';
import type { SessionLensError } from '../errors/session-lens-error.js';
import { makeSession, problem, startFakeServer } from '../../test/fake-server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

type Connection = {
  res: ServerResponse;
  lastEventId: string | undefined;
  url: string;
  closed: Promise<void>;
};

/** A fake SSE endpoint: each connection is handed to `onConnect`. */
async function sseServer(onConnect: (c: Connection, index: number) => void) {
  const connections: Connection[] = [];
  const s = await startFakeServer((req, res) => {
    const closed = new Promise<void>((resolve) => res.on('close', () => resolve()));
    const c: Connection = {
      res,
      lastEventId: req.headers['last-event-id'] as string | undefined,
      url: req.url ?? '',
      closed,
    };
    connections.push(c);
    onConnect(c, connections.length - 1);
  });
  closers.push(s.close);
  return { ...s, connections };
}

const open = (res: ServerResponse, retry?: number) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  res.write(retry !== undefined ? `retry: ${retry}\n\n` : ': hello\n\n');
};
const send = (res: ServerResponse, id: number, title = `t${id}`) =>
  res.write(
    `event: session\nid: ${id}\ndata: ${JSON.stringify(makeSession({ id: `s${id}`, title, version: id }))}\n\n`,
  );

const fastWatch = { reconnectDelayMs: 5, maxReconnectDelayMs: 20 };

describe('watch', () => {
  it('passes filters as repeated query params and yields typed events', async () => {
    const s = await sseServer(({ res }) => {
      open(res);
      send(res, 1);
      res.write('event: session.removed\nid: 2\ndata: {"id":"s1"}\n\n');
    });
    const client = createClient({ baseUrl: s.url, token: 't' });
    const events: StreamEvent[] = [];
    for await (const event of client.sessions.watch({ kind: ['chat', 'flow'], active: true }, fastWatch)) {
      events.push(event);
      if (events.length === 2) break;
    }
    expect(events.map((e) => [e.type, e.id])).toEqual([
      ['session', '1'],
      ['session.removed', '2'],
    ]);
    expect(s.connections[0]?.url).toBe('/v1/stream?kind=chat&kind=flow&active=true');
    expect(s.requests[0]?.headers.accept).toBe('text/event-stream');
    // `break` closed the request.
    await s.connections[0]?.closed;
  });

  it('reconnects after a cut mid-frame and resumes with Last-Event-ID', async () => {
    const s = await sseServer(({ res, lastEventId }, i) => {
      open(res, 5);
      if (i === 0) {
        send(res, 1);
        send(res, 2);
        res.write('event: session\nid: 3\ndata: {"id":"s3","ki'); // cut mid-frame
        setTimeout(() => res.destroy(), 50);
      } else {
        expect(lastEventId).toBe('2');
        send(res, 3);
      }
    });
    const errors: SessionLensError[] = [];
    const states: string[] = [];
    const stream = createClient({ baseUrl: s.url, token: 't' }).sessions.watch(
      {},
      { ...fastWatch, onError: (e) => errors.push(e), onStateChange: (st) => states.push(st) },
    );
    const ids: string[] = [];
    for await (const event of stream) {
      ids.push(event.id ?? '');
      if (ids.length === 3) break;
    }
    expect(ids).toEqual(['1', '2', '3']);
    expect(stream.lastEventId).toBe('3');
    expect(errors.some((e) => e.name === 'APIConnectionError')).toBe(true);
    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
  });

  it("honours the server's retry: hint for the reconnect delay", async () => {
    const times: number[] = [];
    const s = await sseServer(({ res }, i) => {
      times.push(Date.now());
      open(res, 300);
      if (i === 0) res.end();
      else send(res, 1);
    });
    const stream = createClient({ baseUrl: s.url, token: 't' }).sessions.watch({}, { reconnectDelayMs: 1 });
    for await (const _ of stream) break;
    const gap = (times[1] ?? 0) - (times[0] ?? 0);
    // Jitter keeps the delay between half and all of the hint.
    expect(gap).toBeGreaterThanOrEqual(140);
    expect(gap).toBeLessThan(1000);
  });

  it('treats silence beyond two ping intervals as a dead connection', async () => {
    const s = await sseServer(({ res }, i) => {
      open(res, 5);
      if (i === 0)
        send(res, 1); // then stalls: socket open, no bytes
      else send(res, 2);
    });
    const errors: SessionLensError[] = [];
    const started = Date.now();
    const ids: string[] = [];
    for await (const event of createClient({ baseUrl: s.url, token: 't' }).sessions.watch(
      {},
      { ...fastWatch, pingIntervalMs: 100, onError: (e) => errors.push(e) },
    )) {
      ids.push(event.id ?? '');
      if (ids.length === 2) break;
    }
    expect(ids).toEqual(['1', '2']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(errors[0]?.message).toContain('No data for 200 ms');
    expect(s.connections[1]?.lastEventId).toBe('1');
  });

  it('keeps a connection that pings alive', async () => {
    const s = await sseServer(({ res }) => {
      open(res, 5);
      const timer = setInterval(() => res.write(': ping\n\n'), 40);
      setTimeout(() => {
        clearInterval(timer);
        send(res, 1);
      }, 400);
      res.on('close', () => clearInterval(timer));
    });
    for await (const _ of createClient({ baseUrl: s.url, token: 't' }).sessions.watch(
      {},
      { pingIntervalMs: 100 },
    ))
      break;
    expect(s.connections).toHaveLength(1);
  });

  it('stops on abort and closes the request, without throwing', async () => {
    const s = await sseServer(({ res }) => {
      open(res);
      send(res, 1);
    });
    const controller = new AbortController();
    const ids: string[] = [];
    const loop = (async () => {
      for await (const event of createClient({ baseUrl: s.url, token: 't' }).sessions.watch(
        {},
        { signal: controller.signal },
      )) {
        ids.push(event.id ?? '');
      }
    })();
    await new Promise((r) => setTimeout(r, 100));
    controller.abort();
    await loop;
    expect(ids).toEqual(['1']);
    await s.connections[0]?.closed;
  });

  it('refuses a second iteration', async () => {
    const s = await sseServer(({ res }) => {
      open(res);
      send(res, 1);
    });
    const stream = createClient({ baseUrl: s.url, token: 't' }).sessions.watch();
    for await (const _ of stream) break;
    await expect(async () => {
      for await (const _ of stream) break;
    }).rejects.toThrow(/already iterated/);
  });

  it('throws a refusal the server will repeat (403), after reporting nothing', async () => {
    const s = await startFakeServer((_req, res) => problem(res, 403, 'scope widened'));
    closers.push(s.close);
    const stream = createClient({ baseUrl: s.url, token: 't' }).sessions.watch({}, fastWatch);
    await expect(async () => {
      for await (const _ of stream) break;
    }).rejects.toMatchObject({ name: 'PermissionDeniedError', status: 403 });
  });

  it('retries 503 with Retry-After and refreshes the token on 401', async () => {
    let n = 0;
    const s = await startFakeServer((req, res) => {
      n++;
      if (n === 1) return problem(res, 503, 'starting', { 'retry-after': '0' });
      if (req.headers.authorization !== 'Bearer new') return problem(res, 401, 'expired');
      open(res);
      send(res, 9);
    });
    closers.push(s.close);
    let token = 'old';
    const client = createClient({
      baseUrl: s.url,
      getToken: () => {
        const t = token;
        token = 'new';
        return t;
      },
    });
    for await (const event of client.sessions.watch({}, fastWatch)) {
      expect(event.id).toBe('9');
      break;
    }
  });

  it('skips malformed frames and bad payloads, reports them and goes on', async () => {
    const s = await sseServer(({ res }) => {
      open(res);
      res.write('event: session\nid: 1\ndata: {bad\n\n');
      res.write(`event: session\nid: 2\ndata: ${JSON.stringify({ id: 'x', version: 2 })}\n\n`);
      res.write('event: hologram\nid: 3\ndata: {}\n\n');
      send(res, 4);
    });
    const errors: string[] = [];
    const ids: string[] = [];
    for await (const event of createClient({ baseUrl: s.url, token: 't' }).sessions.watch(
      {},
      { onError: (e) => errors.push(e.name) },
    )) {
      ids.push(event.id ?? '');
      break;
    }
    expect(ids).toEqual(['4']);
    expect(errors).toEqual(['StreamParseError', 'ResponseValidationError', 'StreamParseError']);
  });

  it('survives an onError callback that throws', async () => {
    const s = await sseServer(({ res }) => {
      open(res);
      res.write('event: session\nid: 1\ndata: {bad\n\n');
      send(res, 2);
    });
    for await (const event of createClient({ baseUrl: s.url, token: 't' }).sessions.watch(
      {},
      {
        onError: () => {
          throw new Error('careless');
        },
      },
    )) {
      expect(event.id).toBe('2');
      break;
    }
  });
});

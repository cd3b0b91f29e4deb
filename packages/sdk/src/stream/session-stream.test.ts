import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../client/client.js';
import type { StreamEvent } from '../contract/events.js';
import type { SessionLensError } from '../errors/session-lens-error.js';
import type { WatchOptions } from './session-stream.js';
import { problem } from '../../test/fake-server.js';
import {
  openEventStream as open,
  sendSession as send,
  sessionFrame,
  sseServers,
} from '../../test/sse-server.js';

const sseServer = sseServers();

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

  it('stops on abort and closes the request, without throwing', async () => {
    const s = await sseServer(({ res }) => {
      open(res);
      send(res, 1);
    });
    const controller = new AbortController();
    const ids: string[] = [];
    let firstEvent!: () => void;
    const gotFirst = new Promise<void>((resolve) => (firstEvent = resolve));
    const loop = (async () => {
      for await (const event of createClient({ baseUrl: s.url, token: 't' }).sessions.watch(
        {},
        { signal: controller.signal },
      )) {
        ids.push(event.id ?? '');
        firstEvent();
      }
    })();
    // Aborted while the iterator waits for the next event.
    await gotFirst;
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
    const s = await sseServer(({ res }) => problem(res, 403, 'scope widened'));
    const stream = createClient({ baseUrl: s.url, token: 't' }).sessions.watch({}, fastWatch);
    await expect(async () => {
      for await (const _ of stream) break;
    }).rejects.toMatchObject({ name: 'PermissionDeniedError', status: 403 });
  });

  it('retries 503 with Retry-After and refreshes the token on 401', async () => {
    let n = 0;
    const s = await sseServer(({ req, res }) => {
      n++;
      if (n === 1) return problem(res, 503, 'starting', { 'retry-after': '0' });
      if (req.headers.authorization !== 'Bearer new') return problem(res, 401, 'expired');
      open(res);
      send(res, 9);
    });
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

/** A fetch that answers call `n` with `script(n)` (a body, or a whole response) and records when. */
function scriptedFetch(script: (call: number) => BodyInit | Response) {
  const calls: { at: number; request: Request }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    calls.push({ at: Date.now(), request: new Request(input, init) });
    const answer = script(calls.length - 1);
    if (answer instanceof Response) return answer;
    return new Response(answer, { headers: { 'content-type': 'text/event-stream' } });
  };
  return { calls, fetchImpl };
}

/** A body that sends `text` and then stays open, as a live stream does; `onCancel` when dropped. */
const openBody = (text: string, onStart?: (send: (text: string) => void) => () => void) => {
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (t: string) => controller.enqueue(new TextEncoder().encode(t));
      send(text);
      if (onStart) stop = onStart(send);
    },
    cancel: () => stop(),
  });
};

describe('watch timing (fake timers)', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** Watches with a scripted fetch; `advance` moves the fake clock, `stop` ends the watch. */
  function watchScripted(script: (call: number) => BodyInit | Response, options: WatchOptions = {}) {
    vi.useFakeTimers();
    // The top of the jitter range: delays are then exactly the exponential values.
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { calls, fetchImpl } = scriptedFetch(script);
    const errors: SessionLensError[] = [];
    const stream = createClient({ baseUrl: 'http://lens.test', token: 't', fetch: fetchImpl }).sessions.watch(
      {},
      { onError: (e) => errors.push(e), ...options },
    );
    const ids: string[] = [];
    const done = (async () => {
      for await (const event of stream) ids.push(event.id ?? '');
    })();
    return {
      calls,
      errors,
      ids,
      gaps: () => calls.slice(1).map((call, i) => call.at - (calls[i]?.at ?? 0)),
      stop: async () => {
        stream.close();
        await done;
      },
    };
  }

  it("backs off from the server's retry: while connections deliver no event, and starts over after one", async () => {
    const w = watchScripted((call) => (call === 0 ? 'retry: 1000\n\n' : call === 3 ? sessionFrame(1) : ''), {
      maxReconnectDelayMs: 60_000,
    });
    await vi.advanceTimersByTimeAsync(20_000);
    await w.stop();
    expect(w.ids).toEqual(['1']);
    // 200 then a close is no proof the server streams: only the event (call 3) resets the delay.
    expect(w.gaps()).toEqual([1000, 2000, 4000, 1000, 2000, 4000]);
  });

  it('caps the delay at maxReconnectDelayMs, the server’s retry: included', async () => {
    const w = watchScripted((call) => (call === 0 ? 'retry: 999999\n\n' : ''), {
      maxReconnectDelayMs: 5_000,
    });
    await vi.advanceTimersByTimeAsync(16_000);
    await w.stop();
    expect(w.gaps()).toEqual([5000, 5000, 5000]);
  });

  it('waits exactly the Retry-After of a 503, without jitter (a deliberate difference from WHATWG)', async () => {
    const w = watchScripted((call) =>
      call === 0
        ? new Response('{}', {
            status: 503,
            headers: { 'retry-after': '7', 'content-type': 'application/json' },
          })
        : openBody(sessionFrame(1)),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await w.stop();
    expect(w.gaps()).toEqual([7000]);
    expect(w.ids).toEqual(['1']);
    expect(w.errors.map((e) => e.name)).toEqual(['InternalServerError']);
  });

  it('treats silence beyond two ping intervals as a dead connection, and resumes', async () => {
    const w = watchScripted((call) => openBody(sessionFrame(call + 1)), {
      pingIntervalMs: 1_000,
      reconnectDelayMs: 500,
    });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(w.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 + 500);
    await w.stop();
    expect(w.gaps()).toEqual([2000 + 500]);
    expect(w.ids).toEqual(['1', '2']);
    expect(w.errors[0]?.message).toContain('No data for 2000 ms');
    expect(w.calls[1]?.request.headers.get('last-event-id')).toBe('1');
  });

  it('keeps a connection that pings alive', async () => {
    const w = watchScripted(
      () =>
        openBody(': hello\n\n', (send) => {
          const timer = setInterval(() => send(': ping\n\n'), 1_500);
          return () => clearInterval(timer);
        }),
      { pingIntervalMs: 1_000 },
    );
    await vi.advanceTimersByTimeAsync(60_000);
    await w.stop();
    expect(w.calls).toHaveLength(1);
    expect(w.errors).toEqual([]);
  });
});

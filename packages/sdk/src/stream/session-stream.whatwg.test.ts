// The stream client against the WHATWG EventSource scenarios (WPT `eventsource/`: request-*,
// format-mime-*, format-field-id*, eventsource-reconnect; the `eventsource` package's client
// tests), over a real node:http server on 127.0.0.1. Where the SDK deliberately differs from
// the spec (it retries 5xx and honours Retry-After) the test name says so.
import { describe, expect, it } from 'vitest';
import { createClient } from '../client/client.js';
import type { StreamEvent } from '../contract/events.js';
import type { SessionLensError } from '../errors/session-lens-error.js';
import { isStreamResponseError } from '../errors/stream-response-error.js';
import { problem } from '../../test/fake-server.js';
import { openEventStream, sendSession, sessionFrame, sseServers } from '../../test/sse-server.js';

const sseServer = sseServers();

const fast = { reconnectDelayMs: 2, maxReconnectDelayMs: 10 };

/**
 * Watches until `count` events arrived, or until the stream reported `maxErrors` problems (a
 * client that cannot reconnect fails the test instead of hanging it), or it threw.
 */
async function watch(url: string, count: number, maxErrors = 5, lastEventId?: string) {
  const events: StreamEvent[] = [];
  const errors: SessionLensError[] = [];
  const attempts: number[] = [];
  const controller = new AbortController();
  const stream = createClient({ baseUrl: url, token: 't' }).sessions.watch(
    {},
    {
      ...fast,
      signal: controller.signal,
      ...(lastEventId !== undefined ? { lastEventId } : {}),
      onError: (e) => errors.push(e) >= maxErrors && controller.abort(),
      onStateChange: (state, attempt) => state === 'reconnecting' && attempts.push(attempt),
    },
  );
  let thrown: unknown;
  try {
    for await (const event of stream) if (events.push(event) >= count) break;
  } catch (error) {
    thrown = error;
  }
  return { events, errors, attempts, thrown };
}

describe('Last-Event-ID (WPT format-field-id, -id-2, -id-3)', () => {
  it('sends a non-Latin-1 id as its UTF-8 bytes, and keeps reconnecting with it', async () => {
    const id = '… é 日本 🚀';
    const s = await sseServer(({ res }, i) => {
      openEventStream(res, 1);
      sendSession(res, i === 0 ? id : `${id}/${i}`);
      res.end();
    });
    const { events, errors } = await watch(s.url, 3);
    expect(errors.every((e) => /closed by the server/.test(e.message))).toBe(true);
    expect(events.map((e) => e.id)).toEqual([id, `${id}/1`, `${id}/2`]);
    expect(s.connections.map((c) => c.lastEventId)).toEqual([undefined, id, `${id}/1`]);
  });

  it('sends the lastEventId option the same way on the first connection', async () => {
    const s = await sseServer(({ res }) => {
      openEventStream(res);
      sendSession(res, 1);
    });
    await watch(s.url, 1, 5, 'ü-7');
    expect(s.connections[0]?.lastEventId).toBe('ü-7');
  });

  /**
   * The first connection sends event 1 and `tail`, then ends; the next one sends event `count`,
   * the last one awaited. Returns the ids seen, the errors reported, and the second
   * connection's Last-Event-ID.
   */
  async function resumeAfter(tail: string, count = 2) {
    const s = await sseServer(({ res }, i) => {
      openEventStream(res, 1);
      if (i > 0) return sendSession(res, count);
      sendSession(res, 1);
      res.end(tail);
    });
    const { events, errors } = await watch(s.url, count);
    return { ids: events.map((e) => e.id), errors, resumedFrom: s.connections[1]?.lastEventId };
  }

  it('sends no Last-Event-ID once an empty id: reset it', async () => {
    expect(await resumeAfter('id:\n\n')).toMatchObject({ ids: ['1', '2'], resumedFrom: undefined });
  });

  it('forgets the id of an event the connection ended inside (format-data-before-final-empty-line)', async () => {
    const tail = 'id: 99\nevent: session.removed\ndata: {"id":"x"}\n';
    expect(await resumeAfter(tail)).toMatchObject({ ids: ['1', '2'], resumedFrom: '1' });
  });

  it('deliberate difference: an id with a control character fetch refuses resumes from the previous id', async () => {
    const { ids, errors, resumedFrom } = await resumeAfter(sessionFrame('bell\u0007'), 3);
    expect(ids).toEqual(['1', 'bell\u0007', '3']);
    expect(resumedFrom).toBe('1');
    expect(errors.some((e) => e.name === 'StreamParseError' && /cannot be sent/.test(e.message))).toBe(true);
  });
});

describe('a response that is not an event stream stops the stream (WPT format-mime-*, request-status-error)', () => {
  it.each([
    ['text/x-bogus (format-mime-valid-bogus)', 'text/x-bogus'],
    ['x/x (format-mime-bogus)', 'x/x'],
    ['a proxy’s HTML page', 'text/html; charset=utf-8'],
    ['no Content-Type at all', undefined],
  ])('%s: a StreamResponseError, nothing parsed, no reconnect', async (_name, type) => {
    const s = await sseServer(({ res }) => {
      res.writeHead(200, type === undefined ? {} : { 'content-type': type });
      sendSession(res, 1);
      res.end();
    });
    const { events, thrown } = await watch(s.url, 1);
    expect(events).toEqual([]);
    expect(isStreamResponseError(thrown)).toBe(true);
    expect(thrown).toMatchObject({ status: 200, contentType: type });
    expect(s.connections).toHaveLength(1);
  });

  it.each(['text/event-stream;', 'text/event-stream; charset=windows-1252', 'Text/Event-Stream ; x=y'])(
    'accepts %j (format-mime-trailing-semicolon, format-utf-8: the body is UTF-8 regardless)',
    async (type) => {
      const s = await sseServer(({ res }) => {
        openEventStream(res, undefined, type);
        sendSession(res, 1, 'ok…');
      });
      const { events } = await watch(s.url, 1);
      expect(events[0]?.type === 'session' && events[0].data.title).toBe('ok…');
    },
  );

  it('204 ends the stream for good, after the events of the connections before it', async () => {
    const s = await sseServer(({ res }, i) => {
      if (i === 0) {
        openEventStream(res, 1);
        sendSession(res, 1);
        res.end();
      } else {
        res.writeHead(204);
        res.end();
      }
    });
    const { events, thrown } = await watch(s.url, 5);
    expect(events.map((e) => e.id)).toEqual(['1']);
    expect(thrown).toMatchObject({ name: 'StreamResponseError', status: 204 });
    expect(s.connections).toHaveLength(2);
    expect(s.connections[1]?.lastEventId).toBe('1');
  });

  it.each([205, 210, 299])('%i is not a stream: a StreamResponseError, one request', async (status) => {
    const s = await sseServer(({ res }) => {
      res.writeHead(status, { 'content-type': 'text/event-stream' });
      if (status !== 205) sendSession(res, 1);
      res.end();
    });
    const { events, thrown } = await watch(s.url, 1);
    expect(events).toEqual([]);
    expect(thrown).toMatchObject({ name: 'StreamResponseError', status });
    expect(s.connections).toHaveLength(1);
  });

  it.each([
    [404, 'NotFoundError'],
    [410, 'APIError'],
  ])('%i stops with the typed API error, one request', async (status, name) => {
    const s = await sseServer(({ res }) => problem(res, status, 'gone'));
    const { thrown } = await watch(s.url, 1);
    expect(thrown).toMatchObject({ name, status });
    expect(s.connections).toHaveLength(1);
  });

  it('deliberate difference: 503 is retried (with its Retry-After) instead of ending the stream', async () => {
    const s = await sseServer(({ res }, i) => {
      if (i === 0) return problem(res, 503, 'restarting', { 'retry-after': '0' });
      openEventStream(res);
      sendSession(res, 1);
    });
    const { events, errors } = await watch(s.url, 1);
    expect(events.map((e) => e.id)).toEqual(['1']);
    expect(errors.map((e) => e.name)).toEqual(['InternalServerError']);
  });
});

describe('requests and reconnects (WPT request-*, eventsource-reconnect)', () => {
  it('asks for text/event-stream (request-accept)', async () => {
    const s = await sseServer(({ res }) => {
      openEventStream(res);
      sendSession(res, 1);
    });
    await watch(s.url, 1);
    expect(s.connections[0]?.req.headers.accept).toBe('text/event-stream');
  });

  it.each([301, 302, 303, 307, 308])(
    'follows a %i redirect to the stream (request-redirect)',
    async (status) => {
      const s = await sseServer(({ req, res }) => {
        if (!req.url?.startsWith('/moved')) {
          res.writeHead(status, { location: `/moved${req.url ?? ''}` });
          res.end();
          return;
        }
        openEventStream(res);
        sendSession(res, 1);
      });
      const { events } = await watch(s.url, 1);
      expect(events.map((e) => e.id)).toEqual(['1']);
      expect(s.connections.map((c) => c.url.split('?')[0])).toEqual(['/v1/stream', '/moved/v1/stream']);
    },
  );

  it('a server that answers 200 and hangs up is retried with a growing attempt count', async () => {
    const s = await sseServer(({ res }, i) => {
      openEventStream(res, 1);
      if (i === 4) sendSession(res, 1);
      else res.end();
    });
    const { events, attempts } = await watch(s.url, 1, 10);
    expect(events.map((e) => e.id)).toEqual(['1']);
    // The response head is no proof the server streams: only an event resets the count.
    expect(attempts).toEqual([1, 2, 3, 4]);
  });

  it('the attempt count starts over once a connection delivers an event', async () => {
    const s = await sseServer(({ res }, i) => {
      openEventStream(res, 1);
      if (i === 1) sendSession(res, 1);
      if (i === 3) sendSession(res, 2);
      else res.end();
    });
    const { events, attempts } = await watch(s.url, 2, 10);
    expect(events.map((e) => e.id)).toEqual(['1', '2']);
    expect(attempts).toEqual([1, 1, 2]);
  });
});

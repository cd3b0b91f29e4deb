import { describe, expect, it } from 'vitest';
import { createClient } from '../client/client.js';
import type { FollowEvent } from '../contract/events.js';
import { isNotFoundError } from '../errors/api-error.js';
import type { SessionLensError } from '../errors/session-lens-error.js';
import { makeSession, problem } from '../../test/fake-server.js';
import { openEventStream as open, sseServers } from '../../test/sse-server.js';

// client.sessions.follow (K9, A16) on a scripted event-stream endpoint: the same machinery as
// watch (its own tests cover backoff, stalls and WHATWG framing), with the follow stream's events.

const sseServer = sseServers();
const fast = { reconnectDelayMs: 5, maxReconnectDelayMs: 20 };

const entryFrame = (seq: number, text = `line ${seq}`) =>
  `event: entry\nid: ${seq}\ndata: ${JSON.stringify({ type: 'message', role: 'assistant', text, seq, at: '2026-12-02T01:00:00.000Z' })}\n\n`;
const sessionFrame = (seq: number, version: number) =>
  `event: session\nid: ${seq}\ndata: ${JSON.stringify(makeSession({ id: 's/1', version }))}\n\n`;

describe('follow', () => {
  it('reads one session’s stream: typed entries and session updates, ids as transcript positions', async () => {
    const s = await sseServer(({ res }) => {
      open(res);
      res.write(sessionFrame(2, 3) + entryFrame(3) + sessionFrame(3, 4));
    });
    const events: FollowEvent[] = [];
    for await (const event of createClient({ baseUrl: s.url, token: 't' }).sessions.follow('s/1', fast)) {
      events.push(event);
      if (events.length === 3) break;
    }
    expect(s.connections[0]?.url).toBe('/v1/sessions/s%2F1/stream');
    expect(events.map((e) => [e.type, e.id])).toEqual([
      ['session', '2'],
      ['entry', '3'],
      ['session', '3'],
    ]);
    const entry = events[1]!;
    expect(entry.type === 'entry' && entry.data.type === 'message' && entry.data.text).toBe('line 3');
  });

  it('starts after lastEventId and, cut mid-frame, resumes after the last whole entry', async () => {
    const s = await sseServer(({ res, lastEventId }, i) => {
      open(res, 5);
      if (i === 0) {
        expect(lastEventId).toBe('4');
        res.write(entryFrame(5) + entryFrame(6) + 'event: entry\nid: 7\ndata: {"type":"mess');
        setTimeout(() => res.destroy(), 30);
      } else {
        expect(lastEventId).toBe('6');
        res.write(entryFrame(7) + sessionFrame(7, 9));
      }
    });
    const errors: SessionLensError[] = [];
    const stream = createClient({ baseUrl: s.url, token: 't' }).sessions.follow('s/1', {
      ...fast,
      lastEventId: '4',
      onError: (error) => errors.push(error),
    });
    const seen: string[] = [];
    for await (const event of stream) {
      seen.push(`${event.type}:${event.id}`);
      if (event.type === 'session') break;
    }
    expect(seen).toEqual(['entry:5', 'entry:6', 'entry:7', 'session:7']);
    expect(stream.lastEventId).toBe('7');
    expect(errors.map((e) => e.name)).toContain('APIConnectionError');
  });

  it('ends after session.removed, without reconnecting', async () => {
    const s = await sseServer(({ res }) => {
      open(res, 5);
      res.write(entryFrame(1) + 'event: session.removed\nid: 1\ndata: {"id":"s/1"}\n\n');
      res.end();
    });
    const types: string[] = [];
    for await (const event of createClient({ baseUrl: s.url, token: 't' }).sessions.follow('s/1', fast)) {
      types.push(event.type);
    }
    expect(types).toEqual(['entry', 'session.removed']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(s.connections).toHaveLength(1);
  });

  it('throws NotFoundError for a session out of view, and skips a malformed entry', async () => {
    const missing = await sseServer(({ res }) => problem(res, 404, 'No such session'));
    const follow = createClient({ baseUrl: missing.url, token: 't', retry: 0 }).sessions.follow('nope', fast);
    const thrown = await (async () => {
      for await (const _ of follow) return undefined;
    })().catch((error: unknown) => error);
    expect(isNotFoundError(thrown)).toBe(true);

    const s = await sseServer(({ res }) => {
      open(res);
      res.write('event: entry\nid: 1\ndata: {"type":"message","seq":"one"}\n\n' + entryFrame(2));
    });
    const errors: SessionLensError[] = [];
    for await (const event of createClient({ baseUrl: s.url, token: 't' }).sessions.follow('s/1', {
      ...fast,
      onError: (error) => errors.push(error),
    })) {
      expect(event.id).toBe('2');
      break;
    }
    expect(errors.map((e) => e.name)).toEqual(['ResponseValidationError']);
  });
});

import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../contract/events.js';
import type { SessionLensError } from '../errors/session-lens-error.js';
import { makeSession } from '../../test/fake-server.js';
import { createEventDecoder } from './event-decoder.js';

function collect(lastEventId?: string) {
  const events: StreamEvent[] = [];
  const errors: SessionLensError[] = [];
  const retries: number[] = [];
  const comments: string[] = [];
  const decoder = createEventDecoder(
    {
      onEvent: (e) => events.push(e),
      onError: (e) => errors.push(e),
      onRetry: (ms) => retries.push(ms),
      onComment: (c) => comments.push(c),
    },
    lastEventId,
  );
  return { decoder, events, errors, retries, comments };
}

const encoder = new TextEncoder();
const session = makeSession({ title: 'Résumé ✓ 日本語 🚀' });
const frame = (type: string, id: string, data: unknown, eol = '\n') =>
  `event: ${type}${eol}id: ${id}${eol}data: ${JSON.stringify(data)}${eol}${eol}`;

describe('event decoder (in the spirit of the WPT eventsource suite)', () => {
  const stream =
    '\uFEFF' +
    'retry: 1500\n' +
    ': ping\n\n' +
    frame('session', '1', session) +
    frame('session.removed', '2', { id: 'ses_x' }) +
    'event: reset\ndata: {"reason":\ndata: "too old"}\n\n';

  it('decodes a stream split at every byte boundary, multi-byte characters included', () => {
    const bytes = encoder.encode(stream);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const { decoder, events, errors, retries } = collect();
      decoder.feed(bytes.subarray(0, cut));
      decoder.feed(bytes.subarray(cut));
      expect(errors).toEqual([]);
      expect(retries).toEqual([1500]);
      expect(events.map((e) => e.type)).toEqual(['session', 'session.removed', 'reset']);
      expect(events[0]?.data).toEqual(session);
      expect(decoder.lastEventId).toBe('2');
    }
  });

  it('decodes a stream fed one byte at a time', () => {
    const bytes = encoder.encode(stream);
    const { decoder, events } = collect();
    for (let i = 0; i < bytes.length; i++) decoder.feed(bytes.subarray(i, i + 1));
    expect(events).toHaveLength(3);
    expect(events[0]?.type === 'session' && events[0].data.title).toBe(session.title);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('accepts %s line endings, even split between CR and LF', (_name, eol) => {
    const text = frame('session', '7', session, eol) + frame('session.removed', '8', { id: 'a' }, eol);
    for (let cut = 0; cut <= text.length; cut++) {
      const { decoder, events } = collect();
      decoder.feed(text.slice(0, cut));
      decoder.feed(text.slice(cut));
      expect(events.map((e) => e.id)).toEqual(['7', '8']);
    }
  });

  it('joins multi-line data with newlines', () => {
    const { decoder, events } = collect();
    const json = JSON.stringify(session, null, 2);
    decoder.feed(
      `event: session\nid: 3\n${json
        .split('\n')
        .map((l) => `data: ${l}`)
        .join('\n')}\n\n`,
    );
    expect(events[0]?.data).toEqual(session);
  });

  it('strips one leading BOM only', () => {
    const { decoder, events, errors } = collect();
    decoder.feed('\uFEFF\uFEFFevent: reset\ndata: {"reason":"x"}\n\n');
    // The second BOM belongs to the first field name, which is then not "event".
    expect(events).toEqual([]);
    expect(errors).toHaveLength(1);
  });

  it('reports comments and never turns them into events', () => {
    const { decoder, events, comments } = collect();
    decoder.feed(': ping\n:\n: another one\n\n');
    expect(events).toEqual([]);
    expect(comments).toEqual(['ping', '', 'another one']);
  });

  it('ignores retry values with non-digits', () => {
    const { decoder, retries } = collect();
    decoder.feed('retry: 12a\nretry: -5\nretry: 1.5\nretry:  300\nretry: 250\n\n');
    expect(retries).toEqual([250]);
  });

  it('ignores ids containing NUL and keeps the previous one', () => {
    const { decoder, events } = collect('10');
    decoder.feed(`event: session.removed\nid: 1\u00002\ndata: {"id":"a"}\n\n`);
    expect(events[0]?.id).toBe('10');
    expect(decoder.lastEventId).toBe('10');
  });

  it('inherits the last id on an event without one', () => {
    const { decoder, events } = collect();
    decoder.feed(
      'event: session.removed\nid: 5\ndata: {"id":"a"}\n\nevent: session.removed\ndata: {"id":"b"}\n\n',
    );
    expect(events.map((e) => e.id)).toEqual(['5', '5']);
  });

  it('does not dispatch a frame without data, nor one cut before its blank line', () => {
    const { decoder, events } = collect();
    decoder.feed('event: session\nid: 4\n\nevent: session.removed\ndata: {"id":"a"}\n');
    expect(events).toEqual([]);
    decoder.reset();
    decoder.feed('\n');
    expect(events).toEqual([]);
  });

  it('reports and skips payloads that are not JSON, miss fields, have wrong types, or unknown types', () => {
    const { decoder, events, errors } = collect();
    const { title: _title, ...missing } = session;
    decoder.feed(
      'event: session\nid: 1\ndata: {not json\n\n' +
        `event: session\nid: 2\ndata: ${JSON.stringify(missing)}\n\n` +
        `event: session\nid: 3\ndata: ${JSON.stringify({ ...session, version: '2' })}\n\n` +
        'event: session.archived\nid: 4\ndata: {}\n\n' +
        'data: plain message\n\n' +
        `event: session\nid: 5\ndata: ${JSON.stringify({ ...session, status: 'teleporting', extra: true })}\n\n`,
    );
    expect(errors.map((e) => e.name)).toEqual([
      'StreamParseError',
      'ResponseValidationError',
      'ResponseValidationError',
      'StreamParseError',
      'StreamParseError',
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]?.type === 'session' && events[0].data.status).toBe('teleporting');
    expect(decoder.lastEventId).toBe('5');
  });
});

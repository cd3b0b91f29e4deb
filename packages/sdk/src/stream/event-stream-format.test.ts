// The WPT `eventsource/format-*` vectors, ported to the frame decoder: each case is the body
// WPT's `resources/message.py` sends (the message, then "\n\n" unless `newline=none`, then "\n")
// and the messages a conforming EventSource dispatches. The cases that need a connection
// (Content-Type, reconnects, Last-Event-ID on the wire, retry timing) are in
// session-stream.whatwg.test.ts, against a real HTTP server.
import { describe, expect, it } from 'vitest';
import { createFrameDecoder, type Frame } from './event-decoder.js';

const utf8 = new TextEncoder();

/** What WPT's message.py answers for `message` (`newline=none` drops the "\n\n"). */
const body = (message: string, newline = true) => `${message}${newline ? '\n\n' : ''}\n`;

type Decoded = { frames: Frame[]; retries: number[]; lastEventId: string | undefined };

/** Decodes `bytes` fed in the given pieces (cut positions), from a fresh decoder. */
function decode(bytes: Uint8Array, cuts: number[] = [], lastEventId?: string): Decoded {
  const frames: Frame[] = [];
  const retries: number[] = [];
  const decoder = createFrameDecoder(
    { onFrame: (frame) => frames.push(frame), onRetry: (ms) => retries.push(ms) },
    { lastEventId },
  );
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    decoder.feed(bytes.subarray(from, cut));
    from = cut;
  }
  return { frames, retries, lastEventId: decoder.lastEventId };
}

/** Decodes whole, one byte at a time, and cut in two at every byte: all must agree. */
function decodeEveryWay(input: string | Uint8Array): Decoded {
  const bytes = typeof input === 'string' ? utf8.encode(input) : input;
  const whole = decode(bytes);
  expect(decode(bytes, [...bytes.keys()].slice(1))).toEqual(whole);
  for (let cut = 1; cut < bytes.length; cut++) expect(decode(bytes, [cut])).toEqual(whole);
  return whole;
}

const data = (decoded: Decoded) => decoded.frames.map((frame) => frame.data);
const BOM = '\uFEFF';

describe('event stream format (WPT eventsource/format-*)', () => {
  it('format-bom: one leading BOM is stripped; a BOM later on is part of a field name', () => {
    expect(data(decodeEveryWay(body(`${BOM}data:1\n\n${BOM}data:2\n\ndata:3`)))).toEqual(['1', '3']);
  });

  it('format-bom-2: of two leading BOMs the second makes the first field unknown', () => {
    expect(data(decodeEveryWay(body(`${BOM}${BOM}data:1\n\ndata:2\n\ndata:3`)))).toEqual(['2', '3']);
  });

  it('format-comments: comment lines of any length and line end are skipped', () => {
    const long = 'x'.repeat(2048);
    const message = `data:1\r:\0\n:\r\ndata:2\n:${long}\rdata:3\n:data:fail\r:${long}\ndata:4\n`;
    expect(data(decode(utf8.encode(body(message, false))))).toEqual(['1\n2\n3\n4']);
  });

  it('format-data-before-final-empty-line: an event the stream ends inside is never dispatched, nor its id', () => {
    const decoded = decodeEveryWay(body('retry:1000\ndata:test1\n\nid:test\ndata:test2', false));
    expect(data(decoded)).toEqual(['test1']);
    expect(decoded.retries).toEqual([1000]);
    expect(decoded.lastEventId).toBeUndefined();
  });

  it('format-field-data: `data:` and a bare `data` both add a line; an empty buffer dispatches nothing', () => {
    expect(data(decodeEveryWay(body('data:\n\ndata\ndata\n\ndata:test', false)))).toEqual(['', '\n']);
  });

  it('format-field-event: `event:` names the type; the next event is a `message` again', () => {
    const { frames } = decodeEveryWay(body('event:test\ndata:x\n\ndata:x'));
    expect(frames.map((f) => [f.type, f.data])).toEqual([
      ['test', 'x'],
      ['message', 'x'],
    ]);
  });

  it('format-field-event-empty: an empty event name is the default `message`', () => {
    expect(decodeEveryWay(body('event: \ndata:data')).frames.map((f) => f.type)).toEqual(['message']);
  });

  it('format-field-id: a non-ASCII id is kept as it is', () => {
    const decoded = decodeEveryWay(body('id: …\nretry: 200\ndata: hello'));
    expect(decoded.frames).toEqual([{ type: 'message', data: 'hello', lastEventId: '…' }]);
    expect(decoded.retries).toEqual([200]);
  });

  it.each([
    ['persists', 'id: 1\ndata: x\n\ndata: x', ['1', '1']],
    ['changes and persists', 'id: 1\ndata: x\n\nid: 2\ndata: x\n\ndata: x', ['1', '2', '2']],
    ['resets with an empty id:', 'id: 1\ndata: x\n\nid:\ndata: x\n\ndata: x', ['1', '', '']],
    ['resets with a bare id', 'id: 1\ndata: x\n\nid\ndata: x\n\ndata: x', ['1', '', '']],
    ['is set by an event without data', 'id: 1\n\ndata: x', ['1']],
  ])('format-field-id-2/-3: the last event id %s', (_name, message, ids) => {
    expect(decodeEveryWay(body(message)).frames.map((f) => f.lastEventId)).toEqual(ids);
  });

  it.each(['\0\0', 'x\0', '\0x', 'x\0x', ' \0'])(
    'format-field-id-null: an id containing NUL (%j) is ignored, and the previous one kept',
    (id) => {
      expect(decodeEveryWay(body(`data: a\n\nid: ${id}\ndata: b`)).frames.map((f) => f.lastEventId)).toEqual([
        '',
        '',
      ]);
      const resumed = decode(utf8.encode(body(`id: ${id}\ndata: hello`)), [], 'earlier');
      expect(resumed.frames.map((f) => f.lastEventId)).toEqual(['earlier']);
    },
  );

  it('format-field-parsing: names match exactly, one space after the colon is dropped, NUL is data', () => {
    const message =
      'data:\0\ndata:  2\rData:1\ndata\0:2\ndata:1\r\0data:4\nda-ta:3\rdata_5\ndata:3\rdata:\r\n data:32\ndata:4\n';
    expect(data(decodeEveryWay(body(message, false)))).toEqual(['\0\n 2\n1\n3\n\n4']);
  });

  it('format-field-retry / -bogus / -empty: only ASCII digits set the reconnection time', () => {
    const decoded = decodeEveryWay(
      body('retry:03000\nretry:1000x\nretry: 1.5\nretry:-1\nretry\nretry:\nretry:  7\ndata:x'),
    );
    expect(decoded.retries).toEqual([3000]);
    expect(data(decoded)).toEqual(['x']);
  });

  it('format-field-unknown: unknown fields and lines without a colon that name no field are ignored', () => {
    const message = 'data:test\n data\ndata\nfoobar:xxx\njustsometext\n:thisisacommentyay\ndata:test';
    expect(data(decodeEveryWay(body(message)))).toEqual(['test\n\ntest']);
  });

  it('format-leading-space: only one space after the colon is dropped; a tab is data', () => {
    expect(data(decodeEveryWay(body('data:\ttest\rdata: \ndata:test')))).toEqual(['\ttest\n\ntest']);
  });

  it('format-newlines: CRLF, LF and CR end lines alike', () => {
    expect(data(decodeEveryWay(body('data:test\r\ndata\ndata:test\r\n\r', false)))).toEqual(['test\n\ntest']);
  });

  it('format-null-character: NUL in data is kept', () => {
    expect(data(decodeEveryWay(body('data:\0')))).toEqual(['\0']);
  });

  it('format-utf-8: the body is UTF-8 whatever the charset says; a character split across chunks survives', () => {
    expect(data(decodeEveryWay(body('data:ok…')))).toEqual(['ok…']);
    expect(data(decodeEveryWay(body('data:Résumé ✓ 日本語 🚀')))).toEqual(['Résumé ✓ 日本語 🚀']);
  });

  it('decodes invalid UTF-8 as U+FFFD, as the spec’s UTF-8 decode does', () => {
    const bytes = new Uint8Array([...utf8.encode('data:a'), 0xff, 0xc3, ...utf8.encode('b\n\n')]);
    expect(data(decodeEveryWay(bytes))).toEqual(['a\uFFFD\uFFFDb']);
  });

  it('a CR that ends one chunk and a non-LF that starts the next are two line ends', () => {
    expect(data(decode(utf8.encode('data: a\r\rdata: b\r\r'), [8]))).toEqual(['a', 'b']);
  });
});

describe('frame decoder limits and reconnects', () => {
  const collect = (maxBufferSize: number) => {
    const frames: Frame[] = [];
    const overflows: string[] = [];
    const decoder = createFrameDecoder(
      { onFrame: (f) => frames.push(f), onOverflow: (e) => overflows.push(e.message) },
      { maxBufferSize },
    );
    return { decoder, frames, overflows };
  };

  it('drops a line that never ends once past the limit, with its event so far, and goes on at the next line', () => {
    const { decoder, frames, overflows } = collect(100);
    decoder.feed('id: 1\ndata: ');
    for (let i = 0; i < 50; i++) decoder.feed('x'.repeat(10));
    decoder.feed('\nid: 2\n\nevent: b\ndata: ok\n\n');
    expect(frames).toEqual([{ type: 'b', data: 'ok', lastEventId: '2' }]);
    expect(overflows).toHaveLength(1);
  });

  it('of an event whose data lines add up past the limit, the lines after it arrive as a frame of their own', () => {
    const { decoder, frames, overflows } = collect(100);
    const line = 'data: 0123456789012345678901234567890123456789\n';
    for (let i = 0; i < 5; i++) decoder.feed(line);
    decoder.feed('id: 9\n\n');
    decoder.feed('data: small\n\n');
    // The 3rd line overflowed, the 4th was skipped as the rest of the dropped line, the 5th remains.
    expect(frames.map((f) => [f.data, f.lastEventId])).toEqual([
      [line.slice(6, -1), '9'],
      ['small', '9'],
    ]);
    expect(overflows).toHaveLength(1);
  });

  it('keeps the event after a blank line that arrives just after the overflow, CRLF split included', () => {
    const { decoder, frames } = collect(100);
    decoder.feed(`data: ${'y'.repeat(120)}\r`);
    decoder.feed('\n\r\ndata: next\r\n\r\n');
    expect(frames.map((f) => f.data)).toEqual(['next']);
  });

  it('forgets the partial line and the event in progress on reset, strips a BOM again, keeps the id', () => {
    const frames: Frame[] = [];
    const decoder = createFrameDecoder({ onFrame: (f) => frames.push(f) });
    decoder.feed(`${BOM}id: 7\ndata: 0\n\nevent: a\ndata: 1\nda`);
    decoder.reset();
    decoder.feed(`${BOM}ta: 2\n\n`);
    decoder.feed('data: 3\n\n');
    expect(frames.map((f) => [f.data, f.lastEventId])).toEqual([
      ['0', '7'],
      ['3', '7'],
    ]);
  });
});

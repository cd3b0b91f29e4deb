import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse-parser.js';

function collect(maxBufferSize = 1_000) {
  const messages: SseMessage[] = [];
  const ids: string[] = [];
  const parser = createSseParser(
    { onEvent: (message) => messages.push(message), onId: (id) => ids.push(id) },
    maxBufferSize,
  );
  return { parser, messages, ids };
}

describe('SSE parser', () => {
  it('drops a line longer than the buffer limit with its event, arriving in small chunks, and goes on', () => {
    const { parser, messages } = collect(100);
    parser.feed('event: a\ndata: ');
    for (let i = 0; i < 50; i++) parser.feed('x'.repeat(10));
    parser.feed('\nid: 1\n\nevent: b\ndata: ok\n\n');
    expect(messages).toEqual([{ event: 'b', data: 'ok' }]);
  });

  it('drops an event whose data lines add up past the limit, and keeps the next one', () => {
    const { parser, messages } = collect(100);
    parser.feed(`${'data: 0123456789012345678901234567890123456789\n'.repeat(3)}\ndata: small\n\n`);
    expect(messages).toEqual([{ event: undefined, data: 'small' }]);
  });

  it('reports an id with its own event only, and an empty event name as the default type', () => {
    const { parser, messages, ids } = collect();
    parser.feed('id: 1\n\nevent:\ndata: a\n\nid\ndata: b\n\n');
    expect(ids).toEqual(['1', '']);
    expect(messages).toEqual([
      { event: undefined, data: 'a' },
      { event: undefined, data: 'b' },
    ]);
  });

  it('treats a CR that ends one chunk and a non-LF that starts the next as two lines', () => {
    const { parser, messages } = collect();
    parser.feed('data: a\r');
    parser.feed('\rdata: b\r\r');
    expect(messages).toEqual([
      { event: undefined, data: 'a' },
      { event: undefined, data: 'b' },
    ]);
  });

  it('forgets the partial line and the event in progress on reset, and strips a BOM again', () => {
    const { parser, messages } = collect();
    parser.feed('\uFEFFevent: a\ndata: 1\nda');
    parser.reset();
    parser.feed('\uFEFFta: 2\n\n');
    expect(messages).toEqual([]);
    parser.feed('data: 3\n\n');
    expect(messages).toEqual([{ event: undefined, data: '3' }]);
  });
});

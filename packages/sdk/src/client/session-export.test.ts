import { describe, expect, it } from 'vitest';
import { isAPIConnectionError } from '../errors/connection-error.js';
import { isResponseValidationError } from '../errors/response-validation-error.js';
import { wireSession } from '../test/fixtures.js';
import { createClient } from './client.js';

/** A client whose export answers `pieces`, one body chunk each (then an error, with `cut`). */
function clientAnswering(pieces: string[], { cut = false } = {}) {
  const requests: URL[] = [];
  const fetch = async (input: RequestInfo | URL) => {
    requests.push(new URL(input instanceof Request ? input.url : String(input)));
    const encoder = new TextEncoder();
    let next = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (next < pieces.length) controller.enqueue(encoder.encode(pieces[next++]));
        else if (cut) controller.error(new TypeError('terminated'));
        else controller.close();
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/csv' } });
  };
  return { client: createClient({ baseUrl: 'http://lens.test', token: 't', fetch, retry: 0 }), requests };
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const CSV = [
  'id,title,plan\r\n',
  'a,"He said ""stop"", then left",\r\n',
  'b,"one\ntwo\r\nthree, four",p\r\n',
  `c,'=HYPERLINK(""x""),""\r\n`,
];

describe('sessions.export', () => {
  it('yields each CSV record whole, however the body is split, line breaks in quotes kept', async () => {
    const file = CSV.join('');
    for (let cut = 0; cut <= file.length; cut += 1) {
      const { client } = clientAnswering([file.slice(0, cut), file.slice(cut)]);
      expect(await collect(client.sessions.export({}, { format: 'csv' })), `cut at ${cut}`).toEqual(CSV);
    }
    const { client } = clientAnswering([...file]);
    expect(await collect(client.sessions.export({}, { format: 'csv' }))).toEqual(CSV);
  });

  it('yields validated Session documents from JSON Lines split anywhere', async () => {
    const sessions = [wireSession({ id: 'ses_1' }), wireSession({ id: 'ses_2', title: 'a\nb' })];
    const file = sessions.map((s) => `${JSON.stringify(s)}\n`).join('');
    for (const cut of [0, 5, file.indexOf('\n'), file.indexOf('\n') + 1, file.length - 1]) {
      const { client, requests } = clientAnswering([file.slice(0, cut), file.slice(cut)]);
      expect(await collect(client.sessions.export({ kind: ['flow'], active: true }))).toEqual(sessions);
      expect(requests[0]!.pathname).toBe('/v1/sessions/export');
      expect([...requests[0]!.searchParams]).toEqual([
        ['kind', 'flow'],
        ['active', 'true'],
        ['format', 'jsonl'],
      ]);
    }
  });

  it('throws a ResponseValidationError for a line that is no Session', async () => {
    for (const line of ['{"id":"x"}\n', 'not json\n']) {
      const { client } = clientAnswering([`${JSON.stringify(wireSession())}\n`, line]);
      const rows = client.sessions.export();
      const seen: unknown[] = [];
      const error = await (async () => {
        for await (const row of rows) seen.push(row);
      })().catch((e: unknown) => e);
      expect(seen).toHaveLength(1);
      expect(isResponseValidationError(error)).toBe(true);
    }
  });

  it('throws an APIConnectionError when the body is cut', async () => {
    const { client } = clientAnswering(['id\r\n'], { cut: true });
    const error = await collect(client.sessions.export({}, { format: 'csv' })).catch((e: unknown) => e);
    expect(isAPIConnectionError(error)).toBe(true);
  });
});

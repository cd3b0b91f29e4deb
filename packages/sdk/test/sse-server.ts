// Test support for the stream tests: a real node:http event-stream endpoint on 127.0.0.1,
// port 0, that hands each connection to the test, and the frames the tests write.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach } from 'vitest';
import { makeSession, startFakeServer } from './fake-server.js';

/** One stream request, as the server saw it. */
export type Connection = {
  req: IncomingMessage;
  res: ServerResponse;
  /** `Last-Event-ID` decoded from its bytes on the wire as UTF-8 (what the spec sends). */
  lastEventId: string | undefined;
  url: string;
  /** Resolves when the client (or the server) closed the connection. */
  closed: Promise<void>;
};

/** A started endpoint; stop it with `close` (the tests do, after each test). */
export type SseServer = Awaited<ReturnType<typeof startFakeServer>> & { connections: Connection[] };

/** The header's wire bytes as UTF-8: node:http hands header values over as latin1. */
function utf8Header(req: IncomingMessage, name: string): string | undefined {
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() === name) return Buffer.from(raw[i + 1] ?? '', 'latin1').toString('utf8');
  }
  return undefined;
}

/** Starts an endpoint that hands every request to `onConnect`, with its index (0 first). */
export async function startSseServer(onConnect: (c: Connection, index: number) => void): Promise<SseServer> {
  const connections: Connection[] = [];
  const s = await startFakeServer((req, res) => {
    const closed = new Promise<void>((resolve) => res.on('close', () => resolve()));
    const c: Connection = {
      req,
      res,
      lastEventId: utf8Header(req, 'last-event-id'),
      url: req.url ?? '',
      closed,
    };
    connections.push(c);
    onConnect(c, connections.length - 1);
  });
  return { ...s, connections };
}

/**
 * For a test file: a `startSseServer` whose servers are all closed after each test. Call it at
 * the top level of the file (it registers the `afterEach`).
 */
export function sseServers(): (onConnect: (c: Connection, index: number) => void) => Promise<SseServer> {
  const started: SseServer[] = [];
  afterEach(async () => {
    while (started.length) await started.pop()?.close();
  });
  return async (onConnect) => {
    const s = await startSseServer(onConnect);
    started.push(s);
    return s;
  };
}

/** Answers 200 `text/event-stream`, then a `retry:` hint or a comment. */
export function openEventStream(
  res: ServerResponse,
  retry?: number,
  contentType = 'text/event-stream',
): void {
  res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
  res.write(retry !== undefined ? `retry: ${retry}\n\n` : ': hello\n\n');
}

/** A `session` event frame with the given id (a number gives the session's version too). */
export function sessionFrame(id: number | string, title = `t${id}`): string {
  const version = typeof id === 'number' ? id : 1;
  const session = makeSession({ id: `s${id}`, title, version });
  return `event: session\nid: ${id}\ndata: ${JSON.stringify(session)}\n\n`;
}

/** Writes a {@link sessionFrame}. */
export function sendSession(res: ServerResponse, id: number | string, title?: string): void {
  res.write(sessionFrame(id, title));
}

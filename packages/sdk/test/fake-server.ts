// Test support for the SDK unit tests: a node:http fake server and session factories. Lives
// outside src/ so node-only modules never reach the published build.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Session } from '../src/contract/session.js';

/** A handler of the fake server; tests script responses per request. */
export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

/** A small node:http server on 127.0.0.1, port 0, for unit tests of the client. */
export async function startFakeServer(handler: Handler): Promise<{
  url: string;
  server: Server;
  requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[];
  close: () => Promise<void>;
}> {
  const requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      void Promise.resolve(handler(req, res, body)).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON body. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Sends a problem document. */
export function problem(
  res: ServerResponse,
  status: number,
  detail: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/problem+json', ...headers });
  res.end(JSON.stringify({ type: 'about:blank', title: 'Error', status, detail }));
}

let counter = 0;

/** A valid session, with overrides. */
export function makeSession(overrides: Partial<Session> = {}): Session {
  counter++;
  return {
    id: `ses_${String(counter).padStart(6, '0')}`,
    kind: 'flow',
    title: `Session ${counter}`,
    status: 'completed',
    owner: { id: 'mem_ada', name: 'Ada Lovelace' },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    progress: { steps: [{ name: 'plan', status: 'completed' }] },
    visibility: { type: 'workspace' },
    version: 1,
    ...overrides,
  };
}

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '@session-lens/sdk';
import { startServer, type RunningServer, type StartServerOptions } from '../server.js';
import { templateDir } from './global-setup.js';

/** The admin token every test server uses. */
export const ADMIN = 'test-admin-token';

/** A fresh copy of the migrated template data directory. */
export function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'session-lens-test-'));
  cpSync(templateDir(), dir, { recursive: true });
  return dir;
}

/** A real server on real PGlite in a temp directory, listening on 127.0.0.1:0. */
export type TestServer = RunningServer & {
  dataDir: string;
  /** JSON request helper. */
  api(
    method: string,
    path: string,
    token: string | undefined,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse>;
  stop(): Promise<void>;
};

/** A response with its parsed body (loosely typed: tests assert on its shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-only convenience
export type ApiResponse = { status: number; headers: Headers; body: any };

/**
 * Every page of `GET /v1/sessions?<query>` as `token`, following nextCursor; throws on any
 * answer but 200, with its body.
 */
export async function walkSessions(
  server: TestServer,
  query: string,
  token: string,
  limit = 200,
): Promise<Session[]> {
  const out: Session[] = [];
  let cursor: string | null = null;
  do {
    const params = [query, `limit=${limit}`, cursor ? `cursor=${cursor}` : ''].filter(Boolean).join('&');
    const res = await server.api('GET', `/v1/sessions?${params}`, token);
    if (res.status !== 200)
      throw new Error(`GET /v1/sessions?${params} → ${res.status} ${JSON.stringify(res.body)}`);
    out.push(...(res.body.data as Session[]));
    cursor = res.body.nextCursor as string | null;
  } while (cursor);
  return out;
}

/** Starts a seeded test server. */
export async function startTestServer(options: Partial<StartServerOptions> = {}): Promise<TestServer> {
  const dataDir = freshDataDir();
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminToken: ADMIN,
    seed: 'demo',
    seedSessions: 300,
    validateResponses: true,
    ...options,
  });
  const api: TestServer['api'] = async (method, path, token, body, headers = {}) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON; keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
  return {
    ...server,
    dataDir,
    api,
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One server-sent event as a client sees it. */
export type SseEvent = { event: string; id?: string | undefined; data: string };

/** A minimal fetch-based SSE reader for tests; it records comments (pings) and `retry:` too. */
export class SseClient {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  retry: number | undefined;
  status = 0;
  readonly #controller = new AbortController();
  #waiters: (() => void)[] = [];
  readonly done: Promise<void>;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.done = this.#run(url, headers).catch(() => {});
  }

  async #run(url: string, headers: Record<string, string>): Promise<void> {
    const response = await fetch(url, { headers, signal: this.#controller.signal });
    this.status = response.status;
    this.#notify();
    if (!response.body || response.status !== 200) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = { event: 'message', data: '' };
        const data: string[] = [];
        let hasData = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
          else if (line.startsWith('retry:')) this.retry = Number(line.slice(6).trim());
          else if (line.startsWith('id:')) event.id = line.slice(3).trim();
          else if (line.startsWith('event:')) event.event = line.slice(6).trim();
          else if (line.startsWith('data:')) {
            data.push(line.slice(5).trimStart());
            hasData = true;
          }
        }
        if (hasData) {
          event.data = data.join('\n');
          this.events.push(event);
        }
        this.#notify();
      }
    }
  }

  #notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter();
  }

  /** Waits until `predicate` holds (checked after every frame), or fails after `timeoutMs`. */
  async until(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `Timed out waiting for ${what}; got ${JSON.stringify(this.events.map((e) => [e.event, e.id]))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Parsed data of the events named `name`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test-only convenience
  data(name = 'session'): any[] {
    return this.events.filter((event) => event.event === name).map((event) => JSON.parse(event.data));
  }

  close(): void {
    this.#controller.abort();
  }
}

/** Sleeps. */
/** Opens an SSE client on `url` with a bearer `token` and extra headers, recorded in `opened`. */
export function openStream(
  url: string,
  token: string | undefined,
  headers: Record<string, string>,
  opened: SseClient[],
): SseClient {
  const client = new SseClient(url, { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
  opened.push(client);
  return client;
}

/** Waits until a stream answered: its `retry:` hint arrived, or an error status. */
export async function connected(client: SseClient): Promise<void> {
  await client.until(() => client.retry !== undefined || client.status >= 400, 10_000, 'connect');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

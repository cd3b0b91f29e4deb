import { rmSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDataDir, SseClient } from '../test/harness.js';
import { spawnCli, stopChild, type CliProcess } from '../test/process.js';

const ADMIN = 'drain-admin-token';
const dataDir = freshDataDir();
let cli: CliProcess | undefined;

afterAll(async () => {
  if (cli) await stopChild(cli.child, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

type Answer = { status: number; headers: IncomingMessage['headers']; body: string };

/**
 * A POST whose body is held back: `Expect: 100-continue` makes the server say when it has taken
 * the request (its handler is then waiting for the body), half the body goes out, and `finish`
 * sends the rest. The request is in flight, provably, for as long as the test wants.
 */
async function heldRequest(url: string, body: string): Promise<{ finish(): void; answer: Promise<Answer> }> {
  const bytes = Buffer.from(body);
  let req!: ClientRequest;
  const answer = new Promise<Answer>((resolve, reject) => {
    req = httpRequest(
      `${url}/v1/sessions`,
      {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${ADMIN}`,
          'content-type': 'application/json',
          'content-length': String(bytes.length),
          expect: '100-continue',
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
  await new Promise<void>((resolve) => req.once('continue', resolve));
  const half = Math.floor(bytes.length / 2);
  req.write(bytes.subarray(0, half));
  return { finish: () => req.end(bytes.subarray(half)), answer };
}

describe('SIGTERM drains (A18)', () => {
  it('answers every in-flight request, ends streams with a retry hint, refuses new connections, exits 0', async () => {
    cli = await spawnCli(['--data', dataDir], {
      SESSION_LENS_ADMIN_TOKEN: ADMIN,
      SESSION_LENS_LOG_LEVEL: 'info',
    });
    const { child, url } = cli;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const stream = new SseClient(`${url}/v1/stream`, { authorization: `Bearer ${ADMIN}` });
    await stream.until(() => stream.retry !== undefined, 30_000, 'the first retry hint');
    const firstRetry = stream.retry;
    const held = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        heldRequest(url, JSON.stringify({ kind: 'task', title: `In flight during the drain ${i}` })),
      ),
    );

    child.kill('SIGTERM');
    // The stream is told to reconnect (elsewhere) and closed.
    await stream.done;
    expect(stream.comments.some((comment) => comment.includes('shutting down'))).toBe(true);
    expect(stream.retry).not.toBe(firstRetry);
    expect(stream.retry).toBeGreaterThanOrEqual(500);
    expect(stream.retry).toBeLessThan(2_000);
    // The listener is closed: a new connection is refused, not queued.
    const refused = await fetch(`${url}/healthz`).then(
      () => 'answered',
      (error: { cause?: { code?: string } }) => error.cause?.code,
    );
    expect(refused).toBe('ECONNREFUSED');

    for (const request of held) request.finish();
    const answers = await Promise.all(held.map((request) => request.answer));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    for (const answer of answers) {
      expect(JSON.parse(answer.body)).toMatchObject({ kind: 'task', id: expect.any(String) });
      expect(answer.headers.connection).toBe('close');
    }
    expect(await exited).toEqual({ code: 0, signal: null });
    // The log is written asynchronously; what was buffered is flushed before the exit, so each
    // answered request has its line.
    const logged = cli
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{"level"'))
      .map((line) => JSON.parse(line) as { msg: string; method?: string; route?: string; status?: number });
    const created = logged.filter(
      (l) => l.msg === 'request' && l.method === 'POST' && l.route === '/v1/sessions',
    );
    expect(created.map((l) => l.status)).toEqual(held.map(() => 201));
    expect(logged.at(-1)?.msg).toBe('drained');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem, type Session } from '@session-lens/sdk';
import { ADMIN, SseClient, sleep, startTestServer, type TestServer } from './test/harness.js';

// Find at scale (issue 15), against the real server: the time range (A11).

let server: TestServer;
let member: string;
let all: Session[];
const clients: SseClient[] = [];

/** Every page of a list, following nextCursor. */
async function walk(query: string, token: string, limit = 97): Promise<Session[]> {
  const out: Session[] = [];
  let cursor: string | null = null;
  do {
    const res = await server.api(
      'GET',
      `/v1/sessions?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      token,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(...res.body.data);
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

function problemPaths(res: { status: number; headers: Headers; body: unknown }, status = 400): string[] {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (Problem.parse(res.body).errors ?? []).map((error) => error.path);
}

function subscribe(query: string, token: string): SseClient {
  const client = new SseClient(`${server.url}/v1/stream?${query}`, { authorization: `Bearer ${token}` });
  clients.push(client);
  return client;
}

const ids = (sessions: readonly Session[]) => sessions.map((s) => s.id).sort();
const at = (s: Session) => Date.parse(s.updatedAt);

beforeAll(async () => {
  server = await startTestServer({ seedSessions: 300 });
  member = server.tokens.demo!.member;
  all = await walk('', ADMIN, 200);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.stop();
});

describe('since / until (A11)', () => {
  it('bounds updatedAt: since inclusive, until exclusive, in any zone', async () => {
    const sorted = [...all].sort((a, b) => at(a) - at(b));
    const low = sorted[Math.floor(sorted.length / 4)]!;
    const high = sorted[Math.floor((sorted.length * 3) / 4)]!;
    const since = encodeURIComponent(low.updatedAt);
    // The same instant written an hour ahead of UTC.
    const shifted = new Date(at(high) + 3_600_000).toISOString().replace('Z', '+01:00');
    const got = await walk(`since=${since}&until=${encodeURIComponent(shifted)}`, ADMIN);
    const expected = all.filter((s) => at(s) >= at(low) && at(s) < at(high));
    expect(ids(got)).toEqual(ids(expected));
    expect(got.map((s) => s.id)).toContain(low.id);
    expect(got.map((s) => s.id)).not.toContain(high.id);
    expect(expected.length).toBeGreaterThan(50);
    // Ordered per S9 like every list, across pages.
    expect(ids(await walk(`since=${since}`, ADMIN))).toEqual(ids(all.filter((s) => at(s) >= at(low))));
  });

  it('counts a duration back from the instant the first page froze', async () => {
    const before = Date.now();
    const got = await walk('since=P1D', ADMIN, 31);
    const after = Date.now();
    const day = 86_400_000;
    for (const s of got) expect(at(s)).toBeGreaterThanOrEqual(before - day);
    const surely = all.filter((s) => at(s) >= after - day).map((s) => s.id);
    expect(got.map((s) => s.id)).toEqual(expect.arrayContaining(surely));
    expect(surely.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(all.length);
  });

  it('answers malformed instants, durations and empty ranges with a 400 naming the parameter', async () => {
    expect(problemPaths(await server.api('GET', '/v1/sessions?since=yesterday', ADMIN))).toEqual([
      'query.since',
    ]);
    expect(problemPaths(await server.api('GET', '/v1/sessions?until=P1D', ADMIN))).toEqual(['query.until']);
    expect(problemPaths(await server.api('GET', '/v1/sessions?since=2026-02-30T00:00:00Z', ADMIN))).toEqual([
      'query.since',
    ]);
    expect(problemPaths(await server.api('GET', '/v1/sessions?since=P3661D', ADMIN))).toEqual([
      'query.since',
    ]);
    expect(
      problemPaths(
        await server.api('GET', '/v1/sessions?since=2026-11-21T12:00:00Z&until=2026-11-21T12:00:00Z', ADMIN),
      ),
    ).toEqual(['query.until']);
    expect(problemPaths(await server.api('GET', '/v1/sessions?since=a&since=b', ADMIN))).toEqual([
      'query.since',
    ]);
    expect(problemPaths(await server.api('GET', '/v1/stream?until=soon', ADMIN))).toEqual(['query.until']);
  });

  it('streams within the range: a session updated past until leaves the view', async () => {
    const started = await server.api('POST', '/v1/sessions', member, { kind: 'flow', title: 'Range' });
    expect(started.status).toBe(201);
    const id = (started.body as Session).id;
    const step = (status: string) => ({ steps: [{ name: 'Plan', status }] });
    const first = await server.api('POST', `/v1/sessions/${id}/activity`, member, step('running'));
    const until = new Date(at(first.body as Session) + 1).toISOString();
    const bounded = subscribe(`until=${until}`, member);
    const recent = subscribe('since=PT1H', member);
    const old = subscribe(`until=${encodeURIComponent(all.at(-1)!.updatedAt)}`, member);
    for (const client of [bounded, recent, old]) await client.until(() => client.retry !== undefined);
    while (Date.now() <= Date.parse(until) + 1) await sleep(2);
    const second = await server.api('POST', `/v1/sessions/${id}/activity`, member, step('completed'));
    expect(at(second.body as Session)).toBeGreaterThan(Date.parse(until));
    await bounded.until(() => bounded.data('session.removed').some((s) => s.id === id), 10_000, 'removal');
    expect(bounded.data().some((s) => s.id === id)).toBe(false);
    await recent.until(() => recent.data().some((s) => s.id === id), 10_000, 'recent update');
    expect(old.events.filter((e) => e.data.includes(id))).toEqual([]);
  });
});

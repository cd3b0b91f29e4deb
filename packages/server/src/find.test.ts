import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem, type Session } from '@session-lens/sdk';
import { ADMIN, SseClient, sleep, startTestServer, walkSessions, type TestServer } from './test/harness.js';

// Find at scale (issue 15), against the real server: the time range (A11) and content search (A12).

let server: TestServer;
let member: string;
let all: Session[];
const clients: SseClient[] = [];

/** Every page of a list, following nextCursor. */
const walk = (query: string, token: string, limit = 97) => walkSessions(server, query, token, limit);

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

describe('model, runtime and origin (A1 facets)', () => {
  const meta = (s: Session) => s.metadata ?? {};

  it('keeps sessions with any of the given values, each filter narrowing the others', async () => {
    const models = [...new Set(all.map((s) => meta(s).model).filter((m) => m !== undefined))];
    expect(models.length).toBeGreaterThan(1);
    const [one, two] = models as [string, string];
    const q = `model=${encodeURIComponent(one)}&model=${encodeURIComponent(two)}`;
    const byModel = all.filter((s) => meta(s).model === one || meta(s).model === two);
    expect(ids(await walk(q, ADMIN))).toEqual(ids(byModel));
    expect(byModel.length).toBeLessThan(all.length);
    const runtime = meta(byModel[0]!).runtime!;
    const expected = byModel.filter((s) => meta(s).runtime === runtime && meta(s).origin === 'editor');
    const got = await walk(`${q}&runtime=${encodeURIComponent(runtime)}&origin=editor`, ADMIN);
    expect(ids(got)).toEqual(ids(expected));
    expect(expected.length).toBeGreaterThan(0);
    // A session without metadata matches no value.
    const bare = await server.api('POST', '/v1/sessions', member, { kind: 'flow', title: 'No metadata' });
    expect((await walk('origin=web&origin=editor&origin=scheduled', member)).map((s) => s.id)).not.toContain(
      (bare.body as Session).id,
    );
  });

  it('streams only the sessions that match', async () => {
    const client = subscribe('runtime=deno2', member);
    await client.until(() => client.retry !== undefined);
    const create = (runtime: string) =>
      server.api('POST', '/v1/sessions', member, { kind: 'flow', title: runtime, metadata: { runtime } });
    const other = (await create('node20')).body as Session;
    const deno = (await create('deno2')).body as Session;
    await client.until(() => client.data().some((s) => s.id === deno.id), 10_000, 'the deno2 session');
    expect(client.data().some((s) => s.id === other.id)).toBe(false);
  });

  it('answers an unknown origin or too many values with a 400 naming the parameter', async () => {
    expect(problemPaths(await server.api('GET', '/v1/sessions?origin=mobile', ADMIN))).toEqual([
      'query.origin.0',
    ]);
    const many = Array.from({ length: 21 }, (_, i) => `model=m${i}`).join('&');
    expect(problemPaths(await server.api('GET', `/v1/sessions?${many}`, ADMIN))).toEqual(['query.model']);
    expect(problemPaths(await server.api('GET', '/v1/stream?origin=web&origin=mobile', ADMIN))).toEqual([
      'query.origin.1',
    ]);
  });
});

/** Starts a session and ingests a transcript; returns its id. */
async function sessionWith(
  transcript: unknown[],
  token = member,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const started = await server.api('POST', '/v1/sessions', token, {
    kind: 'flow',
    title: 'Content',
    ...extra,
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const id = started.body.id as string;
  const res = await server.api('POST', `/v1/sessions/${id}/activity`, token, { transcript });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return id;
}

const say = (text: string) => ({ type: 'message', role: 'assistant', text });
const found = async (content: string, token = member, more = '') =>
  (await walk(`content=${encodeURIComponent(content)}${more}`, token)).map((s) => s.id);

describe('content search (A12)', () => {
  let id: string;
  beforeAll(async () => {
    id = await sessionWith([
      say('The Zebracorn migration stalls at 50%_off'),
      {
        type: 'tool_call',
        name: 'read_file',
        arguments: { path: 'src/kumquat.ts' },
        result: 'resultonly',
        status: 'succeeded',
      },
      { type: 'file_edit', path: 'docs/flamingo.md', before: 'beforeonly', after: 'afteronly' },
      { type: 'step', name: 'steponly', status: 'running' },
    ]);
  });

  it('finds every word anywhere in the transcript, case-insensitively and literally', async () => {
    expect(await found('zebracorn')).toEqual([id]);
    expect(await found('ZEBRACORN KUMQUAT flamingo.md')).toEqual([id]);
    expect(await found('read_file src/kumquat')).toEqual([id]);
    expect(await found('50%_off')).toEqual([id]);
    expect(await found('50%xoff')).toEqual([]);
    expect(await found('zebracorn nowhereword')).toEqual([]);
    // Tool results, file contents and step names are not searched.
    for (const word of ['resultonly', 'beforeonly', 'afteronly', 'steponly'])
      expect(await found(word)).toEqual([]);
  });

  it('combines with the other filters', async () => {
    expect(await found('zebracorn', member, '&kind=flow')).toEqual([id]);
    expect(await found('zebracorn', member, '&kind=chat')).toEqual([]);
    expect(await found('zebracorn', member, '&since=PT1H')).toEqual([id]);
    expect(await found('zebracorn', member, `&until=${encodeURIComponent(all.at(-1)!.updatedAt)}`)).toEqual(
      [],
    );
  });

  it('never matches a redacted secret, nor the marker that replaced it', async () => {
    const key = 'AKIA' + 'Q3M7ZP2X9K4TN6WB';
    const secret = await sessionWith([
      say(`deploy the okapiword build with AWS_ACCESS_KEY_ID=${key} please`),
      {
        type: 'tool_call',
        name: 'psql',
        arguments: { url: 'postgres://app:hunter2hunter2@db/x' },
        status: 'succeeded',
      },
    ]);
    const stored = JSON.stringify(
      (await server.api('GET', `/v1/sessions/${secret}/transcript`, member)).body,
    );
    const kinds = [...stored.matchAll(/\[REDACTED:([a-z0-9-]+)\]/g)].map((match) => match[1]!);
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    expect(await found('okapiword')).toEqual([secret]);
    for (const word of [key, key.slice(4, 12), 'hunter2hunter2', 'redacted', ...kinds]) {
      expect(await found(word, ADMIN), word).not.toContain(secret);
    }
  });

  it('searches only sessions the caller may see, and an embed token only inside its lock', async () => {
    const hidden = await sessionWith([say('capybara in private')], ADMIN);
    const put = await server.api('PUT', `/v1/sessions/${hidden}/visibility`, ADMIN, {
      type: 'list',
      members: [],
      groups: [],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const initiative = { id: 'init_checkout', title: 'Checkout' };
    const inside = await sessionWith([say('capybara inside')], member, { links: { initiative } });
    const outside = await sessionWith([say('capybara outside')]);
    expect((await found('capybara', ADMIN)).sort()).toEqual([hidden, inside, outside].sort());
    expect((await found('capybara')).sort()).toEqual([inside, outside].sort());
    const minted = await server.api('POST', '/v1/embed-tokens', member, {
      scope: 'initiative:init_checkout',
    });
    expect(minted.status).toBe(201);
    expect(await found('capybara', minted.body.token)).toEqual([inside]);
  });

  it('answers a malformed content with a 400 naming query.content', async () => {
    const many = Array.from({ length: 9 }, (_, i) => `word${i}`).join(' ');
    for (const bad of ['ab', '   ', '---', 'a.b.c', many, 'x'.repeat(201)]) {
      const res = await server.api('GET', `/v1/sessions?content=${encodeURIComponent(bad)}`, member);
      expect(problemPaths(res), bad).toEqual(['query.content']);
    }
    expect(problemPaths(await server.api('GET', '/v1/stream?content=ab', member))).toEqual(['query.content']);
  });

  it('streams a session once its transcript starts to match, and keeps it', async () => {
    const watcher = subscribe('content=narwhal', member);
    await watcher.until(() => watcher.retry !== undefined);
    const other = await sessionWith([say('nothing to see')]);
    const target = await sessionWith([say('still nothing')]);
    const post = (sid: string, text: string) =>
      server.api('POST', `/v1/sessions/${sid}/activity`, member, { transcript: [say(text)] });
    expect((await post(target, 'a NARWHAL appears')).status).toBe(200);
    await watcher.until(() => watcher.data().some((s) => s.id === target), 10_000, 'the match');
    expect((await post(target, 'and it swims on')).status).toBe(200);
    await watcher.until(() => watcher.data().filter((s) => s.id === target).length === 2, 10_000, 'the next');
    expect(watcher.events.filter((e) => e.data.includes(other))).toEqual([]);
  });
});

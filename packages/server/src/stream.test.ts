import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '@session-lens/sdk';
import {
  ADMIN,
  connected,
  openStream,
  startTestServer,
  type SseClient,
  type TestServer,
} from './test/harness.js';

let server: TestServer;
let member: string;
let noSpend: string;
let agent: string;
const clients: SseClient[] = [];

function subscribe(query = '', token?: string, headers: Record<string, string> = {}): SseClient {
  return openStream(`${server.url}/v1/stream${query ? `?${query}` : ''}`, token, headers, clients);
}

/** The position up to which the server pruned its event log. */
async function prunedThrough(): Promise<number> {
  const rows = await server.db.query<{ value: string }>(
    "select value from settings where key = 'events_pruned_through'",
  );
  return Number(rows[0]?.value ?? 0);
}

/** Waits until `check` holds, looking every 20 ms, or fails after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function startFlow(
  title: string,
  token = member,
  initiative?: { id: string; title: string },
): Promise<Session> {
  const res = await server.api('POST', '/v1/sessions', token, {
    kind: 'flow',
    title,
    ...(initiative ? { links: { initiative } } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as Session;
}

beforeAll(async () => {
  server = await startTestServer({
    seedSessions: 50,
    stream: { pingMs: 250, retention: 40, pruneMs: 150, retryMs: 1500 },
  });
  member = server.tokens.demo!.member;
  noSpend = server.tokens.demo!.memberNoSpend;
  agent = server.tokens.demo!.agents[0]!.token;
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.stop();
});

describe('GET /v1/stream', () => {
  it('sends retry on connect, pings, and delivers a committed change as a session event', async () => {
    const client = subscribe('', member);
    await connected(client);
    expect(client.retry).toBe(1500);
    const flow = await startFlow('Streamed flow');
    await client.until(() => client.data().some((s) => s.id === flow.id), 5000, 'the new flow');
    const event = client.events.find((e) => e.event === 'session' && JSON.parse(e.data).id === flow.id)!;
    expect(Number(event.id)).toBeGreaterThan(0);
    expect(Session.parse(JSON.parse(event.data)).version).toBe(1);
    await client.until(() => client.comments.includes('ping'), 3000, 'a ping');
  });

  it('applies filters and visibility, and strips cost without spend', async () => {
    const chats = subscribe('kind=chat', member);
    const blind = subscribe('', noSpend);
    const admin = subscribe('', ADMIN);
    await Promise.all([connected(chats), connected(blind), connected(admin)]);
    const task = (await server.api('POST', '/v1/sessions', agent, { kind: 'task', title: 'Costly' }))
      .body as Session;
    await server.api('POST', `/v1/sessions/${task.id}/activity`, agent, {
      status: 'running',
      turns: [{ model: 'm', pricing: 'priced', amountUsd: '1.25', tokens: 9 }],
    });
    const secret = await server.api('POST', '/v1/sessions', ADMIN, {
      kind: 'flow',
      title: 'Security only',
      visibility: { type: 'list', members: [], groups: ['g_security'] },
    });
    const chat = (await server.api('POST', '/v1/sessions', member, { kind: 'chat', title: 'Filtered chat' }))
      .body as Session;
    await admin.until(() => admin.data().some((s) => s.id === chat.id), 5000, 'admin sees the chat');
    await blind.until(() => blind.data().some((s) => s.id === chat.id), 5000, 'member sees the chat');
    await chats.until(() => chats.data().some((s) => s.id === chat.id), 5000, 'chat subscriber');
    expect(chats.data().every((s) => s.kind === 'chat')).toBe(true);
    expect(admin.data().some((s) => s.id === secret.body.id)).toBe(true);
    expect(blind.data().some((s) => s.id === secret.body.id)).toBe(false);
    expect(admin.data().find((s) => s.id === task.id && s.version === 2).cost.amountUsd).toBe('1.25');
    const seen = blind.data().find((s) => s.id === task.id && s.version === 2);
    expect(seen).toBeTruthy();
    expect(seen).not.toHaveProperty('cost');
    expect(blind.events.some((e) => e.data.includes('"cost"'))).toBe(false);
  });

  it('sends session.removed when a session leaves the view, and nothing after', async () => {
    const running = subscribe('status=running&kind=flow', member);
    const all = subscribe('', noSpend);
    await Promise.all([connected(running), connected(all)]);
    const a = await startFlow('Will be cancelled');
    const b = await startFlow('Will be hidden');
    await running.until(
      () => running.data().filter((s) => s.id === a.id || s.id === b.id).length === 2,
      5000,
      'both flows',
    );
    await server.api('POST', `/v1/sessions/${a.id}/cancel`, member);
    await running.until(
      () => running.data('session.removed').some((d) => d.id === a.id),
      5000,
      'removal by filter',
    );
    await all.until(() => all.data().some((s) => s.id === b.id), 5000, 'b visible');
    await server.api('PUT', `/v1/sessions/${b.id}/visibility`, ADMIN, {
      type: 'list',
      members: ['m_ana'],
      groups: [],
    });
    await all.until(
      () => all.data('session.removed').some((d) => d.id === b.id),
      5000,
      'removal by visibility',
    );
    await server.api('POST', `/v1/sessions/${b.id}/activity`, member, { status: 'paused' });
    const marker = await startFlow('Marker');
    await all.until(() => all.data().some((s) => s.id === marker.id), 5000, 'marker');
    expect(
      all
        .data()
        .filter((s) => s.id === b.id)
        .every((s) => s.visibility.type === 'workspace'),
    ).toBe(true);
  });

  it('replays exactly the missed events after Last-Event-ID (header or query)', async () => {
    const first = subscribe('kind=flow', member);
    await connected(first);
    const seed = await startFlow('Before the gap');
    await first.until(() => first.data().some((s) => s.id === seed.id), 5000, 'seed');
    const lastId = first.events[first.events.length - 1]!.id!;
    first.close();
    const missed: Session[] = [];
    for (let i = 0; i < 3; i += 1) missed.push(await startFlow(`Missed ${i}`));
    await server.api('POST', '/v1/sessions', member, { kind: 'chat', title: 'Filtered out' });
    for (const [query, headers] of [
      ['kind=flow', { 'last-event-id': lastId }],
      [`kind=flow&lastEventId=${lastId}`, {}],
    ] as const) {
      const again = subscribe(query, member, headers);
      await again.until(() => again.data().length >= missed.length, 5000, 'replay');
      // A live write after the replay marks its end: whatever the replay would add beyond the
      // missed events arrives before it (one connection delivers in commit order).
      const live = await startFlow('Live after replay');
      await again.until(() => again.data().some((s) => s.id === live.id), 5000, 'live after replay');
      expect(again.data().map((s) => s.id)).toEqual([...missed, live].map((s) => s.id));
      const ids = again.events.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(ids[0]).toBeGreaterThan(Number(lastId));
      again.close();
      // The next resume from the same id must include this one too.
      missed.push(live);
    }
  });

  it('sends reset when Last-Event-ID is older than the retained log', async () => {
    const probe = subscribe('', member);
    await connected(probe);
    const early = await startFlow('Early');
    await probe.until(() => probe.data().some((s) => s.id === early.id), 5000, 'early');
    const oldId = probe.events[probe.events.length - 1]!.id!;
    for (let i = 0; i < 60; i += 1)
      await server.api('POST', `/v1/sessions/${early.id}/activity`, member, {
        steps: [{ name: `s${i}`, status: 'completed' }],
      });
    // The log is pruned on a timer (pruneMs 150 here): wait until it has dropped the old id.
    await until(
      async () => (await prunedThrough()) > Number(oldId),
      10_000,
      'the log pruned past the old id',
    );
    const late = subscribe('', member, { 'last-event-id': oldId });
    await late.until(() => late.events.some((e) => e.event === 'reset'), 5000, 'reset');
    expect(late.data()).toHaveLength(0);
    const future = subscribe('', member, { 'last-event-id': '999999999' });
    await future.until(() => future.events.some((e) => e.event === 'reset'), 5000, 'reset for a future id');
  });

  it('locks an embed token to its scope on the stream', async () => {
    const embed = server.tokens.demo!.embed;
    const scoped = subscribe(`access_token=${embed}`);
    await connected(scoped);
    expect(scoped.status).toBe(200);
    const widened = subscribe(`scope=initiative:init_search&access_token=${embed}`);
    await connected(widened);
    expect(widened.status).toBe(403);
    const outside = await startFlow('Outside', member, { id: 'init_search', title: 'Search' });
    const inside = await startFlow('Inside', member, { id: 'init_checkout', title: 'Checkout v2' });
    await scoped.until(() => scoped.data().some((s) => s.id === inside.id), 5000, 'inside');
    expect(scoped.data().some((s) => s.id === outside.id)).toBe(false);
  });

  it('refuses a stream without a valid token, and a malformed Last-Event-ID', async () => {
    const none = subscribe('');
    const bad = subscribe('access_token=nope');
    const malformed = subscribe('', member, { 'last-event-id': 'abc' });
    await Promise.all([connected(none), connected(bad), connected(malformed)]);
    expect(none.status).toBe(401);
    expect(bad.status).toBe(401);
    expect(malformed.status).toBe(400);
  });
});

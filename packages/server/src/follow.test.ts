import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, TranscriptEntry } from '@session-lens/sdk';
import {
  ADMIN,
  connected,
  openStream,
  startTestServer,
  type SseClient,
  type TestServer,
} from './test/harness.js';

// A16: GET /v1/sessions/{id}/stream, against the real server on real PGlite.

let server: TestServer;
let member: string;
let noSpend: string;
const clients: SseClient[] = [];

function follow(id: string, token?: string, headers: Record<string, string> = {}, query = ''): SseClient {
  return openStream(
    `${server.url}/v1/sessions/${id}/stream${query ? `?${query}` : ''}`,
    token,
    headers,
    clients,
  );
}

/** A flow the admin starts (workspace-visible), with `entries` messages written at once. */
async function flowWith(entries: number, title = 'Followed flow'): Promise<Session> {
  const res = await server.api('POST', '/v1/sessions', ADMIN, { kind: 'flow', title });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const session = res.body as Session;
  return entries > 0 ? write(session.id, entries) : session;
}

let written = 0;
/** Writes `count` messages (and one priced turn) to a session as its writer, the admin. */
async function write(id: string, count: number): Promise<Session> {
  const transcript = Array.from({ length: count }, () => ({
    type: 'message',
    role: 'assistant',
    text: `line ${++written}`,
  }));
  const turns = [{ model: 'gpt-x', pricing: 'priced', amountUsd: '0.01', tokens: 10 }];
  const res = await server.api('POST', `/v1/sessions/${id}/activity`, ADMIN, { transcript, turns });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Session;
}

const entries = (client: SseClient) => client.data('entry').map((data) => TranscriptEntry.parse(data));
const ids = (client: SseClient, event: string) =>
  client.events.filter((e) => e.event === event).map((e) => Number(e.id));

beforeAll(async () => {
  server = await startTestServer({ seedSessions: 20, stream: { pingMs: 250, retryMs: 1500 } });
  member = server.tokens.demo!.member;
  noSpend = server.tokens.demo!.memberNoSpend;
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.stop();
});

describe('GET /v1/sessions/{id}/stream', () => {
  it('starts at the transcript’s end with the session, then sends each new entry before the change', async () => {
    const flow = await flowWith(3);
    const client = follow(flow.id, member);
    await connected(client);
    expect(client.retry).toBe(1500);
    await client.until(() => client.data().length === 1, 5000, 'the session');
    // No history without Last-Event-ID: the position is the transcript's current end.
    expect(client.events.map((e) => [e.event, e.id])).toEqual([['session', '3']]);
    expect(Session.parse(client.data()[0]).version).toBe(flow.version);

    const changed = await write(flow.id, 2);
    await client.until(() => client.data().length === 2, 5000, 'the change');
    expect(client.events.map((e) => [e.event, e.id])).toEqual([
      ['session', '3'],
      ['entry', '4'],
      ['entry', '5'],
      ['session', '5'],
    ]);
    expect(entries(client).map((entry) => entry.seq)).toEqual([4, 5]);
    expect(Session.parse(client.data()[1])).toMatchObject({ version: changed.version, cost: changed.cost });
    await client.until(() => client.comments.includes('ping'), 3000, 'a ping');
  });

  it('resumes after Last-Event-ID (header or query): every later entry once, then the session', async () => {
    const flow = await flowWith(4);
    const header = follow(flow.id, member, { 'last-event-id': '1' });
    const query = follow(flow.id, member, {}, 'lastEventId=3');
    await header.until(() => header.data().length === 1, 5000, 'the header resume');
    await query.until(() => query.data().length === 1, 5000, 'the query resume');
    expect(ids(header, 'entry')).toEqual([2, 3, 4]);
    expect(ids(query, 'entry')).toEqual([4]);
    expect(ids(header, 'session')).toEqual([4]);
    await write(flow.id, 1);
    await header.until(() => header.data().length === 2, 5000, 'live after the replay');
    expect(ids(header, 'entry')).toEqual([2, 3, 4, 5]);
  });

  it('answers reset for a position past the transcript’s end, and 400 for a malformed one', async () => {
    const flow = await flowWith(2);
    const future = follow(flow.id, member, { 'last-event-id': '99' });
    await future.until(() => future.data().length === 1, 5000, 'the session after reset');
    expect(future.events.map((e) => e.event)).toEqual(['reset', 'session']);
    expect(ids(future, 'session')).toEqual([2]);
    const malformed = follow(flow.id, member, { 'last-event-id': 'x' });
    await connected(malformed);
    expect(malformed.status).toBe(400);
  });

  it('is authorized like GET of the session: 401, 404 for a session out of view, embed tokens in scope', async () => {
    const flow = await flowWith(0);
    const none = follow(flow.id);
    const missing = follow('s_does_not_exist', member);
    const byQuery = follow(flow.id, undefined, {}, `access_token=${member}`);
    await Promise.all([connected(none), connected(missing), connected(byQuery)]);
    expect(none.status).toBe(401);
    expect(missing.status).toBe(404);
    expect(byQuery.status).toBe(200);

    const hidden = await flowWith(0, 'Hidden flow');
    const res = await server.api('PUT', `/v1/sessions/${hidden.id}/visibility`, ADMIN, {
      type: 'list',
      members: [],
      groups: [],
    });
    expect(res.status).toBe(200);
    const refused = follow(hidden.id, member);
    await connected(refused);
    expect(refused.status).toBe(404);

    // The embed token is locked to initiative:init_checkout: a session outside it does not exist.
    const embed = server.tokens.demo!.embed;
    const outside = follow(flow.id, embed);
    const started = await server.api('POST', '/v1/sessions', ADMIN, {
      kind: 'flow',
      title: 'In scope',
      links: { initiative: { id: 'init_checkout', title: 'Checkout v2' } },
    });
    const inside = follow((started.body as Session).id, embed);
    await Promise.all([connected(outside), connected(inside)]);
    expect(outside.status).toBe(404);
    expect(inside.status).toBe(200);
  });

  it('removes cost without spend visibility', async () => {
    const flow = await flowWith(1);
    const client = follow(flow.id, noSpend);
    await client.until(() => client.data().length === 1, 5000, 'the session');
    await write(flow.id, 1);
    await client.until(() => client.data().length === 2, 5000, 'the change');
    expect(flow.cost).toBeDefined();
    for (const session of client.data()) expect(session).not.toHaveProperty('cost');
  });

  it('says session.removed and ends when the session leaves the caller’s view', async () => {
    const flow = await flowWith(1);
    const client = follow(flow.id, member);
    await client.until(() => client.data().length === 1, 5000, 'the session');
    await server.api('PUT', `/v1/sessions/${flow.id}/visibility`, ADMIN, {
      type: 'list',
      members: [],
      groups: [],
    });
    await client.until(() => client.events.some((e) => e.event === 'session.removed'), 5000, 'the removal');
    await client.done;
    expect(client.data('session.removed')).toEqual([{ id: flow.id }]);
  });
});

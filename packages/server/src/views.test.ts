import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_VIEWS_PER_OWNER, Problem, type Session, type View } from '@session-lens/sdk';
import { ADMIN, SseClient, startTestServer, walkSessions, type TestServer } from './test/harness.js';

// Saved views (A13, issue 15) against the real server: private, shared, deleted, applied with
// `view=` on the list and the stream, and never wider than the token that applies them.

let server: TestServer;
let ana: string;
let ben: string;
const clients: SseClient[] = [];

const ids = (sessions: readonly Session[]) => sessions.map((s) => s.id).sort();

/** Every page of a list, following nextCursor. */
const walk = (query: string, token: string) => walkSessions(server, query, token);

function problem(res: { status: number; body: unknown }, status: number): Problem {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return Problem.parse(res.body);
}

async function save(token: string, body: Record<string, unknown>): Promise<View> {
  const res = await server.api('POST', '/v1/views', token, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as View;
}

beforeAll(async () => {
  server = await startTestServer({ seedSessions: 200 });
  ana = server.tokens.demo!.member; // m_ana
  ben = server.tokens.demo!.memberNoSpend; // m_ben
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.stop();
});

describe('saved views (A13)', () => {
  it('keeps a private view to its owner, and applies it like its filters', async () => {
    const view = await save(ana, { name: '  Flows this week ', filters: { kind: ['flow'], since: 'P7D' } });
    expect(view).toMatchObject({ name: 'Flows this week', shared: false, ownerId: 'm_ana' });
    expect(ids(await walk(`view=${view.id}`, ana))).toEqual(ids(await walk('kind=flow&since=P7D', ana)));
    expect((await server.api('GET', '/v1/views', ana)).body.data.map((v: View) => v.id)).toContain(view.id);
    expect((await server.api('GET', '/v1/views', ben)).body.data.map((v: View) => v.id)).not.toContain(
      view.id,
    );
    problem(await server.api('GET', `/v1/views/${view.id}`, ben), 404);
    expect(problem(await server.api('GET', `/v1/sessions?view=${view.id}`, ben), 400).errors?.[0]?.path).toBe(
      'query.view',
    );
  });

  it('shares a view: every member reads and applies it, only its owner changes it', async () => {
    const view = await save(ana, { name: 'Failed', filters: { status: ['failed'] } });
    const shared = await server.api('PATCH', `/v1/views/${view.id}`, ana, { shared: true });
    expect(shared.body).toMatchObject({ shared: true, name: 'Failed' });
    expect((await server.api('GET', '/v1/views', ben)).body.data.map((v: View) => v.id)).toContain(view.id);
    expect((await server.api('GET', `/v1/views/${view.id}`, ben)).status).toBe(200);
    expect(ids(await walk(`view=${view.id}`, ben))).toEqual(ids(await walk('status=failed', ben)));
    problem(await server.api('PATCH', `/v1/views/${view.id}`, ben, { name: 'Mine now' }), 403);
    problem(await server.api('DELETE', `/v1/views/${view.id}`, ben), 403);
    // A filter given with the view replaces the view's value for that filter.
    const chats = await walk(`view=${view.id}&status=completed&kind=chat`, ben);
    expect(ids(chats)).toEqual(ids(await walk('status=completed&kind=chat', ben)));
  });

  it('renames and refilters (filters replaced whole); a deleted view is gone everywhere', async () => {
    const view = await save(ana, { name: 'Tasks', filters: { kind: ['task'], active: true } });
    const renamed = await server.api('PATCH', `/v1/views/${view.id}`, ana, {
      name: 'Chats',
      filters: { kind: ['chat'] },
    });
    expect(renamed.body).toMatchObject({ name: 'Chats', filters: { kind: ['chat'] } });
    expect(renamed.body.filters.active).toBeUndefined();
    const deleted = await server.api('DELETE', `/v1/views/${view.id}`, ana);
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(view.id);
    problem(await server.api('GET', `/v1/views/${view.id}`, ana), 404);
    problem(await server.api('DELETE', `/v1/views/${view.id}`, ana), 404);
    expect(problem(await server.api('GET', `/v1/sessions?view=${view.id}`, ana), 400).errors?.[0]?.path).toBe(
      'query.view',
    );
    expect(problem(await server.api('GET', `/v1/stream?view=${view.id}`, ana), 400).errors?.[0]?.path).toBe(
      'query.view',
    );
  });

  it('never widens an embed token: its lock applies on top, and a view outside it is refused', async () => {
    const everything = await save(ana, { name: 'Everything', shared: true });
    const elsewhere = await save(ana, {
      name: 'Search',
      filters: { scope: 'initiative:init_search' },
      shared: true,
    });
    const minted = await server.api('POST', '/v1/embed-tokens', ana, { scope: 'initiative:init_checkout' });
    const embed = minted.body.token as string;
    const locked = await walk('', embed);
    expect(locked.length).toBeGreaterThan(0);
    expect(ids(await walk(`view=${everything.id}`, embed))).toEqual(ids(locked));
    expect(ids(await walk(`view=${everything.id}`, ana)).length).toBeGreaterThan(locked.length);
    problem(await server.api('GET', `/v1/sessions?view=${elsewhere.id}`, embed), 403);
    problem(await server.api('GET', `/v1/stream?view=${elsewhere.id}`, embed), 403);
    problem(await server.api('POST', '/v1/views', embed, { name: 'From an embed' }), 403);
    problem(await server.api('PATCH', `/v1/views/${everything.id}`, embed, { name: 'x' }), 403);
  });

  it('streams with a view', async () => {
    const view = await save(ana, { name: 'Chats', filters: { kind: ['chat'] } });
    const client = new SseClient(`${server.url}/v1/stream?view=${view.id}`, {
      authorization: `Bearer ${ana}`,
    });
    clients.push(client);
    await client.until(() => client.retry !== undefined);
    const flow = await server.api('POST', '/v1/sessions', ana, { kind: 'flow', title: 'Not a chat' });
    const chat = await server.api('POST', '/v1/sessions', ana, { kind: 'chat', title: 'A chat' });
    await client.until(() => client.data().some((s) => s.id === chat.body.id), 10_000, 'the chat');
    expect(client.data().some((s) => s.id === flow.body.id)).toBe(false);
  });

  it('answers bad views with a 400 naming the path, and caps views per member', async () => {
    const paths = async (body: unknown) =>
      problem(await server.api('POST', '/v1/views', ana, body), 400).errors!.map((e) => e.path);
    expect(await paths({ name: ' ' })).toEqual(['body.name']);
    expect(await paths({ name: 'x'.repeat(101) })).toEqual(['body.name']);
    expect(await paths({ name: 'Bad', filters: { since: 'yesterday' } })).toEqual(['body.filters.since']);
    expect(await paths({ name: 'Bad', filters: { content: 'ab' } })).toEqual(['body.filters.content']);
    expect(await paths({ name: 'Typo', filters: { stauts: ['failed'] } })).toEqual(['body.filters']);
    expect(await paths({ name: 'Nested', filters: { view: 'view_x' } })).toEqual(['body.filters']);
    const view = await save(ana, { name: 'To patch' });
    const patch = problem(await server.api('PATCH', `/v1/views/${view.id}`, ana, {}), 400);
    expect(patch.errors?.[0]?.path).toBe('body');
    const [{ n }] = await server.db.query<{ n: number }>(
      "select count(*)::int as n from views where owner_id = 'm_ana'",
    );
    for (let i = n; i < MAX_VIEWS_PER_OWNER; i += 1) await save(ana, { name: `View ${i}` });
    problem(await server.api('POST', '/v1/views', ana, { name: 'One too many' }), 409);
    expect((await server.api('POST', '/v1/views', ADMIN, { name: 'Another member' })).status).toBe(201);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BulkResult, MAX_BULK_SESSIONS, Problem, type Session } from '@session-lens/sdk';
import { ADMIN, startTestServer, type TestServer } from './test/harness.js';
import { upsertToken } from './workspace.js';

// A15: POST /v1/sessions/bulk against the real server on real PGlite.

let server: TestServer;
let member: string;

beforeAll(async () => {
  // More sessions than one call takes by filters.
  server = await startTestServer({ seedSessions: MAX_BULK_SESSIONS + 50 });
  member = server.tokens.demo!.member;
});

afterAll(async () => {
  await server?.stop();
});

async function start(kind: 'flow' | 'task' | 'chat', extra: Record<string, unknown> = {}): Promise<string> {
  const res = await server.api('POST', '/v1/sessions', ADMIN, { kind, title: `bulk ${kind}`, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function read(id: string): Promise<Session> {
  const res = await server.api('GET', `/v1/sessions/${id}`, ADMIN);
  expect(res.status).toBe(200);
  return res.body as Session;
}

const bulk = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  server.api('POST', '/v1/sessions/bulk', token, body, headers);

function expectProblem(res: { status: number; headers: Headers; body: unknown }, status: number): Problem {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return Problem.parse(res.body);
}

describe('bulk cancel of a mixed selection', () => {
  it('reports each session as its single action would, and changes only the allowed ones', async () => {
    const flow = await start('flow');
    const task = await start('task');
    const chat = await start('chat');
    const cancelled = await start('flow');
    await server.api('POST', `/v1/sessions/${cancelled}/cancel`, ADMIN);
    const hidden = await start('flow', { visibility: { type: 'list', members: [], groups: ['g_security'] } });
    const ids = [flow, chat, 'ses_does_not_exist', task, cancelled, hidden, flow];
    const before = new Map<string, Session>();
    for (const id of [chat, cancelled, hidden]) before.set(id, await read(id));

    const res = await bulk(member, { action: 'cancel', ids });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const result = BulkResult.parse(res.body);
    // One outcome per id, in the order given, a repeated id once.
    expect(result.results.map((r) => [r.id, r.status])).toEqual([
      [flow, 'done'],
      [chat, 'refused'],
      ['ses_does_not_exist', 'unknown'],
      [task, 'done'],
      [cancelled, 'refused'],
      [hidden, 'unknown'],
    ]);
    expect([result.done, result.refused, result.unknown, result.nextCursor]).toEqual([2, 2, 2, null]);
    const byId = new Map(result.results.map((r) => [r.id, r]));
    // The problems are the single action's: 409 with the current status, 404 for what cannot be seen.
    expect(byId.get(chat)!.problem).toMatchObject({ status: 409, currentStatus: before.get(chat)!.status });
    expect(byId.get(cancelled)!.problem).toMatchObject({ status: 409, currentStatus: 'cancelled' });
    expect(byId.get(hidden)!.problem).toMatchObject({ status: 404 });
    expect(byId.get('ses_does_not_exist')!.problem).toEqual(byId.get(hidden)!.problem);
    expect(byId.get(flow)!.problem).toBeUndefined();

    for (const id of [flow, task]) {
      const now = await read(id);
      expect(now.status).toBe('cancelled');
      expect(now.endedAt).toBe(now.updatedAt);
    }
    for (const [id, session] of before) expect(await read(id)).toEqual(session);
  });

  it('answers a retry with its Idempotency-Key from the first call and changes nothing more', async () => {
    const flow = await start('flow');
    const other = await start('task');
    const body = { action: 'cancel', ids: [flow, 'ses_missing'] };
    const headers = { 'idempotency-key': `bulk-${flow}` };
    const first = await bulk(member, body, headers);
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const afterFirst = await read(flow);

    const again = await bulk(member, body, headers);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await read(flow)).toEqual(afterFirst);
    // Without the key the same call is a new one: the flow is already cancelled now.
    const fresh = await bulk(member, body);
    expect(fresh.body.results[0]).toMatchObject({ id: flow, status: 'refused' });

    // The same key with another request is refused, and takes no action.
    const reused = await bulk(member, { action: 'cancel', ids: [other] }, headers);
    expect(expectProblem(reused, 409).type).toContain('idempotency-key-reused');
    expect((await read(other)).status).not.toBe('cancelled');
  });

  it('ends chats by filters', async () => {
    const plan = { plan: { id: 'plan_bulk_end', title: 'Bulk end' } };
    const chats = [await start('chat', { links: plan }), await start('chat', { links: plan })];
    const flow = await start('flow', { links: plan });
    const res = await bulk(member, { action: 'end', filters: { scope: 'plan:plan_bulk_end' } });
    const result = BulkResult.parse(res.body);
    expect(result.results.map((r) => r.id).sort()).toEqual([...chats, flow].sort());
    expect(result.results.find((r) => r.id === flow)).toMatchObject({ status: 'refused' });
    expect([result.done, result.refused, result.unknown, result.nextCursor]).toEqual([2, 1, 0, null]);
    for (const id of chats) expect((await read(id)).status).toBe('ended');
    expect((await read(flow)).status).not.toBe('ended');
  });
});

describe('bulk by a saved view (A13)', () => {
  it("acts on the view's matches, with the request's own filters in place of the view's", async () => {
    const plan = { plan: { id: 'plan_bulk_view', title: 'Bulk view' } };
    const flows = [await start('flow', { links: plan }), await start('flow', { links: plan })];
    const task = await start('task', { links: plan });
    const saved = await server.api('POST', '/v1/views', member, {
      name: 'Bulk view flows',
      filters: { scope: 'plan:plan_bulk_view', kind: ['flow'] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const view = saved.body.id as string;

    // The request's kind replaces the view's: the task only.
    const tasks = BulkResult.parse(
      (await bulk(member, { action: 'cancel', filters: { view, kind: ['task'] } })).body,
    );
    expect(tasks.results.map((r) => [r.id, r.status])).toEqual([[task, 'done']]);
    const res = await bulk(member, { action: 'cancel', filters: { view } });
    const result = BulkResult.parse(res.body);
    expect(result.results.map((r) => r.id).sort()).toEqual([...flows].sort());
    expect([result.done, result.refused, result.unknown]).toEqual([2, 0, 0]);
    for (const id of flows) expect((await read(id)).status).toBe('cancelled');
  });
});

describe('who may act in bulk', () => {
  it('needs the scope of the action it names; each session is then checked as its single action', async () => {
    const flow = await start('flow');
    const { reader, embed, agents } = server.tokens.demo!;
    for (const token of [reader, embed, agents[0]!.token]) {
      expectProblem(await bulk(token, { action: 'cancel', ids: [flow] }), 403);
    }
    // A token that may end chats but not cancel: the end is checked per session, the cancel is a 403.
    const ender = 'test-bulk-ender-token';
    await upsertToken(server.db, ender, {
      label: 'ender',
      principal: 'member',
      memberId: 'm_ana',
      scopes: ['sessions:read', 'conversations:manage'],
    });
    expect(expectProblem(await bulk(ender, { action: 'cancel', ids: [flow] }), 403).detail).toContain(
      'sessions:cancel-any',
    );
    const ended = await bulk(ender, { action: 'end', ids: [flow] });
    expect(ended.body.results[0]).toMatchObject({ status: 'refused', problem: { status: 409 } });
    expect((await read(flow)).status).not.toBe('cancelled');
  });
});

describe('bad bulk requests', () => {
  it('are 400 with the path, and change nothing', async () => {
    const flow = await start('flow');
    const cases: [unknown, string][] = [
      [{ action: 'cancel' }, 'body.ids'],
      [{ action: 'cancel', ids: [flow], filters: {} }, 'body.ids'],
      [{ action: 'cancel', ids: [] }, 'body.ids'],
      [{ action: 'archive', ids: [flow] }, 'body.action'],
      [{ action: 'cancel', ids: [flow], cursor: 'abc' }, 'body.cursor'],
      [{ action: 'cancel', filters: { kind: ['meeting'] } }, 'body.filters.kind.0'],
      [{ action: 'cancel', filters: {}, cursor: 'forged.cursor' }, 'body.cursor'],
      [{ action: 'cancel', filters: { since: 'yesterday' } }, 'body.filters.since'],
      [{ action: 'cancel', filters: { view: 'view_no_such_view' } }, 'body.filters.view'],
      [
        { action: 'cancel', filters: { since: '2026-12-02T00:00:00Z', until: '2026-12-01T00:00:00Z' } },
        'body.filters.until',
      ],
    ];
    for (const [body, path] of cases) {
      const problem = expectProblem(await bulk(member, body), 400);
      expect(
        problem.errors!.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(path);
    }
    expect((await read(flow)).status).not.toBe('cancelled');
  });

  it(`takes at most ${MAX_BULK_SESSIONS} ids a call`, async () => {
    const flow = await start('flow');
    const ids = [flow, ...Array.from({ length: MAX_BULK_SESSIONS }, (_, i) => `ses_x${i}`)];
    const problem = expectProblem(await bulk(member, { action: 'cancel', ids }), 400);
    expect(problem.errors!.map((e) => e.path)).toEqual(['body.ids']);
    expect((await read(flow)).status).not.toBe('cancelled');
    const most = await bulk(member, { action: 'cancel', ids: ids.slice(0, MAX_BULK_SESSIONS) });
    expect(most.status).toBe(200);
    expect([most.body.done, most.body.unknown]).toEqual([1, MAX_BULK_SESSIONS - 1]);
  });
});

describe('the bound of a call by filters', () => {
  // Last: it acts on every session of the workspace.
  it(`takes the first ${MAX_BULK_SESSIONS} matches in S9 order, then the rest through the cursor`, async () => {
    const first = BulkResult.parse((await bulk(ADMIN, { action: 'cancel', filters: {} })).body);
    expect(first.results).toHaveLength(MAX_BULK_SESSIONS);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = BulkResult.parse(
      (await bulk(ADMIN, { action: 'cancel', filters: {}, cursor: first.nextCursor })).body,
    );
    expect(second.nextCursor).toBeNull();
    const seen = new Set([...first.results, ...second.results].map((r) => r.id));
    const total = first.results.length + second.results.length;
    // Each session once, none left: what the calls changed moved in S9 order, behind the cursor.
    expect(seen.size).toBe(total);
    const left = await server.api('GET', '/v1/sessions?kind=flow&kind=task&active=true&limit=5', ADMIN);
    expect(left.body.data).toEqual([]);
  });
});

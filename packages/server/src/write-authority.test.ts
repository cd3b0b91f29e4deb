import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem, type Scope } from '@session-lens/sdk';
import { upsertToken } from './workspace.js';
import { ADMIN, startTestServer, type ApiResponse, type TestServer } from './test/harness.js';

// A19 and A3: who may write a session's activity, which activity statuses are a cancel or an
// end, who may start what. Each case runs against the real server on PGlite.

let server: TestServer;
/** m_ana: every scope but sessions:admin. */
let ana: string;
/** m_ben: every scope but sessions:admin and spend:read. */
let ben: string;
/** The agent ag_web1 (held by m_sarah): sessions:read, flows:read, sessions:write. */
let web1: string;
/** The agent ag_bastion1 (held by m_dev). */
let bastion: string;
/** m_ana with sessions:write only (no cancel-any, no conversations:manage). */
let anaWriteOnly: string;
let embed: string;

const RESTRICTED = { type: 'list', members: [], groups: ['g_security'] } as const;

function expectProblem(res: ApiResponse, status: number): Problem {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return Problem.parse(res.body);
}

async function start(token: string, body: Record<string, unknown>): Promise<string> {
  const res = await server.api('POST', '/v1/sessions', token, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** Starts a session that must be refused with `status`; returns the problem. */
async function refusedStart(token: string, body: Record<string, unknown>, status: number): Promise<Problem> {
  return expectProblem(await server.api('POST', '/v1/sessions', token, body), status);
}

const activity = (token: string, id: string, body: unknown, headers?: Record<string, string>) =>
  server.api('POST', `/v1/sessions/${id}/activity`, token, body, headers);

async function token(label: string, memberId: string, scopes: Scope[]): Promise<string> {
  const value = `test-${label}`;
  await upsertToken(server.db, value, { label, principal: 'member', memberId, scopes });
  return value;
}

/** Submits every running assessment of an agent, so a test can start one of its own. */
async function freeAgent(agentId: string): Promise<void> {
  const res = await server.api(
    'GET',
    `/v1/sessions?kind=assessment&status=running&agent=${agentId}&limit=200`,
    ADMIN,
  );
  for (const s of res.body.data as { id: string }[])
    await server.api('POST', `/v1/sessions/${s.id}/submit`, ADMIN, { summary: 'done' });
}

beforeAll(async () => {
  server = await startTestServer({ seedSessions: 60 });
  const demo = server.tokens.demo!;
  ana = demo.member;
  ben = demo.memberNoSpend;
  web1 = demo.agents.find((a) => a.agentId === 'ag_web1')!.token;
  bastion = demo.agents.find((a) => a.agentId === 'ag_bastion1')!.token;
  embed = demo.embed;
  anaWriteOnly = await token('ana-write-only', 'm_ana', ['sessions:read', 'flows:read', 'sessions:write']);
});

afterAll(async () => {
  await server?.stop();
});

describe('activity is accepted only from the session writer or sessions:admin (A19)', () => {
  it("refuses an agent writing into a member's flow, and a member writing into another member's", async () => {
    const flow = await start(ana, { kind: 'flow', title: "Ana's flow" });
    const byAgent = expectProblem(await activity(web1, flow, { status: 'cancelled' }), 403);
    expect(byAgent.detail).toMatch(/writer/);
    expectProblem(
      await activity(ben, flow, { transcript: [{ type: 'message', role: 'user', text: 'hi' }] }),
      403,
    );
    expectProblem(await activity(ben, flow, { status: 'failed' }), 403);
    const after = await server.api('GET', `/v1/sessions/${flow}`, ADMIN);
    expect(after.body.status).toBe('running');
    expect(after.body.version).toBe(1);
    // The writer itself, and an admin, may.
    expect((await activity(ana, flow, { status: 'paused' })).status).toBe(200);
    expect((await activity(ADMIN, flow, { status: 'running' })).status).toBe(200);
  });

  it("refuses an agent writing into another agent's assessment, and submitting it", async () => {
    await freeAgent('ag_web1');
    const assessment = await start(web1, { kind: 'assessment', playbook: 'cis-benchmark' });
    expectProblem(
      await activity(bastion, assessment, {
        transcript: [{ type: 'message', role: 'assistant', text: 'not mine' }],
      }),
      403,
    );
    expectProblem(
      await server.api('POST', `/v1/sessions/${assessment}/submit`, bastion, { summary: 'x' }),
      403,
    );
    expectProblem(await server.api('POST', `/v1/sessions/${assessment}/submit`, ana, { summary: 'x' }), 403);
    const own = await server.api('POST', `/v1/sessions/${assessment}/submit`, web1, { summary: 'ok' });
    expect(own.body.status).toBe('pending_review');
  });

  it('answers 404, not 403, when the caller cannot see the session', async () => {
    const hidden = await start(ADMIN, { kind: 'flow', title: 'hidden', visibility: RESTRICTED });
    expectProblem(await activity(ben, hidden, { status: 'paused' }), 404);
  });

  it('keeps an agent-started session to that agent, not to the member holding the agent token', async () => {
    const task = await start(web1, { kind: 'task', title: 'agent task' });
    const sarah = await token('sarah', 'm_sarah', ['sessions:read', 'sessions:write']);
    expectProblem(await activity(sarah, task, { status: 'running' }), 403);
    expect((await activity(web1, task, { status: 'running' })).status).toBe(200);
  });
});

describe('activity statuses that amount to a cancel or an end need the A5 scopes', () => {
  it('a writer without sessions:cancel-any cannot cancel its own flow or task through activity', async () => {
    const flow = await start(web1, { kind: 'flow', title: 'agent flow' });
    const task = await start(anaWriteOnly, { kind: 'task', title: 'write-only task' });
    for (const [who, id] of [
      [web1, flow],
      [anaWriteOnly, task],
    ] as const) {
      for (const status of ['cancelled', 'discarded', 'skipped']) {
        const problem = expectProblem(await activity(who, id, { status }), 403);
        expect(problem.detail).toContain('sessions:cancel-any');
      }
    }
    // Their own outcomes are theirs to report.
    expect((await activity(web1, flow, { status: 'completed' })).body.status).toBe('completed');
    expect((await activity(anaWriteOnly, task, { status: 'failed' })).body.status).toBe('failed');
    const withScope = await start(ana, { kind: 'flow', title: 'cancel through activity' });
    expect((await activity(ana, withScope, { status: 'cancelled' })).body.status).toBe('cancelled');
  });

  it('a writer without conversations:manage cannot close its own chat through activity', async () => {
    const chat = await start(web1, { kind: 'chat', title: 'agent chat' });
    for (const status of ['failed', 'ended', 'completed', 'cancelled']) {
      const problem = expectProblem(await activity(web1, chat, { status }), 403);
      expect(problem.detail).toContain('conversations:manage');
    }
    expect((await activity(web1, chat, { status: 'streaming' })).status).toBe(200);
    const own = await start(ana, { kind: 'chat', title: 'ana chat' });
    const ended = await activity(ana, own, { status: 'ended' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.status).toBe('ended');
    expect(ended.body.endedAt).toBeTruthy();
  });

  it('never bypasses submit and review: no review statuses, nothing written while pending review', async () => {
    await freeAgent('ag_web1');
    const assessment = await start(web1, { kind: 'assessment', playbook: 'tls-review' });
    for (const status of ['pending_review', 'reviewed', 'rejected', 'completed', 'cancelled']) {
      expectProblem(await activity(web1, assessment, { status }), 409);
    }
    await server.api('POST', `/v1/sessions/${assessment}/submit`, web1, { summary: 'ready' });
    const during = expectProblem(
      await activity(web1, assessment, {
        insights: [{ title: 'late', severity: 'low', state: 'open', detail: 'after submit' }],
      }),
      409,
    );
    expect(during.currentStatus).toBe('pending_review');
    expect((await server.api('GET', `/v1/sessions/${assessment}/insights`, ADMIN)).body.data).toEqual([]);
  });
});

describe('starting sessions (A3)', () => {
  it('an agent token starts assessments for its own agent only', async () => {
    await freeAgent('ag_bastion1');
    const problem = await refusedStart(
      web1,
      {
        kind: 'assessment',
        agentId: 'ag_bastion1',
        playbook: 'cis-benchmark',
      },
      403,
    );
    expect(problem.detail).toContain('ag_web1');
    await refusedStart(web1, { kind: 'task', title: 'x', agentId: 'ag_bastion1' }, 403);
    const running = await server.api(
      'GET',
      '/v1/sessions?kind=assessment&status=running&agent=ag_bastion1',
      ADMIN,
    );
    expect(running.body.data).toEqual([]);
  });

  it('setting visibility on create needs sessions:admin', async () => {
    const problem = await refusedStart(ana, { kind: 'flow', title: 'x', visibility: RESTRICTED }, 403);
    expect(problem.detail).toContain('sessions:admin');
    await refusedStart(web1, { kind: 'flow', visibility: { type: 'workspace' } }, 403);
    const admin = await server.api('POST', '/v1/sessions', ADMIN, { kind: 'flow', visibility: RESTRICTED });
    expect(admin.status).toBe(201);
    expect(admin.body.visibility).toEqual(RESTRICTED);
  });

  it('the 409 of a second assessment names the running one only to a caller who may see it', async () => {
    await freeAgent('ag_db1');
    const hidden = await start(ADMIN, {
      kind: 'assessment',
      agentId: 'ag_db1',
      playbook: 'cis-benchmark',
      visibility: RESTRICTED,
    });
    const blind = await refusedStart(ana, { kind: 'assessment', agentId: 'ag_db1', playbook: 'x' }, 409);
    expect(blind.runningSessionId).toBeUndefined();
    expect(JSON.stringify(blind)).not.toContain(hidden);
    const seeing = await refusedStart(
      ADMIN,
      {
        kind: 'assessment',
        agentId: 'ag_db1',
        playbook: 'x',
      },
      409,
    );
    expect(seeing.runningSessionId).toBe(hidden);
  });
});

describe('idempotent replays', () => {
  it('re-check that the caller can still see the session', async () => {
    const flow = await start(ADMIN, { kind: 'flow', title: 'replayed cancel' });
    const headers = { 'idempotency-key': 'cancel-once' };
    const first = await server.api('POST', `/v1/sessions/${flow}/cancel`, ana, undefined, headers);
    expect(first.status).toBe(200);
    const again = await server.api('POST', `/v1/sessions/${flow}/cancel`, ana, undefined, headers);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    await server.api('PUT', `/v1/sessions/${flow}/visibility`, ADMIN, RESTRICTED);
    const revoked = await server.api('POST', `/v1/sessions/${flow}/cancel`, ana, undefined, headers);
    expectProblem(revoked, 404);
    expect(JSON.stringify(revoked.body)).not.toContain('replayed cancel');
  });
});

describe('GET /v1/members for an embed token', () => {
  it('gives names and avatars, never emails or group membership', async () => {
    const asMember = await server.api('GET', '/v1/members', ana);
    expect(asMember.body.data.some((m: { email?: string }) => m.email)).toBe(true);
    const res = await server.api('GET', '/v1/members', embed);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBe(asMember.body.data.length);
    for (const m of res.body.data as Record<string, unknown>[]) {
      expect(Object.keys(m).sort()).toEqual(expect.arrayContaining(['groups', 'id', 'name']));
      expect(m).not.toHaveProperty('email');
      expect(m.groups).toEqual([]);
    }
    expect(res.body.data.some((m: { avatarUrl?: string }) => m.avatarUrl)).toBe(
      asMember.body.data.some((m: { avatarUrl?: string }) => m.avatarUrl),
    );
    expect(res.body.groups).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain('@');
    const me = await server.api('GET', '/v1/me', embed);
    expect(me.body.member).not.toHaveProperty('email');
  });
});

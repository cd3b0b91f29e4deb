// End to end against the real reference server (PGlite in a temp dir, demo seed, simulator):
// every client method, filters, pagination under writes, and every error class the server can
// produce. No mocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SessionLensClient } from '../client/client.js';
import type { Session } from '../contract/session.js';
import * as apiErrors from '../errors/api-error.js';
import { isAPIConnectionError } from '../errors/connection-error.js';
import { isActive } from '../helpers/active.js';
import { compareSessions } from '../helpers/order.js';
import { createSessionTools } from '../tools/session-tools.js';
import { startRealServer, type RealServer } from '../../test/real-server.js';

let server: RealServer;
let member: SessionLensClient;
let tokens: NonNullable<RealServer['tokens']['demo']>;
const client = (token: string, retry = 0) => createClient({ baseUrl: server.url, token, retry });

async function all(c: SessionLensClient, filters: Parameters<SessionLensClient['sessions']['list']>[0] = {}) {
  const out: Session[] = [];
  for await (const s of c.sessions.list({ limit: 200, ...filters })) out.push(s);
  return out;
}

/** Resolves once the simulator has sent another request to the server. */
async function simulatorWrote(): Promise<void> {
  const made = server.simulator!.stats.requests;
  const deadline = Date.now() + 10_000;
  while (server.simulator!.stats.requests === made) {
    if (Date.now() > deadline) throw new Error('The simulator made no request in 10 s');
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => {
  server = await startRealServer({ simulate: true, simulateTickMs: 50 });
  tokens = server.tokens.demo as typeof tokens;
  member = client(tokens.member);
});
afterAll(async () => {
  await server?.stop();
});

describe('real server: reads and filters', () => {
  it('me and members', async () => {
    const me = await member.me.get();
    expect(me.principal).toBe('member');
    expect(me.scopes).toContain('sessions:read');
    const members = await member.members.list();
    expect(members.data.length).toBeGreaterThan(3);
  });

  it('lists a page in S9 order, with kind, owner, status and active filters', async () => {
    const page = await member.sessions.list({ limit: 50 });
    expect(page.data).toHaveLength(50);
    expect(page.nextCursor).not.toBeNull();
    const sorted = [...page.data].sort(compareSessions(Date.now()));
    expect(page.data.map((s) => s.id)).toEqual(sorted.map((s) => s.id));

    const kinds = await member.sessions.list({ kind: ['flow', 'chat'], limit: 100 });
    expect(kinds.data.every((s) => s.kind === 'flow' || s.kind === 'chat')).toBe(true);
    expect(new Set(kinds.data.map((s) => s.kind)).size).toBe(2);

    const owners = [...new Set(page.data.map((s) => s.owner.id))].slice(0, 2);
    const byOwner = await member.sessions.list({ owner: owners, limit: 100 });
    expect(byOwner.data.length).toBeGreaterThan(0);
    expect(byOwner.data.every((s) => owners.includes(s.owner.id))).toBe(true);

    const statuses = await member.sessions.list({ status: ['completed', 'failed'], limit: 100 });
    expect(statuses.data.every((s) => s.status === 'completed' || s.status === 'failed')).toBe(true);

    const active = await member.sessions.list({ active: true, limit: 200 });
    expect(active.data.every((s) => isActive(s, Date.now() + 1000) || isActive(s, Date.now() - 5000))).toBe(
      true,
    );
    const inactive = await member.sessions.list({ active: false, limit: 20 });
    expect(inactive.data.every((s) => !isActive(s, Date.now()) || s.kind === 'chat')).toBe(true);

    const assessments = await member.sessions.list({ kind: ['assessment'], limit: 1 });
    const host = assessments.data[0]?.agent?.hostname as string;
    const byHost = await member.sessions.list({ hostname: host });
    expect(byHost.data.length).toBeGreaterThan(0);
    expect(byHost.data.every((s) => s.agent?.hostname === host)).toBe(true);
    const byAgent = await member.sessions.list({ agent: assessments.data[0]?.agent?.id as string });
    expect(byAgent.data.every((s) => s.agent?.id === assessments.data[0]?.agent?.id)).toBe(true);
    const playbook = assessments.data[0]?.playbook as string;
    const byPlaybook = await member.sessions.list({ playbook });
    expect(byPlaybook.data.every((s) => s.playbook === playbook)).toBe(true);

    const word = (page.data[0]?.title.split(/\s+/)[0] ?? '').toLowerCase();
    const byText = await member.sessions.list({ q: word, limit: 20 });
    expect(byText.data.length).toBeGreaterThan(0);
  });

  it('iterates every page while the simulator writes: nothing that stood still is missed', async () => {
    const before = new Map((await all(member)).map((s) => [s.id, s]));
    const seen: Session[] = [];
    let pages = 0;
    const simulator = server.simulator!;
    const madeBeforeWalk = simulator.stats.requests;
    const list = member.sessions.list({ limit: 37 });
    for await (const page of list.pages()) {
      pages++;
      seen.push(...page.data);
      // After the first page, make sure the simulator writes during the walk (it mostly does on its own).
      if (pages === 1) await simulatorWrote();
    }
    const after = new Map((await all(member)).map((s) => [s.id, s]));
    expect(pages).toBeGreaterThan(5);
    expect(simulator.stats.requests).toBeGreaterThan(madeBeforeWalk);
    const seenIds = new Set(seen.map((s) => s.id));
    // Keyset guarantee: a session whose position did not change during the walk is returned.
    const t0 = Date.now();
    let still = 0;
    for (const [id, s] of before) {
      const later = after.get(id);
      if (!later || later.version !== s.version) continue;
      if (s.kind === 'chat' && isActive(s, t0 - 60_000) !== isActive(s, t0)) continue;
      still++;
      expect(seenIds.has(id), `missed ${id}`).toBe(true);
    }
    expect(still).toBeGreaterThan(200);
  });

  it('get, transcript, executions, insights and cost', async () => {
    // The newest chat may be one the simulator has just started, with no message yet.
    const chats = (await member.sessions.list({ kind: ['chat'], limit: 20 })).data;
    const chat = chats.find((s) => (s.progress?.messages ?? 0) > 0);
    const got = await member.sessions.get(chat?.id as string);
    expect(got.id).toBe(chat?.id);
    const entries = [];
    for await (const entry of member.sessions.transcript(chat?.id as string, { limit: 2 }))
      entries.push(entry);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));

    const [assessment] = (
      await member.sessions.list({ kind: ['assessment'], status: ['completed'], limit: 1 })
    ).data;
    const executions = await member.sessions.executions(assessment?.id as string);
    const insights = await member.sessions.insights(assessment?.id as string);
    expect(executions.data.length + insights.data.length).toBeGreaterThan(0);

    const [flow] = (await member.sessions.list({ kind: ['flow'], limit: 1 })).data;
    const cost = await member.sessions.cost(flow?.id as string);
    expect(cost).toBeTruthy();
  });
});

describe('real server: writes, tools and errors', () => {
  // The tests below need agent sessions to be theirs alone.
  it('stops the simulator: once stop() resolves it makes no more requests', async () => {
    const simulator = server.simulator!;
    expect(simulator.stats.requests).toBeGreaterThan(0);
    await simulator.stop();
    const made = simulator.stats.requests;
    // Absence takes time to show: keep the server busy for three of its 50 ms ticks.
    const stopped = Date.now();
    while (Date.now() - stopped < 150) expect((await all(member)).length).toBeGreaterThan(0);
    expect(simulator.stats.requests).toBe(made);
  });

  it('start → ingest (idempotent) → submit → review, with a 409 for a second running assessment', async () => {
    const agent = tokens.agents[0] as (typeof tokens.agents)[number];
    const asAgent = client(agent.token, 2);
    // The seed may have left one running: per the tools' rule, submit it first.
    const running = await asAgent.sessions.list({
      kind: ['assessment'],
      agent: agent.agentId,
      status: ['running'],
    });
    for (const s of running.data) await asAgent.sessions.submit(s.id, { summary: 'Closing the seeded run.' });

    const started = await asAgent.sessions.start({
      kind: 'assessment',
      playbook: 'cis-baseline',
      agentId: agent.agentId,
    });
    expect(started.status).toBe('running');
    expect(started.agent?.id).toBe(agent.agentId);
    const second = await asAgent.sessions
      .start({ kind: 'assessment', playbook: 'cis-baseline', agentId: agent.agentId })
      .catch((e: unknown) => e);
    expect(apiErrors.isConflictError(second)).toBe(true);
    expect(apiErrors.isAPIError(second) && second.problem?.runningSessionId).toBe(started.id);

    const batch = {
      executions: [
        {
          command: 'uname -a',
          capability: 'shell',
          output: 'Linux',
          exitCode: 0,
          startedAt: new Date().toISOString(),
          durationMs: 12,
        },
      ],
      insights: [
        {
          title: 'SSH allows passwords',
          severity: 'high' as const,
          state: 'open' as const,
          detail: 'PasswordAuthentication yes',
        },
      ],
    };
    await asAgent.sessions.ingest(started.id, batch, { idempotencyKey: `e2e-${started.id}` });
    await asAgent.sessions.ingest(started.id, batch, { idempotencyKey: `e2e-${started.id}` });
    const executions = await asAgent.sessions.executions(started.id);
    expect(executions.data).toHaveLength(1);
    expect((await asAgent.sessions.insights(started.id)).data).toHaveLength(1);

    const submitted = await asAgent.sessions.submit(started.id, { summary: 'One finding: password SSH.' });
    expect(submitted.status).toBe('pending_review');
    const again = await asAgent.sessions.submit(started.id, { summary: 'again' }).catch((e: unknown) => e);
    expect(apiErrors.isConflictError(again)).toBe(true);
    const byAgent = await asAgent.sessions
      .review(started.id, { decision: 'completed' })
      .catch((e: unknown) => e);
    expect(apiErrors.isPermissionDeniedError(byAgent)).toBe(true);
    const reviewed = await member.sessions.review(started.id, { decision: 'completed', comment: 'ok' });
    expect(reviewed.status).toBe('completed');
  });

  it('session tools: start → get → list_executions → submit, agent derived from the session', async () => {
    const agent = tokens.agents[1] as (typeof tokens.agents)[number];
    const asAgent = client(agent.token, 2);
    const tools = createSessionTools(asAgent);
    const running = await tools.session_list({ agent_id: agent.agentId, status: 'running' });
    for (const s of running.sessions)
      await tools.session_submit({ session_id: s.session_id, summary: 'Closing.' });
    const started = await tools.session_start({
      agent_id: agent.agentId,
      playbook: 'cis-baseline',
      description: 'e2e',
    });
    await asAgent.sessions.ingest(started.session_id, {
      executions: [
        {
          command: 'id',
          capability: 'shell',
          output: 'uid=0',
          exitCode: 0,
          startedAt: new Date().toISOString(),
          durationMs: 3,
        },
      ],
    });
    const got = await tools.session_get({ session_id: started.session_id });
    expect(got).toMatchObject({ status: 'running', agent_id: agent.agentId, execution_count: 1 });
    const executions = await tools.session_list_executions({ session_id: started.session_id });
    expect(executions.executions.map((e) => e.command)).toEqual(['id']);
    const submitted = await tools.session_submit({ session_id: started.session_id, summary: 'Ran id.' });
    expect(submitted.status).toBe('pending_review');
    const review = await tools.session_list({ status: 'pending_review', agent_id: agent.agentId });
    expect(review.sessions.map((s) => s.session_id)).toContain(started.session_id);
    const second = await tools.session_list({ status: 'pending_review', limit: 1, offset: 1 });
    expect(second.sessions.length).toBeLessThanOrEqual(1);
  });

  it('cancel a flow, end a chat, set visibility (admin only)', async () => {
    const flow = await member.sessions.start({ kind: 'flow', title: 'e2e flow' });
    await member.sessions.ingest(flow.id, { status: 'running' });
    expect((await member.sessions.cancel(flow.id)).status).toBe('cancelled');
    const again = await member.sessions.cancel(flow.id).catch((e: unknown) => e);
    expect(apiErrors.isConflictError(again)).toBe(true);

    const chat = await member.sessions.start({ kind: 'chat', title: 'e2e chat' });
    expect((await member.sessions.end(chat.id)).status).toBe('ended');

    const denied = await member.sessions
      .setVisibility(chat.id, { type: 'workspace' })
      .catch((e: unknown) => e);
    expect(apiErrors.isPermissionDeniedError(denied)).toBe(true);
    const admin = client(server.tokens.admin);
    const hidden = await admin.sessions.setVisibility(chat.id, { type: 'list', members: [], groups: [] });
    expect(hidden.visibility.type).toBe('list');
    expect((await admin.sessions.get(chat.id)).visibility).toEqual({ type: 'list', members: [], groups: [] });
  });

  it('mints an embed token that is locked to its record', async () => {
    const minted = await member.embedTokens.mint({ scope: 'initiative:init_checkout', ttlSeconds: 600 });
    const embed = client(minted.token);
    const inside = await embed.sessions.list({ scope: 'initiative:init_checkout' });
    expect(inside.data.every((s) => s.links?.initiative?.id === 'init_checkout')).toBe(true);
    const widened = await embed.sessions
      .list({ scope: 'initiative:init_onboarding' })
      .catch((e: unknown) => e);
    expect(apiErrors.isPermissionDeniedError(widened)).toBe(true);
    const outside = (await member.sessions.list({ scope: 'initiative:init_onboarding', limit: 1 })).data[0];
    expect(
      apiErrors.isNotFoundError(await embed.sessions.get(outside?.id as string).catch((e: unknown) => e)),
    ).toBe(true);
    const me = await embed.me.get();
    expect(me.principal).toBe('embed');
  });

  it('maps each status the server produces to its error class', async () => {
    const bad = await member.sessions.list({ limit: 1000 }).catch((e: unknown) => e);
    expect(apiErrors.isBadRequestError(bad) && bad.status).toBe(400);
    expect(apiErrors.isAPIError(bad) && bad.problem?.errors?.[0]?.path).toContain('limit');

    const unauth = await client('sl_nope')
      .sessions.list()
      .catch((e: unknown) => e);
    expect(apiErrors.isAuthenticationError(unauth) && unauth.status).toBe(401);

    const noSpend = client(tokens.memberNoSpend);
    const [flow] = (await noSpend.sessions.list({ kind: ['flow'], limit: 1 })).data;
    expect(flow?.cost).toBeUndefined();
    const forbidden = await noSpend.sessions.cost(flow?.id as string).catch((e: unknown) => e);
    expect(apiErrors.isPermissionDeniedError(forbidden) && forbidden.status).toBe(403);

    const missing = await member.sessions.get('ses_does_not_exist').catch((e: unknown) => e);
    expect(apiErrors.isNotFoundError(missing) && missing.status).toBe(404);

    const emptySummary = await member.sessions
      .submit(flow?.id as string, { summary: '   ' })
      .catch((e: unknown) => e);
    expect(apiErrors.isBadRequestError(emptySummary)).toBe(true);
  });

  it('refreshes an embed token through getToken on 401', async () => {
    let calls = 0;
    const c = createClient({
      baseUrl: server.url,
      getToken: async () =>
        ++calls === 1 ? 'sl_expired' : (await member.embedTokens.mint({ scope: 'plan:plan_q3' })).token,
    });
    const me = await c.me.get();
    expect(me.principal).toBe('embed');
    expect(calls).toBe(2);
  });

  it('InternalServerError when the database is gone, APIConnectionError when the server is', async () => {
    // Stop the stream hub's timers first, so only the request meets the closed database.
    await server.lens.close();
    await server.db.close();
    const failed = await member.sessions.list().catch((e: unknown) => e);
    expect(apiErrors.isInternalServerError(failed) && failed.status).toBeGreaterThanOrEqual(500);
    const url = server.url;
    await server.stop().catch(() => {});
    const gone = await createClient({ baseUrl: url, token: 't', retry: { limit: 1, initialDelayMs: 5 } })
      .me.get()
      .catch((e: unknown) => e);
    expect(isAPIConnectionError(gone)).toBe(true);
  });
});

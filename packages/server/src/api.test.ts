import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSessions, isActive, Problem, Session } from '@session-lens/sdk';
import { signEmbedToken } from './auth/principal.js';
import { ADMIN, startTestServer, walkSessions, type TestServer } from './test/harness.js';

let server: TestServer;
let all: Session[];
let member: string;
let noSpend: string;
let reader: string;
let agent: string;
let agentId: string;
let embed: string;

/** Every page of a list, following nextCursor. */
const walk = (query: string, token: string, limit = 200) => walkSessions(server, query, token, limit);

function expectProblem(res: { status: number; headers: Headers; body: unknown }, status: number): Problem {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = Problem.parse(res.body);
  expect(problem.status).toBe(status);
  return problem;
}

beforeAll(async () => {
  server = await startTestServer({ seedSessions: 400 });
  const demo = server.tokens.demo!;
  member = demo.member;
  noSpend = demo.memberNoSpend;
  reader = demo.reader;
  agent = demo.agents[0]!.token;
  agentId = demo.agents[0]!.agentId;
  embed = demo.embed;
  all = await walk('', ADMIN);
});

afterAll(async () => {
  await server?.stop();
});

describe('service endpoints', () => {
  it('answers /healthz without a token', async () => {
    const res = await server.api('GET', '/healthz', undefined);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, database: 'pglite' });
  });

  it('serves the generated OpenAPI document', async () => {
    const res = await server.api('GET', '/openapi.json', undefined);
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\.1/);
    expect(Object.keys(res.body.paths)).toContain('/v1/sessions/{id}/activity');
  });

  it('serves the placeholder live page at /', async () => {
    const response = await fetch(`${server.url}/`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('placeholder');
    expect(html).toContain('EventSource');
  });

  it('answers an unknown route with a 404 problem', async () => {
    expectProblem(await server.api('GET', '/v1/nope', ADMIN), 404);
  });
});

describe('authentication', () => {
  it('401 without a token, with an unknown token, an expired or a tampered embed token', async () => {
    expectProblem(await server.api('GET', '/v1/sessions', undefined), 401);
    expectProblem(await server.api('GET', '/v1/sessions', 'sl_nope'), 401);
    const expired = signEmbedToken(server.lens.settings, {
      sub: 'm_ana',
      scope: 'initiative:init_checkout',
      scopes: ['sessions:read'],
      exp: Math.floor(Date.now() / 1000) - 5,
    });
    expectProblem(await server.api('GET', '/v1/sessions', expired), 401);
    const tampered = `${embed.slice(0, -3)}${embed.endsWith('A') ? 'B' : 'A'}AA`;
    expectProblem(await server.api('GET', '/v1/sessions', tampered), 401);
  });

  it('accepts access_token on the stream only', async () => {
    const problem = expectProblem(
      await server.api('GET', `/v1/sessions?access_token=${member}`, undefined),
      401,
    );
    expect(problem.detail).toBeTruthy();
    const withHeader = expectProblem(
      await server.api('GET', `/v1/sessions?access_token=${member}`, member),
      400,
    );
    expect(withHeader.errors?.map((e) => e.path)).toContain('query.access_token');
  });
});

describe('GET /v1/sessions', () => {
  it('seeded a believable workspace', () => {
    expect(all.length).toBe(400);
    const kinds = new Set(all.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['assessment', 'chat', 'flow', 'task']);
    expect(new Set(all.map((s) => s.status)).size).toBeGreaterThan(10);
    expect(new Set(all.map((s) => s.owner.id)).size).toBeGreaterThan(15);
    expect(all.some((s) => s.cost && s.cost.turns.unpriced > 0 && s.cost.turns.priced === 0)).toBe(true);
    expect(all.some((s) => s.cost && s.cost.turns.estimated > 0)).toBe(true);
  });

  it('orders pages per S9 against the instant frozen in the cursor, with no total', async () => {
    const first = await server.api('GET', '/v1/sessions?limit=50', ADMIN);
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(50);
    expect(first.body).not.toHaveProperty('total');
    // A cursor is `<payload>.<signature>`; the payload's second field is the frozen instant.
    const payload = (first.body.nextCursor as string).split('.')[0]!;
    const frozen = JSON.parse(Buffer.from(payload, 'base64url').toString())[1] as number;
    const sorted = [...all].sort(compareSessions(frozen));
    expect(all.map((s) => s.id)).toEqual(sorted.map((s) => s.id));
    expect(all.findIndex((s) => !isActive(s, frozen))).toBeGreaterThan(0);
  });

  it('defaults to 50 rows', async () => {
    const res = await server.api('GET', '/v1/sessions', ADMIN);
    expect(res.body.data).toHaveLength(50);
  });

  const predicates: [string, (s: Session) => boolean][] = [
    ['kind=flow', (s) => s.kind === 'flow'],
    ['kind=chat&kind=task', (s) => s.kind === 'chat' || s.kind === 'task'],
    ['owner=m_ana&owner=m_ben', (s) => s.owner.id === 'm_ana' || s.owner.id === 'm_ben'],
    ['status=completed&status=failed', (s) => s.status === 'completed' || s.status === 'failed'],
    ['scope=initiative:init_checkout', (s) => s.links?.initiative?.id === 'init_checkout'],
    ['scope=plan:plan_search_index', (s) => s.links?.plan?.id === 'plan_search_index'],
    ['scope=agent:ag_web1', (s) => s.agent?.id === 'ag_web1'],
    ['agent=ag_db2', (s) => s.agent?.id === 'ag_db2'],
    ['hostname=web-01.prod.acme.internal', (s) => s.agent?.hostname === 'web-01.prod.acme.internal'],
    ['playbook=tls-review', (s) => s.playbook === 'tls-review'],
    ['active=true', (s) => isActive(s)],
    ['active=false', (s) => !isActive(s)],
    ['q=CHECKOUT', (s) => `${s.title} ${s.description ?? ''}`.toLowerCase().includes('checkout')],
    [
      'q=ana%20ruiz',
      (s) =>
        s.owner.name === 'Ana Ruiz' || `${s.title} ${s.description ?? ''}`.toLowerCase().includes('ana ruiz'),
    ],
    ['q=prod%20tls', (s) => Boolean(s.agent?.hostname.includes('prod') && s.playbook === 'tls-review')],
    [
      'kind=assessment&status=pending_review&q=web',
      (s) =>
        s.kind === 'assessment' &&
        s.status === 'pending_review' &&
        Boolean(s.agent?.hostname.includes('web')),
    ],
  ];
  it.each(predicates)('filters by %s exactly', async (query, predicate) => {
    const got = await walk(query, ADMIN, 37);
    const expected = all.filter(predicate).map((s) => s.id);
    expect(got.map((s) => s.id).sort()).toEqual(expected.sort());
    if (!query.startsWith('active') && !query.startsWith('q=')) expect(expected.length).toBeGreaterThan(0);
  });

  it('q matches words in any order and any case, literally', async () => {
    const a = await walk('q=review%20TLS', ADMIN);
    const b = await walk('q=tls%20review', ADMIN);
    expect(a.map((s) => s.id)).toEqual(b.map((s) => s.id));
    expect((await walk('q=%25', ADMIN)).length).toBe(0);
  });

  it('rejects a cursor from another query and a malformed one', async () => {
    const first = await server.api('GET', '/v1/sessions?limit=5&kind=flow', ADMIN);
    const other = expectProblem(
      await server.api('GET', `/v1/sessions?limit=5&cursor=${first.body.nextCursor}`, ADMIN),
      400,
    );
    expect(other.errors?.[0]?.path).toBe('query.cursor');
    expectProblem(await server.api('GET', '/v1/sessions?cursor=not-a-cursor', ADMIN), 400);
  });

  it('names every invalid parameter by path', async () => {
    const problem = expectProblem(
      await server.api('GET', '/v1/sessions?limit=0&kind=robot&active=maybe&stauts=x', ADMIN),
      400,
    );
    const paths = problem.errors!.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['query.limit', 'query.kind.0', 'query.active', 'query.stauts']),
    );
    expectProblem(await server.api('GET', '/v1/sessions?limit=201', ADMIN), 400);
    expectProblem(await server.api('GET', '/v1/sessions?scope=team:x', ADMIN), 400);
    expectProblem(await server.api('GET', '/v1/sessions?limit=5&limit=6', ADMIN), 400);
  });
});

describe('one session', () => {
  it('gets a session and 404s an unknown one', async () => {
    const target = all[10]!;
    const res = await server.api('GET', `/v1/sessions/${target.id}`, ADMIN);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(target);
    expectProblem(await server.api('GET', '/v1/sessions/ses_missing', ADMIN), 404);
  });

  it('pages through a transcript by seq', async () => {
    const target = all.find((s) => (s.counts?.toolCalls ?? 0) >= 2)!;
    const whole = await server.api('GET', `/v1/sessions/${target.id}/transcript?limit=500`, ADMIN);
    expect(whole.status).toBe(200);
    const seqs = whole.body.data.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1));
    expect(whole.body.data.some((e: { type: string }) => e.type === 'tool_call')).toBe(true);
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await server.api(
        'GET',
        `/v1/sessions/${target.id}/transcript?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        ADMIN,
      );
      paged.push(...res.body.data.map((e: { seq: number }) => e.seq));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(seqs);
    expectProblem(await server.api('GET', `/v1/sessions/${target.id}/transcript?limit=501`, ADMIN), 400);
  });

  it('lists executions and insights of an assessment', async () => {
    const target = all.find((s) => s.kind === 'assessment' && (s.counts?.insights ?? 0) > 0)!;
    const executions = await server.api('GET', `/v1/sessions/${target.id}/executions`, ADMIN);
    expect(executions.body.data).toHaveLength(target.counts!.executions);
    expect(executions.body.data[0]).toHaveProperty('command');
    const insights = await server.api('GET', `/v1/sessions/${target.id}/insights`, ADMIN);
    expect(insights.body.data).toHaveLength(target.counts!.insights);
  });

  it('gives cost detail with spend visibility only', async () => {
    const target = all.find((s) => s.cost && s.visibility.type === 'workspace' && s.cost.turns.priced > 1)!;
    const res = await server.api('GET', `/v1/sessions/${target.id}/cost`, member);
    expect(res.status).toBe(200);
    expect(res.body.totals.amountUsd).toBe(target.cost!.amountUsd);
    expect(res.body.turns).toHaveLength(
      target.cost!.turns.priced + target.cost!.turns.estimated + target.cost!.turns.unpriced,
    );
    expectProblem(await server.api('GET', `/v1/sessions/${target.id}/cost`, noSpend), 403);
    const got = await server.api('GET', `/v1/sessions/${target.id}`, noSpend);
    expect(got.body).not.toHaveProperty('cost');
    const list = await walk('', noSpend);
    expect(list.some((s) => 'cost' in s)).toBe(false);
  });

  it('drops cost for everyone when the workspace does not track spend', async () => {
    const target = all.find((s) => s.cost && s.visibility.type === 'workspace')!;
    server.lens.settings.spendTracking = false;
    try {
      const res = await server.api('GET', `/v1/sessions/${target.id}`, ADMIN);
      expect(res.body).not.toHaveProperty('cost');
      expectProblem(await server.api('GET', `/v1/sessions/${target.id}/cost`, ADMIN), 403);
      const me = await server.api('GET', '/v1/me', ADMIN);
      expect(me.body.settings.spendTracking).toBe(false);
    } finally {
      server.lens.settings.spendTracking = true;
    }
  });
});

describe('start, ingest and act', () => {
  it('starts sessions of every kind and enforces one running assessment per agent', async () => {
    for (const kind of ['flow', 'task', 'chat'] as const) {
      const res = await server.api('POST', '/v1/sessions', member, { kind, title: `A ${kind}` });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(Session.parse(res.body).owner.id).toBe('m_ana');
    }
    // Free the agent first: the seed may have left an assessment running on it.
    const running = await walk(`kind=assessment&status=running&agent=${agentId}`, ADMIN);
    for (const s of running)
      await server.api('POST', `/v1/sessions/${s.id}/submit`, ADMIN, { summary: 'done' });
    const first = await server.api('POST', '/v1/sessions', agent, {
      kind: 'assessment',
      playbook: 'cis-benchmark',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.agent.id).toBe(agentId);
    expect(first.body.title).toBe('cis-benchmark');
    const second = expectProblem(
      await server.api('POST', '/v1/sessions', agent, { kind: 'assessment', playbook: 'tls-review' }),
      409,
    );
    expect(second.runningSessionId).toBe(first.body.id);
    const submitted = await server.api('POST', `/v1/sessions/${first.body.id}/submit`, agent, {
      summary: 'All good.',
    });
    expect(submitted.body.status).toBe('pending_review');
    const third = await server.api('POST', '/v1/sessions', agent, {
      kind: 'assessment',
      playbook: 'tls-review',
    });
    expect(third.status).toBe(201);
  });

  it('defaults visibility from the playbook (X3)', async () => {
    const res = await server.api('POST', '/v1/sessions', ADMIN, {
      kind: 'assessment',
      agentId: 'ag_db3',
      playbook: 'disk-forensics',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.visibility).toEqual({ type: 'list', members: [], groups: ['g_security'] });
    expectProblem(await server.api('GET', `/v1/sessions/${res.body.id}`, noSpend), 404);
  });

  it('rejects bad start bodies with paths', async () => {
    const problem = expectProblem(
      await server.api('POST', '/v1/sessions', member, { kind: 'robot', title: '' }),
      400,
    );
    expect(problem.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['body.kind', 'body.title']));
    expectProblem(await server.api('POST', '/v1/sessions', member, '{not json'), 400);
    const noAgent = expectProblem(
      await server.api('POST', '/v1/sessions', member, { kind: 'assessment', playbook: 'x' }),
      400,
    );
    expect(noAgent.errors![0]!.path).toBe('body.agentId');
  });

  it('applies a batch atomically and assigns seq; an invalid batch changes nothing', async () => {
    const start = await server.api('POST', '/v1/sessions', agent, { kind: 'task', title: 'Batch me' });
    const id = start.body.id as string;
    const batch = {
      status: 'running',
      transcript: [
        { type: 'message', role: 'user', text: 'go' },
        {
          type: 'tool_call',
          name: 'run_tests',
          arguments: { all: true },
          status: 'succeeded',
          result: { passed: 12 },
        },
        { type: 'file_edit', path: 'a.ts', before: null, after: 'x' },
      ],
      turns: [
        { model: 'm', pricing: 'priced', amountUsd: '0.1', tokens: 10 },
        { model: 'm', pricing: 'priced', amountUsd: '0.2', tokens: 10, credits: 3 },
        { model: 'm', pricing: 'unpriced', tokens: 5 },
      ],
    };
    const res = await server.api('POST', `/v1/sessions/${id}/activity`, agent, batch);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The agent token has no spend:read, so its own response carries no cost; a member's does.
    expect(res.body).not.toHaveProperty('cost');
    const withCost = await server.api('GET', `/v1/sessions/${id}`, member);
    expect(withCost.body.cost).toEqual({
      amountUsd: '0.3',
      credits: 3,
      turns: { priced: 2, estimated: 0, unpriced: 1 },
    });
    expect(res.body.progress.turns).toBe(3);
    expect(res.body.counts.toolCalls).toBe(1);
    expect(res.body.version).toBe(2);
    const transcript = await server.api('GET', `/v1/sessions/${id}/transcript`, agent);
    expect(transcript.body.data.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);

    const bad = expectProblem(
      await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
        transcript: [
          { type: 'message', role: 'user', text: 'never stored' },
          { type: 'message', role: 'user', text: 42 },
        ],
      }),
      400,
    );
    expect(bad.errors![0]!.path).toBe('body.transcript.1.text');
    const semantic = expectProblem(
      await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
        transcript: [{ type: 'message', role: 'user', text: 'never stored either' }],
        turns: [{ model: 'm', pricing: 'priced', tokens: 1 }],
      }),
      400,
    );
    expect(semantic.errors![0]!.path).toBe('body.turns.0.amountUsd');
    const after = await server.api('GET', `/v1/sessions/${id}`, agent);
    expect(after.body.version).toBe(2);
    expect((await server.api('GET', `/v1/sessions/${id}/transcript`, agent)).body.data).toHaveLength(3);
  });

  it('redacts credentials in transcript entries before storing them (X4)', async () => {
    const start = await server.api('POST', '/v1/sessions', agent, { kind: 'chat', title: 'Leaky chat' });
    const id = start.body.id as string;
    const key = 'AKIA' + 'Q3M7ZP2X9K4TN6WB';
    const res = await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
      transcript: [
        { type: 'message', role: 'user', text: `deploy with AWS_ACCESS_KEY_ID=${key} please` },
        {
          type: 'tool_call',
          name: 'http_get',
          arguments: { url: 'postgres://app:hunter2hunter2@db.internal:5432/x' },
          status: 'succeeded',
        },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stored = await server.api('GET', `/v1/sessions/${id}/transcript`, agent);
    const text = JSON.stringify(stored.body.data);
    expect(text).not.toContain(key);
    expect(text).not.toContain('hunter2hunter2');
    expect(text).toContain('REDACTED');
    const rows = await server.db.query<{ entry: unknown }>(
      'select entry from transcript_entries where session_id = $1',
      [id],
    );
    expect(JSON.stringify(rows)).not.toContain(key);
  });

  it('applies a batch once per Idempotency-Key', async () => {
    const start = await server.api('POST', '/v1/sessions', agent, { kind: 'chat', title: 'Idempotent' });
    const id = start.body.id as string;
    const body = {
      transcript: [{ type: 'message', role: 'user', text: 'hello' }],
      turns: [{ model: 'm', pricing: 'estimated', amountUsd: '0.05', tokens: 3 }],
    };
    const headers = { 'idempotency-key': 'key-1' };
    const a = await server.api('POST', `/v1/sessions/${id}/activity`, agent, body, headers);
    const b = await server.api('POST', `/v1/sessions/${id}/activity`, agent, body, headers);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(a.body.progress.messages).toBe(1);
    expect((await server.api('GET', `/v1/sessions/${id}/transcript`, agent)).body.data).toHaveLength(1);
    const reused = expectProblem(
      await server.api(
        'POST',
        `/v1/sessions/${id}/activity`,
        agent,
        { transcript: [{ type: 'message', role: 'user', text: 'other' }] },
        headers,
      ),
      409,
    );
    expect(reused.type).toContain('idempotency');
    expectProblem(
      await server.api('POST', `/v1/sessions/${id}/activity`, agent, body, {
        'idempotency-key': 'x'.repeat(201),
      }),
      400,
    );
  });

  it('allows legal transitions only, with the current status on a 409', async () => {
    const flow = (await server.api('POST', '/v1/sessions', member, { kind: 'flow', title: 'Cancel me' }))
      .body;
    const chat = (await server.api('POST', '/v1/sessions', member, { kind: 'chat', title: 'End me' })).body;
    const cancelled = await server.api('POST', `/v1/sessions/${flow.id}/cancel`, member);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.endedAt).toBeTruthy();
    expect(
      expectProblem(await server.api('POST', `/v1/sessions/${flow.id}/cancel`, member), 409).currentStatus,
    ).toBe('cancelled');
    expect(
      expectProblem(await server.api('POST', `/v1/sessions/${chat.id}/cancel`, member), 409).currentStatus,
    ).toBe('waiting');
    expect(
      expectProblem(await server.api('POST', `/v1/sessions/${flow.id}/end`, member), 409).currentStatus,
    ).toBe('cancelled');
    expect((await server.api('POST', `/v1/sessions/${chat.id}/end`, member)).body.status).toBe('ended');
    expect(
      expectProblem(await server.api('POST', `/v1/sessions/${chat.id}/end`, member), 409).currentStatus,
    ).toBe('ended');
    expect(
      expectProblem(
        await server.api('POST', `/v1/sessions/${chat.id}/activity`, member, { status: 'waiting' }),
        409,
      ).currentStatus,
    ).toBe('ended');
    expect(
      expectProblem(await server.api('POST', `/v1/sessions/${flow.id}/submit`, member, { summary: 'x' }), 409)
        .currentStatus,
    ).toBe('cancelled');
    const submitBody = expectProblem(
      await server.api('POST', `/v1/sessions/${flow.id}/submit`, member, { summary: '   ' }),
      400,
    );
    expect(submitBody.errors![0]!.path).toBe('body.summary');
    expect(
      expectProblem(
        await server.api('POST', `/v1/sessions/${flow.id}/review`, member, { decision: 'completed' }),
        409,
      ).currentStatus,
    ).toBe('cancelled');
  });

  it('lets a person review, never an agent', async () => {
    const pending = all.find((s) => s.status === 'pending_review' && s.visibility.type === 'workspace')!;
    expectProblem(
      await server.api('POST', `/v1/sessions/${pending.id}/activity`, agent, { status: 'completed' }),
      409,
    );
    const byAgent = await server.api('POST', `/v1/sessions/${pending.id}/review`, agent, {
      decision: 'completed',
    });
    expect(byAgent.status).toBe(403);
    const reviewed = await server.api('POST', `/v1/sessions/${pending.id}/review`, member, {
      decision: 'rejected',
      comment: 'Missing evidence',
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.status).toBe('rejected');
    expect(
      expectProblem(
        await server.api('POST', `/v1/sessions/${pending.id}/review`, member, { decision: 'completed' }),
        409,
      ).currentStatus,
    ).toBe('rejected');
  });

  it('replaces visibility (admin only) and hides the session everywhere', async () => {
    const target = (await server.api('POST', '/v1/sessions', ADMIN, { kind: 'flow', title: 'Secret flow' }))
      .body;
    expectProblem(
      await server.api('PUT', `/v1/sessions/${target.id}/visibility`, member, { type: 'workspace' }),
      403,
    );
    const hidden = await server.api('PUT', `/v1/sessions/${target.id}/visibility`, ADMIN, {
      type: 'list',
      members: [],
      groups: ['g_security'],
    });
    expect(hidden.status).toBe(200);
    for (const [method, path, body] of [
      ['GET', '', undefined],
      ['GET', '/transcript', undefined],
      ['GET', '/executions', undefined],
      ['GET', '/insights', undefined],
      ['GET', '/cost', undefined],
      ['POST', '/cancel', undefined],
      ['POST', '/activity', { status: 'paused' }],
      ['POST', '/submit', { summary: 's' }],
    ] as const) {
      expectProblem(await server.api(method, `/v1/sessions/${target.id}${path}`, member, body), 404);
    }
    expectProblem(await server.api('GET', `/v1/sessions/${target.id}`, noSpend), 404);
    expect((await walk('kind=flow', noSpend)).some((s) => s.id === target.id)).toBe(false);
    expect((await walk('kind=flow', member)).some((s) => s.id === target.id)).toBe(false);
    await server.api('PUT', `/v1/sessions/${target.id}/visibility`, ADMIN, {
      type: 'list',
      members: ['m_ben'],
      groups: [],
    });
    expect((await server.api('GET', `/v1/sessions/${target.id}`, noSpend)).status).toBe(200);
    expectProblem(
      await server.api('PUT', `/v1/sessions/${target.id}/visibility`, ADMIN, { type: 'list', members: [] }),
      400,
    );
  });
});

describe('workspace', () => {
  it('lists every member and group', async () => {
    const res = await server.api('GET', '/v1/members', reader);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThanOrEqual(20);
    expect(res.body.groups.length).toBeGreaterThanOrEqual(5);
  });

  it('describes the caller', async () => {
    const me = await server.api('GET', '/v1/me', agent);
    expect(me.body.principal).toBe('agent');
    expect((await server.api('GET', '/v1/me', ADMIN)).body.scopes).toContain('sessions:admin');
    const embedMe = await server.api('GET', '/v1/me', embed);
    expect(embedMe.body.principal).toBe('embed');
    expect(embedMe.body.embed.scope).toBe('initiative:init_checkout');
  });
});

describe('embed tokens (A7)', () => {
  it('mints a scope-locked token that cannot be widened', async () => {
    const minted = await server.api('POST', '/v1/embed-tokens', noSpend, {
      scope: 'plan:plan_checkout_api',
      ttlSeconds: 600,
    });
    expect(minted.status, JSON.stringify(minted.body)).toBe(201);
    const token = minted.body.token as string;
    expect(Date.parse(minted.body.expiresAt) - Date.now()).toBeGreaterThan(590_000);
    const inside = await walk('', token);
    const expected = all.filter(
      (s) =>
        s.links?.plan?.id === 'plan_checkout_api' &&
        (s.visibility.type === 'workspace' || s.owner.id === 'm_ben'),
    );
    expect(inside.map((s) => s.id).sort()).toEqual(expected.map((s) => s.id).sort());
    expect(inside.some((s) => 'cost' in s)).toBe(false);
    expectProblem(await server.api('GET', '/v1/sessions?scope=plan:plan_checkout_ui', token), 403);
    expectProblem(await server.api('GET', '/v1/sessions?agent=ag_web1', token), 403);
    expect((await server.api('GET', '/v1/sessions?scope=plan:plan_checkout_api', token)).status).toBe(200);
    const outside = all.find(
      (s) => s.links?.plan?.id !== 'plan_checkout_api' && s.visibility.type === 'workspace',
    )!;
    expectProblem(await server.api('GET', `/v1/sessions/${outside.id}`, token), 404);
    expectProblem(await server.api('GET', `/v1/sessions/${outside.id}/transcript`, token), 404);
    expectProblem(await server.api('POST', '/v1/sessions', token, { kind: 'flow' }), 403);
    expectProblem(
      await server.api('POST', '/v1/embed-tokens', token, { scope: 'plan:plan_checkout_api' }),
      403,
    );
  });

  it('refuses scopes the caller lacks or that are not read scopes', async () => {
    expectProblem(
      await server.api('POST', '/v1/embed-tokens', noSpend, {
        scope: 'initiative:init_search',
        scopes: ['spend:read'],
      }),
      403,
    );
    expectProblem(
      await server.api('POST', '/v1/embed-tokens', member, {
        scope: 'initiative:init_search',
        scopes: ['sessions:write'],
      }),
      403,
    );
    expectProblem(
      await server.api('POST', '/v1/embed-tokens', reader, { scope: 'initiative:init_search' }),
      403,
    );
    const bad = expectProblem(
      await server.api('POST', '/v1/embed-tokens', member, { scope: 'team:x', ttlSeconds: 999_999 }),
      400,
    );
    expect(bad.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['body.scope', 'body.ttlSeconds']));
  });
});

describe('authorization matrix (endpoint × principal)', () => {
  type Who = 'admin' | 'member' | 'noSpend' | 'embed' | 'agent';
  const WHO: Who[] = ['admin', 'member', 'noSpend', 'embed', 'agent'];
  const token = (who: Who) => ({ admin: ADMIN, member, noSpend, embed, agent })[who];
  const CHECKOUT = { initiative: { id: 'init_checkout', title: 'Checkout v2' } };

  /** A fresh session in the embed token's scope, so each cell acts on its own. */
  async function fresh(kind: 'flow' | 'chat', status?: string): Promise<string> {
    const res = await server.api('POST', '/v1/sessions', ADMIN, {
      kind,
      title: `matrix ${kind}`,
      links: CHECKOUT,
    });
    if (status) await server.api('POST', `/v1/sessions/${res.body.id}/activity`, ADMIN, { status });
    return res.body.id as string;
  }
  async function pending(): Promise<string> {
    const id = await fresh('flow');
    await server.api('POST', `/v1/sessions/${id}/submit`, ADMIN, { summary: 'ready' });
    return id;
  }

  type Cell = {
    expect: Record<Who, number>;
    run: (t: string) => Promise<{ status: number; body: unknown; headers: Headers }>;
  };
  const all = (status: number, except: Partial<Record<Who, number>> = {}): Record<Who, number> => ({
    admin: status,
    member: status,
    noSpend: status,
    embed: status,
    agent: status,
    ...except,
  });
  const cells: Record<string, () => Promise<Cell>> = {
    'GET /v1/sessions': async () => ({
      expect: all(200),
      run: (t) => server.api('GET', '/v1/sessions?limit=5', t),
    }),
    'GET /v1/sessions?scope=other': async () => ({
      expect: all(200, { embed: 403 }),
      run: (t) => server.api('GET', '/v1/sessions?limit=5&scope=initiative:init_search', t),
    }),
    'GET session (in scope)': async () => {
      const id = await fresh('flow');
      return { expect: all(200), run: (t) => server.api('GET', `/v1/sessions/${id}`, t) };
    },
    'GET session (restricted)': async () => {
      const res = await server.api('POST', '/v1/sessions', ADMIN, {
        kind: 'flow',
        title: 'restricted',
        links: CHECKOUT,
        visibility: { type: 'list', members: [], groups: ['g_security'] },
      });
      return {
        expect: all(404, { admin: 200 }),
        run: (t) => server.api('GET', `/v1/sessions/${res.body.id}`, t),
      };
    },
    'GET transcript (out of embed scope)': async () => {
      const res = await server.api('POST', '/v1/sessions', ADMIN, { kind: 'chat', title: 'elsewhere' });
      return {
        expect: all(200, { embed: 404 }),
        run: (t) => server.api('GET', `/v1/sessions/${res.body.id}/transcript`, t),
      };
    },
    'GET executions': async () => {
      const id = await fresh('flow');
      return { expect: all(200), run: (t) => server.api('GET', `/v1/sessions/${id}/executions`, t) };
    },
    'GET insights': async () => {
      const id = await fresh('flow');
      return { expect: all(200), run: (t) => server.api('GET', `/v1/sessions/${id}/insights`, t) };
    },
    'GET cost': async () => {
      const id = await fresh('flow');
      return {
        expect: all(200, { noSpend: 403, agent: 403 }),
        run: (t) => server.api('GET', `/v1/sessions/${id}/cost`, t),
      };
    },
    'POST /v1/sessions': async () => ({
      expect: all(201, { embed: 403 }),
      run: (t) => server.api('POST', '/v1/sessions', t, { kind: 'task', title: 'matrix start' }),
    }),
    // A19: only the session's writer (or sessions:admin) writes its activity and submits it.
    'POST activity': async () => ({
      expect: all(403, { admin: 200 }),
      run: async (t) =>
        server.api('POST', `/v1/sessions/${await fresh('flow')}/activity`, t, { status: 'paused' }),
    }),
    'POST activity (own session)': async () => ({
      expect: all(200, { embed: 403 }),
      run: async (t) => {
        const own = await server.api('POST', '/v1/sessions', t, { kind: 'flow', links: CHECKOUT });
        if (own.status !== 201) return own;
        return server.api('POST', `/v1/sessions/${own.body.id}/activity`, t, { status: 'paused' });
      },
    }),
    'POST cancel': async () => ({
      expect: all(200, { embed: 403, agent: 403 }),
      run: async (t) => server.api('POST', `/v1/sessions/${await fresh('flow')}/cancel`, t),
    }),
    'POST end': async () => ({
      expect: all(200, { embed: 403, agent: 403 }),
      run: async (t) => server.api('POST', `/v1/sessions/${await fresh('chat')}/end`, t),
    }),
    'POST submit': async () => ({
      expect: all(403, { admin: 200 }),
      run: async (t) =>
        server.api('POST', `/v1/sessions/${await fresh('flow')}/submit`, t, { summary: 'done' }),
    }),
    'POST review': async () => ({
      expect: all(200, { embed: 403, agent: 403 }),
      run: async (t) =>
        server.api('POST', `/v1/sessions/${await pending()}/review`, t, { decision: 'completed' }),
    }),
    'PUT visibility': async () => ({
      expect: all(403, { admin: 200 }),
      run: async (t) =>
        server.api('PUT', `/v1/sessions/${await fresh('flow')}/visibility`, t, { type: 'workspace' }),
    }),
    'GET /v1/members': async () => ({ expect: all(200), run: (t) => server.api('GET', '/v1/members', t) }),
    'GET /v1/me': async () => ({ expect: all(200), run: (t) => server.api('GET', '/v1/me', t) }),
    'POST /v1/embed-tokens': async () => ({
      expect: all(201, { embed: 403, agent: 403 }),
      run: (t) =>
        server.api('POST', '/v1/embed-tokens', t, {
          scope: 'plan:plan_soc2_access',
          scopes: ['sessions:read'],
        }),
    }),
  };

  it.each(Object.keys(cells))('%s', async (name) => {
    const cell = await cells[name]!();
    const got: Record<string, number> = {};
    for (const who of WHO) {
      const res = await cell.run(token(who));
      got[who] = res.status;
      if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(got).toEqual(cell.expect);
  });

  it('carries cost only for callers with spend visibility', async () => {
    const id = await fresh('flow');
    await server.api('POST', `/v1/sessions/${id}/activity`, ADMIN, {
      turns: [{ model: 'm', pricing: 'priced', amountUsd: '0.5', tokens: 1 }],
    });
    const has: Record<string, boolean> = {};
    for (const who of WHO)
      has[who] = 'cost' in (await server.api('GET', `/v1/sessions/${id}`, token(who))).body;
    expect(has).toEqual({ admin: true, member: true, noSpend: false, embed: true, agent: false });
  });
});

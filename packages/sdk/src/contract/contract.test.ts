import { describe, expect, it } from 'vitest';
import {
  ActivityBatch,
  CostDetail,
  CostSummary,
  Me,
  Money,
  Problem,
  Session,
  SessionFilters,
  ListSessionsQuery,
  StartSession,
  StreamEvent,
  SubmitSession,
  TranscriptEntry,
  TranscriptEntryInput,
  TurnAmount,
  Visibility,
  withinJsonDepth,
  MAX_JSON_VALUE_DEPTH,
  MAX_STORED_INT,
} from '../index.js';
import { wireSession } from '../test/fixtures.js';

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => issue.path.join('.'));
}

describe('Session', () => {
  it('parses a complete session of every kind', () => {
    for (const kind of ['flow', 'task', 'chat', 'assessment'] as const) {
      const parsed = Session.parse(
        wireSession({
          kind,
          description: 'Harden the checkout',
          endedAt: '2026-11-21T10:00:00.000Z',
          lastMessageAt: '2026-11-21T09:59:00.000Z',
          cost: { amountUsd: '0.84', credits: 84, turns: { priced: 20, estimated: 2, unpriced: 1 } },
          error: { code: 'E_TIMEOUT', message: 'The runner timed out' },
          links: {
            initiative: { id: 'init_1', title: 'Checkout' },
            pullRequest: { title: '#42', url: 'https://example.com/pr/42' },
          },
          agent: { id: 'ag_3f8a1c2d', hostname: 'web-01.internal' },
          playbook: 'security-review',
          counts: { executions: 14, insights: 3, toolCalls: 17 },
          chatMode: 'ask',
          metadata: { model: 'claude-sonnet-4', origin: 'editor' },
          visibility: { type: 'list', members: ['mem_sarah'], groups: ['grp_sec'] },
        }),
      );
      expect(parsed.kind).toBe(kind);
      expect(parsed.cost?.amountUsd).toBe('0.84');
    }
  });

  it('names the path of every missing required field', () => {
    const { title: _title, owner: _owner, ...rest } = wireSession();
    const paths = issuePaths(Session.safeParse({ ...rest, progress: { steps: [{ status: 'running' }] } }));
    expect(paths).toEqual(expect.arrayContaining(['title', 'owner', 'progress.steps.0.name']));
  });

  it('rejects wrong types with their paths', () => {
    const paths = issuePaths(
      Session.safeParse({ ...wireSession(), version: '3', createdAt: 'yesterday', kind: 'meeting' }),
    );
    expect(paths).toEqual(expect.arrayContaining(['version', 'createdAt', 'kind']));
  });

  it('tolerates extra fields from a newer server', () => {
    const parsed = Session.parse({
      ...wireSession(),
      priority: 'high',
      owner: { id: 'm', name: 'M', team: 'x' },
    });
    expect(parsed.title).toBe('Full SDLC');
  });

  it('tolerates a status it does not know yet', () => {
    const parsed = Session.parse(wireSession({ status: 'hibernating' }));
    expect(parsed.status).toBe('hibernating');
    expect(Session.safeParse(wireSession({ status: '' })).success).toBe(false);
  });

  it('refuses links with schemes other than http(s)', () => {
    const paths = issuePaths(
      Session.safeParse(wireSession({ links: { repository: { title: 'x', url: 'javascript:alert(1)' } } })),
    );
    expect(paths).toEqual(['links.repository.url']);
  });
});

describe('Money and cost', () => {
  it('accepts decimal strings and refuses floats, exponents and excess precision', () => {
    for (const ok of ['0', '0.84', '12.000125', '1000000', '-0.5'])
      expect(Money.safeParse(ok).success).toBe(true);
    for (const bad of [0.84, '0.1234567', '1e3', '.5', '01.2', 'NaN', '']) {
      expect(Money.safeParse(bad).success).toBe(false);
    }
  });

  it('parses a cost summary and a detail with priced, estimated and unpriced turns', () => {
    expect(
      CostSummary.parse({ amountUsd: '0.84', turns: { priced: 1, estimated: 0, unpriced: 0 } }),
    ).toBeTruthy();
    const detail = CostDetail.parse({
      totals: {
        amountUsd: '0.062',
        turns: { priced: 1, estimated: 1, unpriced: 1 },
        events: 41,
        credits: 0,
        tokens: 128_400,
        toolCalls: 17,
      },
      turns: [
        { turn: 1, model: 'claude-sonnet-4', pricing: 'priced', amountUsd: '0.031', tokens: 4000 },
        { turn: 2, model: 'claude-sonnet-4', pricing: 'estimated', amountUsd: '0.031', tokens: 4100 },
        { turn: 3, model: 'claude-sonnet-4', pricing: 'unpriced', amountUsd: null, tokens: 0 },
      ],
    });
    expect(detail.turns.map((turn) => turn.pricing)).toEqual(['priced', 'estimated', 'unpriced']);
    const paths = issuePaths(
      CostDetail.safeParse({ ...detail, turns: [{ ...detail.turns[0], pricing: 'free' }] }),
    );
    expect(paths).toEqual(['turns.0.pricing']);
  });
});

describe('transcript entries', () => {
  it('discriminates by type and requires each type’s fields', () => {
    const at = '2026-11-21T09:00:00.000Z';
    const entries = [
      { type: 'message', role: 'user', text: 'hi', seq: 1, at },
      {
        type: 'tool_call',
        name: 'bash',
        arguments: { cmd: 'ls' },
        result: 'a b',
        status: 'succeeded',
        seq: 2,
        at,
      },
      { type: 'file_edit', path: 'src/a.ts', before: null, after: 'export {}', seq: 3, at },
      { type: 'step', name: 'Plan', status: 'completed', seq: 4, at },
    ];
    expect(entries.map((entry) => TranscriptEntry.parse(entry).type)).toEqual([
      'message',
      'tool_call',
      'file_edit',
      'step',
    ]);
    expect(issuePaths(TranscriptEntry.safeParse({ type: 'message', role: 'user', seq: 1, at }))).toEqual([
      'text',
    ]);
    expect(issuePaths(TranscriptEntry.safeParse({ type: 'poem', seq: 1, at }))).toEqual(['type']);
  });

  it('lets runtimes omit seq and at on input', () => {
    expect(TranscriptEntryInput.parse({ type: 'message', role: 'assistant', text: 'ok' })).toEqual({
      type: 'message',
      role: 'assistant',
      text: 'ok',
    });
  });
});

describe('request bodies and queries', () => {
  it('validates an activity batch with paths into nested entries', () => {
    expect(
      ActivityBatch.parse({
        transcript: [{ type: 'message', role: 'assistant', text: 'Running nmap' }],
        turns: [{ model: 'm', pricing: 'priced', amountUsd: '0.01', tokens: 10 }],
        executions: [
          {
            command: 'uname -a',
            capability: 'shell',
            output: 'Linux',
            exitCode: 0,
            startedAt: '2026-11-21T09:00:00Z',
            durationMs: 12,
          },
        ],
        status: 'running',
      }),
    ).toBeTruthy();
    const paths = issuePaths(
      ActivityBatch.safeParse({ transcript: [{ type: 'message', role: 'robot', text: 1 }], turns: [{}] }),
    );
    expect(paths).toEqual(
      expect.arrayContaining(['transcript.0.role', 'transcript.0.text', 'turns.0.model', 'turns.0.pricing']),
    );
  });

  it('defaults limit and bounds it to 1..200', () => {
    expect(ListSessionsQuery.parse({}).limit).toBe(50);
    expect(issuePaths(ListSessionsQuery.safeParse({ limit: 0 }))).toEqual(['limit']);
    expect(issuePaths(ListSessionsQuery.safeParse({ limit: 201 }))).toEqual(['limit']);
  });

  it('accepts record scopes and refuses anything else', () => {
    for (const scope of ['initiative:init_1', 'plan:p-2', 'agent:ag_3f8a1c2d']) {
      expect(SessionFilters.safeParse({ scope }).success).toBe(true);
    }
    for (const scope of ['workspace', 'initiative:', 'initiative:a b', 'team:x']) {
      expect(issuePaths(SessionFilters.safeParse({ scope }))).toEqual(['scope']);
    }
  });

  it('requires a non-blank summary to submit', () => {
    expect(issuePaths(SubmitSession.safeParse({ summary: '   ' }))).toEqual(['summary']);
    expect(SubmitSession.parse({ summary: ' Done. ' }).summary).toBe('Done.');
  });

  it('starts sessions of known kinds only', () => {
    expect(StartSession.parse({ kind: 'assessment', agentId: 'ag_1', playbook: 'baseline' }).kind).toBe(
      'assessment',
    );
    expect(issuePaths(StartSession.safeParse({ kind: 'meeting' }))).toEqual(['kind']);
  });

  it('validates visibility lists', () => {
    expect(Visibility.parse({ type: 'list', members: ['m1'], groups: [] }).type).toBe('list');
    expect(issuePaths(Visibility.safeParse({ type: 'list', members: [''] }))).toEqual(
      expect.arrayContaining(['members.0', 'groups']),
    );
  });
});

describe('stream events, me and problems', () => {
  it('discriminates stream events and validates their data', () => {
    expect(StreamEvent.parse({ type: 'session', id: '42', data: wireSession() }).type).toBe('session');
    expect(StreamEvent.parse({ type: 'session.removed', id: '43', data: { id: 'ses_1' } }).type).toBe(
      'session.removed',
    );
    expect(StreamEvent.parse({ type: 'reset', data: { reason: 'retention' } }).type).toBe('reset');
    expect(issuePaths(StreamEvent.safeParse({ type: 'session', id: '44', data: { id: 'x' } }))).toEqual(
      expect.arrayContaining(['data.kind', 'data.title']),
    );
  });

  it('parses me for every principal', () => {
    const me = Me.parse({
      principal: 'embed',
      member: { id: 'mem_1', name: 'Ana', groups: [] },
      scopes: ['sessions:read'],
      embed: { scope: 'plan:p1', expiresAt: '2026-11-21T10:00:00Z' },
      settings: { workspaceName: 'Acme', spendTracking: true },
    });
    expect(me.embed?.scope).toBe('plan:p1');
    expect(issuePaths(Me.safeParse({ ...me, scopes: ['root'] }))).toEqual(['scopes.0']);
  });

  it('keeps extension members of a problem document', () => {
    const problem = Problem.parse({
      type: 'https://session-lens.dev/problems/conflict',
      title: 'Conflict',
      status: 409,
      currentStatus: 'completed',
      traceId: 'abc',
    });
    expect(problem).toMatchObject({ currentStatus: 'completed', traceId: 'abc' });
  });
});

describe('limits of what a runtime may report (A19)', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
    return value;
  };

  it('bounds tool-call arguments and results at 64 levels', () => {
    expect(MAX_JSON_VALUE_DEPTH).toBe(64);
    expect(withinJsonDepth(nested(64))).toBe(true);
    expect(withinJsonDepth(nested(65))).toBe(false);
    expect(withinJsonDepth(nested(100_000))).toBe(false);
    const call = (args: unknown) => ({ type: 'tool_call', name: 't', arguments: args, status: 'running' });
    expect(TranscriptEntryInput.safeParse(call(nested(64))).success).toBe(true);
    expect(issuePaths(TranscriptEntryInput.safeParse(call(nested(65))))).toEqual(['arguments']);
    expect(issuePaths(TranscriptEntryInput.safeParse({ ...call(1), result: nested(65) }))).toEqual([
      'result',
    ]);
  });

  it('bounds a turn: amounts from 0 to $999,999,999.999999, tokens and credits to 2^31 − 1', () => {
    for (const ok of ['0', '0.000001', '999999999.999999', '12.5'])
      expect(TurnAmount.safeParse(ok).success).toBe(true);
    for (const bad of ['-1', '1000000000', '9000000000000', '1.0000001', '01', '1e3']) {
      expect(TurnAmount.safeParse(bad).success, bad).toBe(false);
    }
    const turn = {
      model: 'm',
      pricing: 'priced',
      amountUsd: '1',
      tokens: MAX_STORED_INT,
      credits: MAX_STORED_INT,
    };
    expect(ActivityBatch.safeParse({ turns: [turn] }).success).toBe(true);
    expect(issuePaths(ActivityBatch.safeParse({ turns: [{ ...turn, tokens: 2 ** 31 }] }))).toEqual([
      'turns.0.tokens',
    ]);
    expect(issuePaths(ActivityBatch.safeParse({ turns: [{ ...turn, credits: 2 ** 31 }] }))).toEqual([
      'turns.0.credits',
    ]);
  });
});

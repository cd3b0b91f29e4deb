import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KNOWN_STATUSES, SessionPage, Session } from '@session-lens/sdk';
import { ADMIN, startTestServer, type TestServer } from './test/harness.js';
import { fingerprint } from './test/fingerprint.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seedSessions: 200 });
});

afterAll(async () => {
  await server?.stop();
});

/** Text PostgreSQL cannot store: NUL and lone UTF-16 surrogates, alone or inside other text. */
const unstorable = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\udbff', '\ude00y', '\ud83d'),
  fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom('\u0000', '\ud800', '\udc00')).map(([a, b]) => a + b),
);

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  unstorable,
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '_',
    '\\',
    "'; drop table sessions; --",
    '\u202e',
    '<script>',
    'null',
    '-1',
    '1e9',
    'true',
  ),
  fc.string({ minLength: 190, maxLength: 260 }),
  fc.integer().map(String),
);

/** Objects nested `depth` levels, around the 64-level limit of tool-call arguments and far past it. */
const deep = fc
  .oneof(fc.integer({ min: 60, max: 70 }), fc.integer({ min: 90, max: 130 }), fc.constant(3000))
  .map((depth) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { k: value };
    return value;
  });

/** JSON values whose keys or leaves cannot be stored. */
const badJson = fc.oneof(
  unstorable.map((key) => ({ [key]: 1 })),
  unstorable.map((leaf) => ({ ok: [leaf] })),
  deep,
);

/** Numbers beyond what a column holds: int4 counts, micro-dollar amounts. */
const bigInt = fc.oneof(
  fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53 - 1, 2 ** 53, 1e300),
  fc.integer({ min: 2 ** 31 - 2, max: 2 ** 31 + 2 }),
);
const bigAmount = fc.constantFrom(
  '9000000000000',
  '9223372036854.775807',
  '9223372036855',
  '999999999999999',
  '999999999.999999',
  '1000000000',
);

const filterPair = fc.oneof(
  fc.tuple(
    fc.constantFrom(
      'kind',
      'owner',
      'status',
      'scope',
      'agent',
      'hostname',
      'playbook',
      'q',
      'active',
      'limit',
      'cursor',
    ),
    text,
  ),
  fc.tuple(fc.constant('kind'), fc.constantFrom('flow', 'task', 'chat', 'assessment', 'flow,chat')),
  fc.tuple(fc.constant('status'), fc.constantFrom(...KNOWN_STATUSES)),
  fc.tuple(
    fc.constant('scope'),
    fc.constantFrom(
      'initiative:init_checkout',
      'plan:plan_soc2_access',
      'agent:ag_web1',
      'agent:',
      'initiative:a:b',
    ),
  ),
  fc.tuple(fc.constant('active'), fc.constantFrom('true', 'false', '1', '0', 'yes')),
  fc.tuple(fc.constant('limit'), fc.integer({ min: -5, max: 300 }).map(String)),
  fc.tuple(fc.constant('cursor'), fc.base64String({ maxLength: 80 })),
  fc.tuple(text, text),
);

const iso = fc
  .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const entry = fc.oneof(
  fc.record({
    type: fc.constant('message'),
    role: fc.constantFrom('user', 'assistant', 'system'),
    text: text,
  }),
  fc.record({
    type: fc.constant('tool_call'),
    name: text,
    arguments: fc.oneof(fc.jsonValue({ maxDepth: 3 }), badJson),
    result: fc.option(badJson, { nil: undefined }),
    status: fc.constantFrom('running', 'succeeded', 'failed', 'odd'),
  }),
  fc.record({ type: fc.constant('file_edit'), path: text, before: fc.option(text), after: fc.option(text) }),
  fc.record({
    type: fc.constant('step'),
    name: text,
    status: fc.constantFrom(...KNOWN_STATUSES),
    at: fc.option(iso, { nil: undefined }),
  }),
  fc.jsonValue({ maxDepth: 2 }),
);
const turn = fc.oneof(
  fc.record({
    model: text,
    pricing: fc.constantFrom('priced', 'estimated', 'unpriced', 'free'),
    amountUsd: fc.option(
      fc.oneof(fc.constantFrom('0.1', '1.000001', '-1', '0.1234567', '1e3', 'NaN'), bigAmount, text),
      { nil: undefined },
    ),
    tokens: fc.oneof(fc.nat(100_000), fc.integer(), fc.double(), bigInt),
    credits: fc.option(fc.oneof(fc.nat(50), bigInt), { nil: undefined }),
  }),
  fc.jsonValue({ maxDepth: 2 }),
);
const batch = fc.oneof(
  fc.record(
    {
      transcript: fc.array(entry, { maxLength: 4 }),
      turns: fc.array(turn, { maxLength: 3 }),
      steps: fc.array(fc.record({ name: text, status: fc.oneof(fc.constantFrom(...KNOWN_STATUSES), text) }), {
        maxLength: 3,
      }),
      executions: fc.array(
        fc.record({
          command: text,
          capability: text,
          output: text,
          exitCode: fc.option(fc.integer()),
          startedAt: fc.oneof(iso, text),
          durationMs: fc.integer(),
        }),
        { maxLength: 2 },
      ),
      insights: fc.array(
        fc.record({
          title: text,
          severity: fc.constantFrom('info', 'high', 'extreme'),
          state: fc.constantFrom('open', 'resolved'),
          detail: text,
        }),
        { maxLength: 2 },
      ),
      status: fc.oneof(
        fc.constantFrom(
          'running',
          'paused',
          'waiting',
          'pending_review',
          'completed',
          'reviewed',
          'cancelled',
          'ended',
          'failed',
        ),
        text,
      ),
      error: fc.record({ code: text, message: text }),
    },
    { requiredKeys: [] },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  text.map((raw) => ({ raw })),
);

describe('bad input (fuzz)', () => {
  it('answers thousands of generated list queries with 200 or 400, never 5xx', async () => {
    let ok = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(filterPair, { maxLength: 5 }), async (pairs) => {
        const params = new URLSearchParams();
        for (const [key, value] of pairs) params.append(key, value);
        // Small pages keep thousands of runs fast; the filters are what is being fuzzed.
        if (!params.has('limit')) params.set('limit', '5');
        const res = await server.api('GET', `/v1/sessions?${params}`, ADMIN);
        expect([200, 400]).toContain(res.status);
        if (res.status === 200) {
          SessionPage.parse(res.body);
          ok += 1;
        } else {
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          expect(res.body.errors.length).toBeGreaterThan(0);
          rejected += 1;
        }
      }),
      { numRuns: 1000, seed: 1 },
    );
    expect(ok).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(50);
  });

  it('answers thousands of generated ingestion bodies without 5xx; rejected ones change nothing', async () => {
    const agent = server.tokens.demo!.agents[0]!.token;
    const newTarget = async () => {
      const res = await server.api('POST', '/v1/sessions', agent, { kind: 'task', title: 'Fuzz target' });
      return (res.body as Session).id;
    };
    let target = await newTarget();
    let accepted = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(batch, fc.boolean(), async (body, withKey) => {
        const before = await fingerprint(server.db, target);
        const raw =
          typeof body === 'object' && body !== null && 'raw' in body
            ? (body as { raw: string }).raw
            : undefined;
        const res = await server.api(
          'POST',
          `/v1/sessions/${target}/activity`,
          agent,
          raw ?? body,
          withKey ? { 'idempotency-key': `k${accepted}-${rejected}` } : {},
        );
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.status === 200) {
          Session.parse(res.body);
          // No accepted write may leave a session that a read cannot serve (A19).
          const cost = await server.api('GET', `/v1/sessions/${target}/cost`, ADMIN);
          expect(cost.status, JSON.stringify(cost.body)).toBe(200);
          accepted += 1;
          if (
            !['running', 'paused', 'waiting', 'queued', 'blocked', 'provisioning'].includes(res.body.status)
          )
            target = await newTarget();
        } else {
          expect([400, 403, 409, 413]).toContain(res.status);
          expect(await fingerprint(server.db, target)).toBe(before);
          rejected += 1;
        }
      }),
      { numRuns: 800, seed: 2 },
    );
    expect(accepted).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(200);
    // ~45 s on an idle machine; 800 runs of several requests each need more than the default
    // 150 s when 8 engineers share 2 cores.
  }, 600_000);

  it('answers generated session ids and cursors with 200, 400 or 404, never 5xx', async () => {
    const page = await server.api('GET', '/v1/sessions?limit=1', ADMIN);
    const real = page.body.nextCursor as string;
    const id = (page.body.data[0] as Session).id;
    const cursor = fc.oneof(
      text,
      fc.base64String({ maxLength: 120 }),
      fc.constantFrom(real, `${real}x`, real.split('.')[0]!, `${real.split('.')[0]}.`, `.${real}`),
      fc
        .tuple(fc.integer(), fc.constantFrom(0, 1, 2), fc.option(text), fc.option(text), text)
        .map((tuple) => Buffer.from(JSON.stringify([1, ...tuple])).toString('base64url')),
    );
    // Every byte percent-encoded, as a client sends text (a lone surrogate becomes U+FFFD in UTF-8).
    const pct = (value: string) =>
      [...Buffer.from(value)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(text, fc.constant(id)), cursor, fc.boolean(), async (sessionId, c, list) => {
        const path = list
          ? `/v1/sessions?limit=2&cursor=${pct(c)}`
          : `/v1/sessions/${pct(sessionId)}/transcript?limit=2&cursor=${pct(c)}`;
        const res = await server.api('GET', path, ADMIN);
        expect([200, 400, 404], `${path} → ${JSON.stringify(res.body)}`).toContain(res.status);
        statuses.add(res.status);
      }),
      { numRuns: 400, seed: 3 },
    );
    expect([...statuses].sort()).toEqual([200, 400, 404]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Problem, Session, SessionPage } from '@session-lens/sdk';
import { ADMIN, SseClient, startTestServer, type ApiResponse, type TestServer } from './test/harness.js';
import { fingerprint } from './test/fingerprint.js';

// A19 and §2: bad input is a 400 naming its path, never a 500, and never changes stored data;
// no write can leave a session that a read cannot serve.

let server: TestServer;
let agent: string;

function expect400(res: ApiResponse, path: string): Problem {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = Problem.parse(res.body);
  // The field itself, or (past the nesting limit) a place inside it.
  const paths = problem.errors?.map((e) => e.path) ?? [];
  expect(
    paths.some((p) => p === path || p.startsWith(`${path}.`)),
    paths.join(', '),
  ).toBe(true);
  return problem;
}

async function task(): Promise<string> {
  const res = await server.api('POST', '/v1/sessions', agent, { kind: 'task', title: 'bad input target' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** Posts a batch that must be refused with a 400 at `path` and leave the session as it was. */
async function refused(id: string, body: unknown, path: string): Promise<Problem> {
  const before = await fingerprint(server.db, id);
  const problem = expect400(await server.api('POST', `/v1/sessions/${id}/activity`, agent, body), path);
  expect(await fingerprint(server.db, id)).toBe(before);
  return problem;
}

const message = (text: string) => ({ type: 'message', role: 'user', text });
const toolCall = (args: unknown) => ({ type: 'tool_call', name: 't', arguments: args, status: 'succeeded' });
const nested = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
};

beforeAll(async () => {
  server = await startTestServer({ seedSessions: 40 });
  agent = server.tokens.demo!.agents[0]!.token;
});

afterAll(async () => {
  await server?.stop();
});

describe('NUL bytes and lone surrogates', () => {
  it('in a path or a query', async () => {
    expect400(await server.api('GET', '/v1/sessions/ses_%00', ADMIN), 'params.id');
    expect400(await server.api('GET', '/v1/sessions/a%00b/transcript', ADMIN), 'params.id');
    expect400(await server.api('POST', '/v1/sessions/x%00/cancel', ADMIN), 'params.id');
    expect400(await server.api('GET', '/v1/sessions?q=a%00b', ADMIN), 'query.q');
    expect400(await server.api('GET', '/v1/sessions?hostname=%00', ADMIN), 'query.hostname');
    expect400(await server.api('GET', '/v1/sessions?owner=m_%00', ADMIN), 'query.owner');
    expect400(await server.api('GET', '/v1/stream?agent=%00', ADMIN), 'query.agent');
  });

  it('in body strings and in JSON keys', async () => {
    const id = await task();
    await refused(id, { transcript: [message('a\u0000b')] }, 'body.transcript.0.text');
    await refused(id, { transcript: [message('lone \ud800 high')] }, 'body.transcript.0.text');
    await refused(id, { transcript: [message('lone \udc00 low')] }, 'body.transcript.0.text');
    await refused(id, { transcript: [toolCall({ 'k\u0000': 1 })] }, 'body.transcript.0.arguments');
    await refused(id, { transcript: [toolCall({ deep: ['\ud83d'] })] }, 'body.transcript.0.arguments.deep.0');
    await refused(id, { error: { code: 'x', message: '\u0000' } }, 'body.error.message');
    expect400(
      await server.api('POST', '/v1/sessions', agent, { kind: 'flow', title: 'nul\u0000title' }),
      'body.title',
    );
    // Raw JSON text with the escapes, as a careless client would send it.
    const raw = await server.api(
      'POST',
      `/v1/sessions/${id}/activity`,
      agent,
      '{"transcript":[{"type":"message","role":"user","text":"\\u0000"}]}',
    );
    expect400(raw, 'body.transcript.0.text');
    // A well-formed pair is fine.
    const ok = await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
      transcript: [message('emoji \ud83d\ude00')],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });
});

describe('numbers beyond what the schema and the storage hold', () => {
  it('tokens and credits of 2^31 or more, amounts beyond the per-turn limit', async () => {
    const id = await task();
    const turn = { model: 'm', pricing: 'priced', amountUsd: '0.1', tokens: 1 };
    await refused(id, { turns: [{ ...turn, tokens: 2 ** 31 }] }, 'body.turns.0.tokens');
    await refused(id, { turns: [{ ...turn, credits: 2 ** 31 }] }, 'body.turns.0.credits');
    await refused(id, { turns: [{ ...turn, amountUsd: '9000000000000' }] }, 'body.turns.0.amountUsd');
    await refused(id, { turns: [{ ...turn, amountUsd: '9223372036855' }] }, 'body.turns.0.amountUsd');
    await refused(id, { turns: [{ ...turn, amountUsd: '1000000000' }] }, 'body.turns.0.amountUsd');
    const edge = await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
      turns: [{ ...turn, tokens: 2 ** 31 - 1, credits: 2 ** 31 - 1, amountUsd: '999999999.999999' }],
    });
    expect(edge.status, JSON.stringify(edge.body)).toBe(200);
    expect((await server.api('GET', `/v1/sessions/${id}/cost`, ADMIN)).status).toBe(200);
  });

  it("checks the session's totals after applying the batch: the issue's 120 big turns", async () => {
    const id = await task();
    const turns = Array.from({ length: 120 }, () => ({
      model: 'm',
      pricing: 'priced',
      amountUsd: '999999999',
      tokens: 1,
    }));
    // 120 turns of $999,999,999 fit ($119,999,999,880); the totals stay readable.
    const fits = await server.api('POST', `/v1/sessions/${id}/activity`, agent, { turns });
    expect(fits.status, JSON.stringify(fits.body)).toBe(200);
    // Bring the total near the limit (as if many batches had landed), then cross it.
    await server.db.query(
      `update sessions set doc = jsonb_set(doc, '{cost,amountUsd}', '"999999999000"') where id = $1`,
      [id],
    );
    const problem = await refused(
      id,
      { transcript: [message('never stored')], turns: turns.slice(0, 2) },
      'body.turns',
    );
    expect(problem.detail).toMatch(/999,999,999,999\.999999|total/);
    for (const path of [`/v1/sessions/${id}`, `/v1/sessions/${id}/cost`]) {
      expect((await server.api('GET', path, ADMIN)).status).toBe(200);
    }
  });

  it('checks the credit total after applying the batch', async () => {
    const id = await task();
    const turn = { model: 'm', pricing: 'unpriced', tokens: 1, credits: 5 };
    expect((await server.api('POST', `/v1/sessions/${id}/activity`, agent, { turns: [turn] })).status).toBe(
      200,
    );
    await server.db.query(
      `update sessions set doc = jsonb_set(doc, '{cost,credits}', $2::text::jsonb) where id = $1`,
      [id, String(Number.MAX_SAFE_INTEGER - 3)],
    );
    await refused(id, { turns: [turn] }, 'body.turns');
  });
});

describe('bounded steps (A17)', () => {
  async function flow(): Promise<string> {
    const res = await server.api('POST', '/v1/sessions', agent, { kind: 'flow', title: 'steps target' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  const step = (name: string) => ({ name, status: 'completed' });

  it('a step name longer than 200 characters is a 400 naming it', async () => {
    const id = await flow();
    await refused(id, { steps: [step('a'.repeat(201))] }, 'body.steps.0.name');
    const fits = await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
      steps: [step('a'.repeat(200))],
    });
    expect(fits.status, JSON.stringify(fits.body)).toBe(200);
  });

  it('a session holds at most 500 steps: the batch that would pass it is refused whole', async () => {
    const id = await flow();
    for (let batch = 0; batch < 2; batch += 1) {
      const steps = Array.from({ length: 200 }, (_, i) => step(`step ${batch * 200 + i}`));
      const res = await server.api('POST', `/v1/sessions/${id}/activity`, agent, { steps });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    // 400 steps now; 150 more would make 550. Updating steps already there adds none.
    const more = Array.from({ length: 150 }, (_, i) => step(`step ${400 + i}`));
    await refused(id, { transcript: [message('never stored')], steps: more }, 'body.steps');
    const again = Array.from({ length: 200 }, (_, i) => ({ name: `step ${i}`, status: 'failed' }));
    const updated = await server.api('POST', `/v1/sessions/${id}/activity`, agent, { steps: again });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(Session.parse(updated.body).progress.steps).toHaveLength(400);
  });
});

describe('tool-call size (A17)', () => {
  it('arguments or a result over 256 KiB of JSON is a 400 naming it', async () => {
    const id = await task();
    const big = 'x'.repeat(256 * 1024);
    await refused(id, { transcript: [toolCall({ big })] }, 'body.transcript.0.arguments');
    await refused(
      id,
      { transcript: [message('never stored'), { ...toolCall({}), result: big }] },
      'body.transcript.1.result',
    );
    const fits = await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
      transcript: [toolCall({ big: 'x'.repeat(200 * 1024) })],
    });
    expect(fits.status, JSON.stringify(fits.body).slice(0, 300)).toBe(200);
  });
});

describe('nesting depth of tool-call arguments and results', () => {
  it('accepts 64 levels and refuses 65 or 5,000, with the path', async () => {
    const id = await task();
    const ok = await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
      transcript: [toolCall(nested(64))],
    });
    expect(ok.status, JSON.stringify(ok.body).slice(0, 300)).toBe(200);
    await refused(id, { transcript: [toolCall(nested(65))] }, 'body.transcript.0.arguments');
    await refused(id, { transcript: [{ ...toolCall(1), result: nested(200) }] }, 'body.transcript.0.result');
    const deep = `{"transcript":[{"type":"tool_call","name":"t","status":"running","arguments":${'['.repeat(5000)}${']'.repeat(5000)}}]}`;
    const before = await fingerprint(server.db, id);
    expect400(
      await server.api('POST', `/v1/sessions/${id}/activity`, agent, deep),
      'body.transcript.0.arguments',
    );
    expect(await fingerprint(server.db, id)).toBe(before);
    // Deeper than any schema allows, anywhere in the body.
    expect((await server.api('POST', `/v1/sessions/${id}/activity`, agent, '['.repeat(200_000))).status).toBe(
      400,
    );
    const wide = `{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect((await server.api('POST', `/v1/sessions/${id}/activity`, agent, wide)).status).toBe(400);
  });
});

describe('cursors', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64url');

  it('a forged list cursor is a 400 naming query.cursor', async () => {
    const first = await server.api('GET', '/v1/sessions?limit=2', ADMIN);
    const real = first.body.nextCursor as string;
    expect(real).toBeTruthy();
    const forged = [
      b64(JSON.stringify([1, Date.now(), 1, '1', 'ses_x', 'abc'])),
      b64(JSON.stringify([1, 8.64e15 + 1, 0, null, null, 'abc'])),
      b64(JSON.stringify([1, Date.now(), 1, '2026-01-01T00:00:00.000Z', 'a\u0000', 'abc'])),
      b64(JSON.stringify([1, Date.now(), 1, '+275760-09-13T00:00:00.000Z', 'ses_x', 'abc'])),
      `${real.slice(0, -2)}xx`,
      real.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    ];
    for (const cursor of forged) {
      expect400(
        await server.api('GET', `/v1/sessions?limit=2&cursor=${encodeURIComponent(cursor)}`, ADMIN),
        'query.cursor',
      );
    }
    const next = await server.api('GET', `/v1/sessions?limit=2&cursor=${encodeURIComponent(real)}`, ADMIN);
    expect(next.status).toBe(200);
  });

  it('a forged transcript cursor is a 400 naming query.cursor', async () => {
    const id = await task();
    await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
      transcript: [message('1'), message('2'), message('3')],
    });
    const first = await server.api('GET', `/v1/sessions/${id}/transcript?limit=1`, ADMIN);
    const real = first.body.nextCursor as string;
    for (const cursor of [b64('t:0'), b64('t:2'), b64('t:99999999999'), `${real}x`]) {
      expect400(
        await server.api(
          'GET',
          `/v1/sessions/${id}/transcript?limit=1&cursor=${encodeURIComponent(cursor)}`,
          ADMIN,
        ),
        'query.cursor',
      );
    }
    const next = await server.api(
      'GET',
      `/v1/sessions/${id}/transcript?limit=1&cursor=${encodeURIComponent(real)}`,
      ADMIN,
    );
    expect(next.body.data.map((e: { seq: number }) => e.seq)).toEqual([2]);
  });
});

describe('a session corrupted by old data stays readable', () => {
  it('GET, /cost, the list and further writes never answer 500', async () => {
    const id = await task();
    await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
      turns: [{ model: 'm', pricing: 'priced', amountUsd: '1', tokens: 1 }],
    });
    // What 120 turns of 9e12 left behind before the limits: a total Money cannot express, and
    // turn rows whose sum overflows it too.
    await server.db.query(
      `update sessions set doc = jsonb_set(doc, '{cost}',
         '{"amountUsd":"1080000000000000","turns":{"priced":3,"estimated":0,"unpriced":0}}') where id = $1`,
      [id],
    );
    await server.db.query(`update cost_turns set amount_micros = 9000000000000000000 where session_id = $1`, [
      id,
    ]);
    await server.db.query(
      `insert into cost_turns (session_id, turn, model, pricing, amount_micros, tokens)
       values ($1, 2, 'm', 'priced', 9000000000000000000, 2147483647), ($1, 3, 'm', 'priced', 9000000000000000000, 2147483647)`,
      [id],
    );
    const one = await server.api('GET', `/v1/sessions/${id}`, ADMIN);
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    Session.parse(one.body);
    const cost = await server.api('GET', `/v1/sessions/${id}/cost`, ADMIN);
    expect(cost.status, JSON.stringify(cost.body)).toBeLessThan(500);
    let cursor: string | null = null;
    let seen = false;
    do {
      const page: ApiResponse = await server.api(
        'GET',
        `/v1/sessions?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        ADMIN,
      );
      expect(page.status, JSON.stringify(page.body).slice(0, 300)).toBe(200);
      SessionPage.parse(page.body);
      seen ||= page.body.data.some((s: Session) => s.id === id);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toBe(true);
    const stream = new SseClient(`${server.url}/v1/stream`, { authorization: `Bearer ${ADMIN}` });
    await stream.until(() => stream.retry !== undefined, 10_000, 'stream connected');
    const write = await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
      transcript: [message('still alive')],
    });
    expect(write.status, JSON.stringify(write.body)).toBe(200);
    // The stream serves the session as GET does: parseable, without the unreadable cost.
    await stream.until(() => stream.data().some((s: Session) => s.id === id), 10_000, 'the write');
    const event = stream.data().find((s: Session) => s.id === id);
    stream.close();
    expect(Session.safeParse(event).success).toBe(true);
    expect(event).not.toHaveProperty('cost');
    const more = await server.api('POST', `/v1/sessions/${id}/activity`, agent, {
      turns: [{ model: 'm', pricing: 'priced', amountUsd: '1', tokens: 1 }],
    });
    expect(more.status, JSON.stringify(more.body)).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, EXPORT_COST_COLUMNS, Problem, Session } from '@session-lens/sdk';
import { exportStream } from './export/stream.js';
import type { Viewer } from './sessions/model.js';
import type { SessionStore } from './sessions/store.js';
import { ADMIN, startTestServer, walkSessions, type TestServer } from './test/harness.js';

// A14: GET /v1/sessions/export against the real server on real PGlite.

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seedSessions: 300 });
});

afterAll(async () => {
  await server?.stop();
});

/** Every page of a list, following nextCursor. */
const walk = (query: string, token: string) => walkSessions(server, query, token);

async function download(query: string, token: string): Promise<{ response: Response; text: string }> {
  const response = await fetch(`${server.url}/v1/sessions/export?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { response, text: await response.text() };
}

/** RFC 4180, strictly: quoted fields may hold anything, `""` is a quote; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error('unterminated quoted field');
        field += text.slice(i, quote);
        i = quote + 1;
        if (text[i] !== '"') break;
        field += '"';
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '\n' || text[i] === '"') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    record.push(field);
    if (text[i] === ',') i += 1;
    else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

describe('GET /v1/sessions/export', () => {
  it('exports every assessment as JSON Lines equal to a full list walk, in S9 order', async () => {
    for (const token of [ADMIN, server.tokens.demo!.memberNoSpend]) {
      const listed = await walk('kind=assessment', token);
      expect(listed.length).toBeGreaterThan(10);
      const { response, text } = await download('format=jsonl&kind=assessment', token);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="sessions-.+\.jsonl"$/,
      );
      expect(text.endsWith('\n')).toBe(true);
      const exported = text
        .trimEnd()
        .split('\n')
        .map((line) => Session.parse(JSON.parse(line)));
      expect(exported).toEqual(listed);
    }
  });

  it('exports CSV with a header row and the documented columns, rows as the list walk', async () => {
    const listed = await walk('kind=assessment', ADMIN);
    const { response, text } = await download('format=csv&kind=assessment', ADMIN);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...EXPORT_COLUMNS, ...EXPORT_COST_COLUMNS]);
    expect(rows.map((row) => row[0])).toEqual(listed.map((s) => s.id));
    const column = (row: string[], name: string) => row[header!.indexOf(name)];
    for (const [index, session] of listed.entries()) {
      const row = rows[index]!;
      expect(column(row, 'status')).toBe(session.status);
      expect(column(row, 'owner')).toBe(session.owner.name);
      expect(column(row, 'updated')).toBe(session.updatedAt);
      expect(column(row, 'host')).toBe(session.agent?.hostname ?? '');
      expect(column(row, 'progress')).toMatch(/^\d+ executions?$/);
      expect(column(row, 'cost_usd')).toBe(session.cost?.amountUsd ?? '');
    }
  });

  it('has no cost column and no cost field without spend visibility', async () => {
    const token = server.tokens.demo!.memberNoSpend;
    const withSpend = await download('format=jsonl', ADMIN);
    expect(withSpend.text).toContain('"cost"');
    const csv = parseCsv((await download('format=csv', token)).text);
    expect(csv[0]).toEqual([...EXPORT_COLUMNS]);
    expect(csv.every((row) => row.length === EXPORT_COLUMNS.length)).toBe(true);
    const lines = (await download('format=jsonl', token)).text.trimEnd().split('\n');
    expect(lines.length).toBe(csv.length - 1);
    for (const line of lines) expect(JSON.parse(line)).not.toHaveProperty('cost');
  });

  it('writes hostile titles as inert, well-formed CSV fields', async () => {
    const titles = [
      'He said "stop", then left',
      'one\ntwo\r\nthree, four',
      '=HYPERLINK("https://evil.example","click")',
      '+SUM(1,2)',
      '-2+3',
      '@cmd',
      '\tpadded',
      '-0.25',
      'plain',
    ];
    const plan = { plan: { id: 'plan_hostile', title: '=evil plan' } };
    for (const title of titles) {
      const res = await server.api('POST', '/v1/sessions', ADMIN, { kind: 'task', title, links: plan });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const { text } = await download('format=csv&scope=plan:plan_hostile', ADMIN);
    const [header, ...rows] = parseCsv(text);
    const titleAt = header!.indexOf('title');
    const planAt = header!.indexOf('plan');
    expect(rows.map((row) => row[titleAt]).sort()).toEqual(
      [
        'He said "stop", then left',
        'one\ntwo\r\nthree, four',
        `'=HYPERLINK("https://evil.example","click")`,
        "'+SUM(1,2)",
        "'-2+3",
        "'@cmd",
        "'\tpadded",
        '-0.25',
        'plain',
      ].sort(),
    );
    expect(new Set(rows.map((row) => row[planAt]))).toEqual(new Set(["'=evil plan"]));
    // JSON Lines carry the titles as they are.
    const jsonl = (await download('format=jsonl&scope=plan:plan_hostile', ADMIN)).text.trimEnd().split('\n');
    expect(jsonl.map((line) => JSON.parse(line).title).sort()).toEqual([...titles].sort());
  });

  it('answers a bad format or bad filters with a 400 naming the path', async () => {
    const cases: [string, string][] = [
      ['', 'query.format'],
      ['format=xml', 'query.format'],
      ['format=csv&format=jsonl', 'query.format'],
      ['format=csv&kind=meeting', 'query.kind.0'],
      ['format=csv&active=maybe', 'query.active'],
      ['format=csv&limit=5', 'query.limit'],
      ['format=csv&scope=team:x', 'query.scope'],
      ['format=csv&since=yesterday', 'query.since'],
      ['format=jsonl&since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z', 'query.until'],
    ];
    for (const [query, path] of cases) {
      const res = await server.api('GET', `/v1/sessions/export?${query}`, ADMIN);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(
        Problem.parse(res.body).errors!.map((e) => e.path),
        query,
      ).toContain(path);
    }
  });

  it('keeps an embed token inside its lock', async () => {
    const { embed, embedScope } = server.tokens.demo!;
    const widened = await server.api(
      'GET',
      '/v1/sessions/export?format=csv&scope=initiative:init_search',
      embed,
    );
    expect(widened.status).toBe(403);
    const lines = (await download('format=jsonl', embed)).text.trimEnd().split('\n');
    const ids = lines.map((line) => (JSON.parse(line) as Session).links?.initiative?.id);
    expect(new Set(ids)).toEqual(new Set([embedScope.split(':')[1]]));
    expect(lines).toHaveLength((await walk('', embed)).length);
  });

  it('needs a token', async () => {
    expect((await server.api('GET', '/v1/sessions/export?format=csv', undefined)).status).toBe(401);
  });
});

describe('the export stream', () => {
  const admin: Viewer = { memberId: 'm_admin', groups: [], admin: true, spend: true };

  /** The store, counting the pages the export reads. */
  function countingStore(): { store: SessionStore; pages: () => number } {
    const real = server.lens.store;
    let pages = 0;
    const store = Object.create(real) as SessionStore;
    store.listJson = (...args) => {
      pages += 1;
      return real.listJson(...args);
    };
    return { store, pages: () => pages };
  }

  it('walks the store page by page by keyset, in S9 order', async () => {
    const { store, pages } = countingStore();
    const stream = await exportStream(store, admin, { kind: ['flow'] }, 'jsonl', 7);
    const text = await new Response(stream).text();
    const listed = await walk('kind=flow', ADMIN);
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(listed);
    expect(pages()).toBe(Math.ceil(listed.length / 7) + (listed.length % 7 === 0 ? 1 : 0));
  });

  it('reads the next page only when the reader has taken the one before', async () => {
    // An endless store: an export that read ahead of its reader would never stop reading.
    let pages = 0;
    const endless = {
      listJson: async () => {
        pages += 1;
        return { json: [`{"page":${pages}}`], nextCursor: `after-${pages}` };
      },
    } as unknown as SessionStore;
    const turns = async () => {
      for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
    };
    const stream = await exportStream(endless, admin, {}, 'jsonl', 1);
    await turns();
    expect(pages).toBeLessThanOrEqual(2);
    const reader = stream.getReader();
    for (let read = 1; read <= 3; read += 1) {
      expect(new TextDecoder().decode((await reader.read()).value)).toBe(`{"page":${read}}\n`);
      await turns();
      // What was read, plus at most one page queued for the reader.
      expect(pages).toBeLessThanOrEqual(read + 1);
    }
    await reader.cancel();
    await turns();
    expect(pages).toBeLessThanOrEqual(4);
  });
});

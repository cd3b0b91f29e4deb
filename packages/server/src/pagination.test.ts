import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSessions, type Session } from '@session-lens/sdk';
import { ADMIN, startTestServer, type TestServer } from './test/harness.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ seedSessions: 3000 });
});

afterAll(async () => {
  await server?.stop();
});

async function page(
  query: string,
  cursor: string | null,
): Promise<{ data: Session[]; nextCursor: string | null }> {
  const res = await server.api('GET', `/v1/sessions?${query}${cursor ? `&cursor=${cursor}` : ''}`, ADMIN);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('keyset pagination', () => {
  it('walks 3,000 sessions with no gap or duplicate while writes happen', async () => {
    // The state before the walk, read in one page of the same order (no writes yet).
    const before: Session[] = [];
    let cursor: string | null = null;
    do {
      const res = await page('limit=200', cursor);
      before.push(...res.data);
      cursor = res.nextCursor;
    } while (cursor);
    expect(before).toHaveLength(3000);

    // A writer that keeps starting sessions and touching old ones while the walk runs.
    const touched = new Set<string>();
    const created = new Set<string>();
    let writing = true;
    const member = server.tokens.demo!.member;
    const writer = (async () => {
      let n = 0;
      while (writing) {
        n += 1;
        const res = await server.api('POST', '/v1/sessions', member, {
          kind: n % 2 ? 'flow' : 'chat',
          title: `During walk ${n}`,
        });
        created.add(res.body.id);
        const victim = before[(n * 389) % before.length]!;
        touched.add(victim.id);
        const put = await server.api('PUT', `/v1/sessions/${victim.id}/visibility`, ADMIN, victim.visibility);
        expect(put.status).toBe(200);
      }
    })();

    const walked: Session[] = [];
    let frozen = 0;
    cursor = null;
    let pages = 0;
    do {
      const res = await page('limit=97', cursor);
      walked.push(...res.data);
      cursor = res.nextCursor;
      if (cursor && !frozen)
        frozen = JSON.parse(Buffer.from(cursor.split('.')[0]!, 'base64url').toString())[1];
      pages += 1;
    } while (cursor);
    writing = false;
    await writer;

    expect(pages).toBeGreaterThan(30);
    expect(touched.size).toBeGreaterThan(5);
    const ids = walked.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = new Set(ids);
    const untouched = before.filter((s) => !touched.has(s.id));
    const missing = untouched.filter((s) => !seen.has(s.id));
    expect(missing.map((s) => s.id)).toEqual([]);
    // Untouched rows come in S9 order evaluated at the instant the first page froze.
    const order = walked.filter((s) => !touched.has(s.id) && !created.has(s.id));
    const compare = compareSessions(frozen);
    for (let i = 1; i < order.length; i += 1) expect(compare(order[i - 1]!, order[i]!)).toBeLessThan(0);
  });

  it('reaches the same rows at depth with a filter as with a brute-force scan', async () => {
    const all: Session[] = [];
    let cursor: string | null = null;
    do {
      const res = await page('limit=200&kind=task&kind=flow', cursor);
      all.push(...res.data);
      cursor = res.nextCursor;
    } while (cursor);
    const small: Session[] = [];
    cursor = null;
    do {
      const res = await page('limit=23&kind=task&kind=flow', cursor);
      small.push(...res.data);
      cursor = res.nextCursor;
    } while (cursor);
    expect(small.map((s) => s.id)).toEqual(all.map((s) => s.id));
    expect(all.every((s) => s.kind === 'task' || s.kind === 'flow')).toBe(true);
  });
});

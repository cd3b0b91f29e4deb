// Find at scale (issue 15) through the SDK against the real reference server: the time range,
// content search and saved views as typed methods and filters, and their typed errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SessionLensClient } from '../client/client.js';
import type { Session } from '../contract/session.js';
import { isBadRequestError, isNotFoundError, isPermissionDeniedError } from '../errors/api-error.js';
import { applyView } from '../contract/views.js';
import { startRealServer, type RealServer } from '../../test/real-server.js';

let server: RealServer;
let ana: SessionLensClient;
let ben: SessionLensClient;

async function all(c: SessionLensClient, filters: Parameters<SessionLensClient['sessions']['list']>[0] = {}) {
  const out: Session[] = [];
  for await (const s of c.sessions.list({ limit: 200, ...filters })) out.push(s);
  return out.map((s) => s.id).sort();
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  server = await startRealServer({});
  const tokens = server.tokens.demo!;
  ana = createClient({ baseUrl: server.url, token: tokens.member, retry: 0 });
  ben = createClient({ baseUrl: server.url, token: tokens.memberNoSpend, retry: 0 });
});
afterAll(async () => {
  await server?.stop();
});

describe('find through the SDK', () => {
  it('filters by since / until and content, with typed 400s naming the parameter', async () => {
    const recent = await all(ana, { since: 'P1D' });
    expect(recent.length).toBeGreaterThan(0);
    expect(await all(ana, { since: 'P1D', until: new Date(Date.now() + 60_000).toISOString() })).toEqual(
      recent,
    );
    const error = await rejection(ana.sessions.list({ until: 'P1D' }));
    expect(isBadRequestError(error) && error.problem?.errors?.[0]?.path).toBe('query.until');
    const started = await ana.sessions.start({ kind: 'flow', title: 'SDK content' });
    await ana.sessions.ingest(started.id, {
      transcript: [{ type: 'message', role: 'assistant', text: 'the axolotl path' }],
    });
    expect(await all(ana, { content: 'AXOLOTL path' })).toEqual([started.id]);
    const bad = await rejection(ana.sessions.list({ content: 'ab' }));
    expect(isBadRequestError(bad) && bad.problem?.errors?.[0]?.path).toBe('query.content');
  });

  it('saves, lists, applies, shares, renames and deletes views', async () => {
    const view = await ana.views.create({ name: 'Chats', filters: { kind: ['chat'] } });
    expect(view.filters).toEqual({ kind: ['chat'] });
    expect((await ana.views.list()).data.map((v) => v.id)).toContain(view.id);
    expect(await all(ana, { view: view.id })).toEqual(await all(ana, applyView(view, {})));
    expect(isNotFoundError(await rejection(ben.views.get(view.id)))).toBe(true);
    await ana.views.update(view.id, { shared: true, name: 'Team chats' });
    expect((await ben.views.get(view.id)).name).toBe('Team chats');
    expect(isPermissionDeniedError(await rejection(ben.views.delete(view.id)))).toBe(true);
    expect((await ana.views.delete(view.id)).id).toBe(view.id);
    const gone = await rejection(ana.sessions.list({ view: view.id }));
    expect(isBadRequestError(gone) && gone.problem?.errors?.[0]?.path).toBe('query.view');
  });
});

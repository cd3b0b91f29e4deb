// K9 against the real reference server (PGlite, demo seed): `sessions.bulk` and
// `sessions.export`. No mocks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SessionLensClient } from '../client/client.js';
import { EXPORT_COLUMNS, EXPORT_COST_COLUMNS } from '../contract/export-columns.js';
import type { Session } from '../contract/session.js';
import { isAPIUserAbortError } from '../errors/connection-error.js';
import { isBadRequestError, isPermissionDeniedError } from '../errors/api-error.js';
import { startRealServer, type RealServer } from '../../test/real-server.js';

let server: RealServer;
let admin: SessionLensClient;
let member: SessionLensClient;
let noSpend: SessionLensClient;

beforeAll(async () => {
  server = await startRealServer();
  const demo = server.tokens.demo!;
  admin = createClient({ baseUrl: server.url, token: server.tokens.admin, retry: 0 });
  member = createClient({ baseUrl: server.url, token: demo.member, retry: 0 });
  noSpend = createClient({ baseUrl: server.url, token: demo.memberNoSpend, retry: 0 });
});
afterAll(async () => {
  await server?.stop();
});

async function walk(
  client: SessionLensClient,
  filters: Parameters<SessionLensClient['sessions']['list']>[0],
) {
  const out: Session[] = [];
  for await (const session of client.sessions.list({ limit: 200, ...filters })) out.push(session);
  return out;
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe('sessions.export', () => {
  it('yields every assessment as the list walk does, in S9 order', async () => {
    for (const client of [admin, noSpend]) {
      const exported = await collect(client.sessions.export({ kind: ['assessment'] }));
      expect(exported.length).toBeGreaterThan(10);
      expect(exported).toEqual(await walk(client, { kind: ['assessment'] }));
    }
  });

  it('yields the CSV records, header first, cost columns only with spend', async () => {
    const listed = await walk(admin, { kind: ['task'] });
    const [header, ...records] = await collect(admin.sessions.export({ kind: ['task'] }, { format: 'csv' }));
    expect(header).toBe(`${[...EXPORT_COLUMNS, ...EXPORT_COST_COLUMNS].join(',')}\r\n`);
    expect(records.map((record) => record.slice(0, record.indexOf(',')))).toEqual(listed.map((s) => s.id));
    expect(records.every((record) => record.endsWith('\r\n'))).toBe(true);
    const [plainHeader] = await collect(noSpend.sessions.export({ kind: ['task'] }, { format: 'csv' }));
    expect(plainHeader).toBe(`${EXPORT_COLUMNS.join(',')}\r\n`);
    for (const session of await collect(noSpend.sessions.export({ kind: ['task'] }))) {
      expect(session).not.toHaveProperty('cost');
    }
  });

  it('closes the request on break and on abort', async () => {
    let taken = 0;
    for await (const _session of admin.sessions.export()) if (++taken === 3) break;
    expect(taken).toBe(3);
    const controller = new AbortController();
    const error = await (async () => {
      for await (const _session of admin.sessions.export({}, { signal: controller.signal }))
        controller.abort();
    })().catch((e: unknown) => e);
    expect(isAPIUserAbortError(error)).toBe(true);
  });

  it('throws the typed 400 of a bad filter', async () => {
    const rows = admin.sessions.export({ kind: ['meeting' as 'flow'] });
    const error = await collect(rows).catch((e: unknown) => e);
    expect(isBadRequestError(error)).toBe(true);
  });
});

describe('sessions.bulk', () => {
  it('cancels what it may and reports the rest, once per idempotency key', async () => {
    const flow = await admin.sessions.start({ kind: 'flow', title: 'bulk from the SDK' });
    const chat = await admin.sessions.start({ kind: 'chat', title: 'not cancellable' });
    const body = { action: 'cancel' as const, ids: [flow.id, chat.id, 'ses_none'] };
    const result = await member.sessions.bulk(body, { idempotencyKey: `sdk-${flow.id}` });
    expect(result.results.map((r) => r.status)).toEqual(['done', 'refused', 'unknown']);
    expect([result.done, result.refused, result.unknown]).toEqual([1, 1, 1]);
    expect(result.results[1]!.problem?.currentStatus).toBe(chat.status);
    expect((await admin.sessions.get(flow.id)).status).toBe('cancelled');
    const replayed = await member.sessions.bulk(body, { idempotencyKey: `sdk-${flow.id}` });
    expect(replayed).toEqual(result);
    const reader = createClient({ baseUrl: server.url, token: server.tokens.demo!.reader, retry: 0 });
    expect(isPermissionDeniedError(await reader.sessions.bulk(body).catch((e: unknown) => e))).toBe(true);
  });
});

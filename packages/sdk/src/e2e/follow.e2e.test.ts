// client.sessions.follow (K9, A16) against the real reference server (PGlite, demo seed), through
// a proxy that cuts the session's stream at random points, mid-frame included: every entry
// written arrives exactly once and in order, and the last session event counts them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SessionLensClient } from '../client/client.js';
import type { FollowEvent } from '../contract/events.js';
import { isNotFoundError } from '../errors/api-error.js';
import { startCuttingProxy, type CuttingProxy } from '../../test/cutting-proxy.js';
import { startRealServer, type RealServer } from '../../test/real-server.js';

let server: RealServer;
let proxy: CuttingProxy;
let admin: SessionLensClient;

beforeAll(async () => {
  server = await startRealServer({ adminToken: 'follow-admin', seedSessions: 20 });
  const { hostname, port } = new URL(server.url);
  proxy = await startCuttingProxy({ host: hostname, port: Number(port) }, { maxBytesBeforeCut: 900 });
  admin = createClient({ baseUrl: server.url, token: 'follow-admin' });
}, 180_000);
afterAll(async () => {
  await proxy?.close();
  await server?.stop();
});

describe('follow against the real server', () => {
  it('delivers every entry once, in order, across cuts, then the session that counts them', async () => {
    const flow = await admin.sessions.start({ kind: 'flow', title: 'Followed through cuts' });
    await admin.sessions.ingest(flow.id, { transcript: [{ type: 'message', role: 'user', text: 'before' }] });
    const proxied = createClient({ baseUrl: proxy.url, token: 'follow-admin' });
    const stream = proxied.sessions.follow(flow.id, { reconnectDelayMs: 5, maxReconnectDelayMs: 50 });
    const seqs: number[] = [];
    let last: FollowEvent | undefined;
    const total = 41;
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const reading = (async () => {
      for await (const event of stream) {
        if (event.type === 'entry') seqs.push(event.data.seq);
        last = event;
        opened();
        if (event.type === 'session' && event.data.counts?.toolCalls === total - 1) break;
      }
    })();
    // The first event is the session as it is, at the transcript's end (entry 1).
    await open;
    expect(last?.type === 'session' && last.id).toBe('1');
    for (let batch = 0; batch < 8; batch++) {
      const transcript = Array.from({ length: 5 }, (_, i) => ({
        type: 'tool_call' as const,
        name: `tool_${batch}_${i}`,
        arguments: { batch, i, padding: 'x'.repeat(80) },
        status: 'succeeded' as const,
      }));
      await admin.sessions.ingest(flow.id, { transcript });
    }
    await reading;
    expect(seqs).toEqual(Array.from({ length: total - 1 }, (_, i) => i + 2));
    expect(last?.type === 'session' && last.id).toBe(String(total));
    expect(proxy.cuts).toBeGreaterThan(0);
  });

  it('throws NotFoundError for a session the caller may not see', async () => {
    const hidden = await admin.sessions.start({ kind: 'flow', title: 'Hidden' });
    await admin.sessions.setVisibility(hidden.id, { type: 'list', members: [], groups: [] });
    const member = createClient({ baseUrl: server.url, token: server.tokens.demo!.member });
    const thrown = await (async () => {
      for await (const _ of member.sessions.follow(hidden.id)) return undefined;
    })().catch((error: unknown) => error);
    expect(isNotFoundError(thrown)).toBe(true);
  });
});

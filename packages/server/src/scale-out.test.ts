import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { SseClient } from './test/harness.js';
import { spawnCli, stopChild, type CliProcess } from './test/process.js';

/** CI's .ci/run sets this to a database the test may create and drop schemas in. */
const BASE_URL = process.env.SESSION_LENS_TEST_DATABASE_URL;
const ADMIN = 'scale-out-admin-token';
const schema = `sl_test_${randomBytes(4).toString('hex')}`;
const processes: CliProcess[] = [];
const clients: SseClient[] = [];

if (!BASE_URL) {
  console.warn('scale-out test skipped: set SESSION_LENS_TEST_DATABASE_URL to a PostgreSQL URL to run it');
}

describe.skipIf(!BASE_URL)('scale-out on PostgreSQL', () => {
  let a: CliProcess;
  let b: CliProcess;

  beforeAll(async () => {
    const sql = postgres(BASE_URL!, { onnotice: () => {} });
    await sql.unsafe(`create schema ${schema}`);
    await sql.end();
    // Each test run gets its own schema, so the database can be shared and is left clean.
    const url = `${BASE_URL}${BASE_URL!.includes('?') ? '&' : '?'}search_path=${schema}`;
    const env = { DATABASE_URL: url, SESSION_LENS_ADMIN_TOKEN: ADMIN };
    // Both start at once: migrations and the seed must each run exactly once.
    [a, b] = await Promise.all([
      spawnCli(['--seed', 'demo', '--sessions', '200'], env),
      spawnCli(['--seed', 'demo', '--sessions', '200'], env),
    ]);
    processes.push(a, b);
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const { child } of processes) await stopChild(child);
    if (BASE_URL) {
      const sql = postgres(BASE_URL, { onnotice: () => {} });
      await sql.unsafe(`drop schema if exists ${schema} cascade`);
      await sql.end();
    }
  });

  const post = async (url: string, path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBeLessThan(300);
    return (await res.json()) as { id: string; version: number };
  };

  it('seeded once although two processes started together', async () => {
    const res = await fetch(`${a.url}/v1/sessions?limit=200`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    const page = (await res.json()) as { data: unknown[]; nextCursor: string | null };
    expect(page.data).toHaveLength(200);
    expect(page.nextCursor).toBeNull();
  });

  it("a subscriber on one process receives the other's writes, both ways, and replays them", async () => {
    const onB = new SseClient(`${b.url}/v1/stream`, { authorization: `Bearer ${ADMIN}` });
    const onA = new SseClient(`${a.url}/v1/stream`, { authorization: `Bearer ${ADMIN}` });
    clients.push(onA, onB);
    await onB.until(() => onB.retry !== undefined, 10_000, 'B connected');
    await onA.until(() => onA.retry !== undefined, 10_000, 'A connected');

    const written = await post(a.url, '/v1/sessions', { kind: 'flow', title: 'Written on A' });
    await post(a.url, `/v1/sessions/${written.id}/activity`, {
      steps: [{ name: 'Plan', status: 'running' }],
    });
    await onB.until(
      () => onB.data().filter((s) => s.id === written.id).length === 2,
      10_000,
      "A's writes on B",
    );
    expect(
      onB
        .data()
        .filter((s) => s.id === written.id)
        .map((s) => s.version),
    ).toEqual([1, 2]);

    const back = await post(b.url, '/v1/sessions', { kind: 'chat', title: 'Written on B' });
    await onA.until(() => onA.data().some((s) => s.id === back.id), 10_000, "B's write on A");

    // Sequence ids are global: B's event ids for A's writes are the same as A's.
    const idsOnA = onA.events.filter((e) => e.data.includes(written.id)).map((e) => e.id);
    const idsOnB = onB.events.filter((e) => e.data.includes(written.id)).map((e) => e.id);
    expect(idsOnB).toEqual(idsOnA);

    const replay = new SseClient(`${a.url}/v1/stream`, {
      authorization: `Bearer ${ADMIN}`,
      'last-event-id': idsOnB[0]!,
    });
    clients.push(replay);
    await replay.until(() => replay.data().some((s) => s.id === back.id), 10_000, 'replay across processes');
    expect(replay.data().map((s) => s.id)).toEqual([written.id, back.id]);
  });
});

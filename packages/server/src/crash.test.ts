import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDataDir } from './test/harness.js';
import { spawnCli, stopChild, type CliProcess } from './test/process.js';

const ADMIN = 'crash-admin-token';
const dataDir = freshDataDir();
const children: CliProcess[] = [];

afterAll(async () => {
  for (const { child } of children) await stopChild(child, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(
  url: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: { id: string; version: number } }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { id: string; version: number } };
}

describe('crash safety (X7)', () => {
  it('keeps every acknowledged write across SIGKILL during a burst', async () => {
    const first = await spawnCli(['--data', dataDir], { SESSION_LENS_ADMIN_TOKEN: ADMIN });
    children.push(first);
    // id → the version the server acknowledged for it.
    const acked = new Map<string, number>();
    let stop = false;
    const worker = async (w: number) => {
      for (let n = 0; !stop; n += 1) {
        try {
          const started = await post(first.url, '/v1/sessions', { kind: 'task', title: `crash ${w}-${n}` });
          if (started.status !== 201) continue;
          acked.set(started.body.id, started.body.version);
          const moved = await post(first.url, `/v1/sessions/${started.body.id}/activity`, {
            status: 'running',
            turns: [{ model: 'm', pricing: 'priced', amountUsd: '0.01', tokens: 5 }],
            transcript: [{ type: 'message', role: 'assistant', text: `turn of ${w}-${n}` }],
          });
          if (moved.status === 200) acked.set(started.body.id, moved.body.version);
        } catch {
          return; // the server died mid-request: that write was never acknowledged
        }
      }
    };
    const workers = [0, 1, 2, 3].map((w) => worker(w));
    // Kill mid-burst, once enough writes were acknowledged (a loaded machine is slower).
    const deadline = Date.now() + 60_000;
    while (acked.size < 40 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    // The exit may already have happened while the workers were failing.
    if (first.child.exitCode === null && first.child.signalCode === null) {
      await new Promise((resolve) => first.child.once('exit', resolve));
    }
    expect(acked.size).toBeGreaterThanOrEqual(40);

    const second = await spawnCli(['--data', dataDir], { SESSION_LENS_ADMIN_TOKEN: ADMIN });
    children.push(second);
    const lost: string[] = [];
    for (const [id, version] of acked) {
      const res = await fetch(`${second.url}/v1/sessions/${id}`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      const body = (await res.json()) as { version?: number };
      if (res.status !== 200 || (body.version ?? 0) < version) lost.push(`${id}@${version}`);
    }
    expect(lost).toEqual([]);
    await stopChild(second.child);
  });
});

import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './server.js';
import { freshDataDir } from './test/harness.js';

const dataDir = freshDataDir();
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function meStatus(url: string, token: string): Promise<number> {
  const response = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  await response.body?.cancel();
  return response.status;
}

describe('the bootstrap admin token', () => {
  it('is one per workspace: stable across restarts, and revoked once another is pinned', async () => {
    const options = { port: 0, host: '127.0.0.1', dataDir } as const;

    const first = await startServer(options);
    const generated = first.tokens.admin;
    expect(first.tokens.adminGenerated).toBe(true);
    expect(await meStatus(first.url, generated)).toBe(200);
    await first.close();

    const restarted = await startServer(options);
    expect(restarted.tokens.admin).toBe(generated);
    expect(await meStatus(restarted.url, generated)).toBe(200);
    await restarted.close();

    const pinned = await startServer({ ...options, adminToken: 'pinned-admin-token' });
    expect(pinned.tokens).toMatchObject({ admin: 'pinned-admin-token', adminGenerated: false });
    expect(await meStatus(pinned.url, 'pinned-admin-token')).toBe(200);
    expect(await meStatus(pinned.url, generated)).toBe(401);
    await pinned.close();
  });
});

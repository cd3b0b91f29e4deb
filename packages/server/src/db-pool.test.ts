import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnCli, stopChild, type CliProcess } from './test/process.js';

// SESSION_LENS_DB_POOL / --db-pool: the PostgreSQL connections one process opens (1 to 1000).
const BASE_URL = process.env.SESSION_LENS_TEST_DATABASE_URL;
const ADMIN = 'db-pool-admin-token';
const children: CliProcess[] = [];

afterAll(async () => {
  for (const { child } of children) await stopChild(child);
});

describe('database pool size', () => {
  it('refuses a pool size outside 1 to 1000', async () => {
    await expect(spawnCli(['--db-pool', '0'])).rejects.toThrow(/Invalid database pool size 0/);
    await expect(spawnCli([], { SESSION_LENS_DB_POOL: '1001' })).rejects.toThrow(
      /Invalid database pool size 1001/,
    );
  });

  it.skipIf(!BASE_URL)('opens at most SESSION_LENS_DB_POOL connections under concurrent writes', async () => {
    const schema = `sl_pool_${randomBytes(4).toString('hex')}`;
    const sql = postgres(BASE_URL!, { onnotice: () => {} });
    await sql.unsafe(`create schema ${schema}`);
    try {
      const join = BASE_URL!.includes('?') ? '&' : '?';
      const url = `${BASE_URL}${join}search_path=${schema}&application_name=${schema}`;
      const cli = await spawnCli([], {
        DATABASE_URL: url,
        SESSION_LENS_ADMIN_TOKEN: ADMIN,
        SESSION_LENS_DB_POOL: '3',
      });
      children.push(cli);
      const writes = Array.from({ length: 24 }, (_, i) =>
        fetch(`${cli.url}/v1/sessions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'task', title: `pool ${i}` }),
        }).then((res) => res.status),
      );
      let most = 0;
      const sampling = (async () => {
        for (let i = 0; i < 20; i += 1) {
          const [row] = await sql<{ n: number }[]>`
            select count(*)::int as n from pg_stat_activity where application_name = ${schema}`;
          most = Math.max(most, row!.n);
        }
      })();
      expect(await Promise.all(writes)).toEqual(writes.map(() => 201));
      await sampling;
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(3);
      await stopChild(cli.child);
    } finally {
      await sql.unsafe(`drop schema if exists ${schema} cascade`);
      await sql.end();
    }
  });
});

import type { Database } from '../db/index.js';
import type { WorkspaceSettings } from '../auth/principal.js';
import { Random } from './random.js';
import { ensureDemoTokens, type DemoTokens } from './demo-tokens.js';
import { generate, type Row } from './generate.js';
import { insertRows } from './insert-rows.js';
import { DEMO_GROUPS, DEMO_MEMBERS, DEMO_PLAYBOOKS, demoAgents } from './workspace-data.js';

export { ensureDemoTokens, type DemoTokens } from './demo-tokens.js';

/** Options of {@link seedDemo}. */
export type SeedDemoOptions = {
  /** How many sessions (default 6,000). */
  sessions?: number;
  /** PRNG seed (default 42). */
  seed?: number;
  /** The instant the workspace's history ends at (default: now). */
  now?: number;
  /** Also write transcripts, cost turns, executions and insights (default true; benchmarks skip them). */
  details?: boolean;
  /** Called after each inserted chunk with the running total. */
  onProgress?: (inserted: number) => void;
};

/**
 * Builds the demo workspace (members, groups, initiatives, plans, agents, playbooks and
 * thousands of sessions of every kind and status with transcripts, costs, executions and
 * insights) in one transaction with multi-row inserts. Idempotent: a workspace already seeded is
 * left alone. Deterministic for a given seed, relative to `now`.
 */
export async function seedDemo(
  db: Database,
  settings: WorkspaceSettings,
  options: SeedDemoOptions = {},
): Promise<{ created: boolean; sessions: number; tokens: DemoTokens }> {
  const count = options.sessions ?? 6000;
  const already = await db.query("select value from settings where key = 'seed'");
  await seedDirectory(db);
  const tokens = await ensureDemoTokens(db, settings);
  if (already.length > 0) return { created: false, sessions: 0, tokens };
  const random = new Random(options.seed ?? 42);
  const now = Math.floor((options.now ?? Date.now()) / 1000) * 1000;
  const details = options.details ?? true;
  let inserted = 0;
  await db.transaction(async (tx) => {
    // Re-checked under a lock inside the transaction: two processes seeding at once insert once.
    if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(7242003)');
    const inside = await tx.query("select value from settings where key = 'seed' for update");
    if (inside.length > 0) return;
    // Generated and inserted in chunks, so a million sessions never sit in memory at once.
    let chunk: Row[] = [];
    for (const row of generate(random, count, now)) {
      chunk.push(details ? row : { ...row, transcript: [], turns: [], executions: [], insights: [] });
      if (chunk.length === 400) {
        await insertRows(tx, chunk);
        inserted += chunk.length;
        options.onProgress?.(inserted);
        chunk = [];
      }
    }
    if (chunk.length > 0) await insertRows(tx, chunk);
    inserted += chunk.length;
    await tx.query(
      "insert into settings (key, value) values ('seed', 'demo:v1') on conflict (key) do nothing",
    );
  });
  // Fresh statistics for the planner (PGlite has no autovacuum to gather them).
  await db.query('analyze');
  return { created: inserted > 0, sessions: inserted, tokens };
}

async function seedDirectory(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const group of DEMO_GROUPS) {
      await tx.query('insert into groups (id, name) values ($1, $2) on conflict (id) do nothing', [
        group.id,
        group.name,
      ]);
    }
    let position = 0;
    for (const [id, name, groups] of DEMO_MEMBERS) {
      position += 1;
      const email = `${id.slice(2)}@acme.test`;
      await tx.query(
        `insert into members (id, name, email, groups, position) values ($1, $2, $3, $4::text[], $5)
         on conflict (id) do nothing`,
        [id, name, email, [...groups], position],
      );
    }
    for (const playbook of DEMO_PLAYBOOKS) {
      await tx.query(
        'insert into playbooks (name, visibility) values ($1, $2::text::jsonb) on conflict (name) do nothing',
        [playbook.name, playbook.visibility ? JSON.stringify(playbook.visibility) : null],
      );
    }
    for (const agent of demoAgents()) {
      await tx.query(
        'insert into agents (id, hostname, visibility) values ($1, $2, $3::text::jsonb) on conflict (id) do nothing',
        [agent.id, agent.hostname, agent.visibility ? JSON.stringify(agent.visibility) : null],
      );
    }
  });
}

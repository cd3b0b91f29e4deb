import type {
  Session,
  SessionKind,
  Step,
  TranscriptEntry,
  TranscriptEntryInput,
  Visibility,
} from '@session-lens/sdk';
import { fromMicros, Scope } from '@session-lens/sdk';
import type { Database, Queryable } from '../db/index.js';
import type { WorkspaceSettings } from '../auth/principal.js';
import { sessionColumnValues } from '../sessions/model.js';
import { isTerminal } from '../sessions/lifecycle.js';
import { demoToken, upsertToken } from '../workspace.js';
import { Random } from './random.js';
import {
  CHAT_TITLES,
  COMMANDS,
  DEMO_GROUPS,
  DEMO_INITIATIVES,
  DEMO_MEMBERS,
  DEMO_PLAYBOOKS,
  FILES,
  FLOW_STEPS,
  FLOW_TITLES,
  INSIGHTS,
  MODELS,
  PLAN_TITLES,
  TASK_TITLES,
  TOOLS,
  demoAgents,
} from './workspace-data.js';

/** The ready-to-use tokens of the demo workspace (`--print-tokens`). */
export type DemoTokens = {
  /** Every scope except `sessions:admin`, spend included. */
  member: string;
  /** A member without `spend:read`: cost is absent from everything it reads. */
  memberNoSpend: string;
  /** Read-only (with spend), used by the placeholder page at `/`. */
  reader: string;
  /** Agent runtimes' tokens (principal `agent`), one per agent-owning member. */
  agents: { token: string; agentId: string; memberId: string }[];
};

/** A member holds every scope but workspace administration. */
const MEMBER_SCOPES: Scope[] = Scope.options.filter((scope) => scope !== 'sessions:admin');

/** Members whose agent tokens the simulator drives, with the agent each one runs. */
const AGENT_OWNERS: readonly [string, string][] = [
  ['m_sarah', 'ag_web1'],
  ['m_dev', 'ag_bastion1'],
  ['m_lina', 'ag_db1'],
  ['m_tomas', 'ag_api2'],
  ['m_priya', 'ag_worker3'],
  ['m_omar', 'ag_k8snode1'],
];

/** Registers the demo tokens (idempotent) and returns them. */
export async function ensureDemoTokens(db: Database, settings: WorkspaceSettings): Promise<DemoTokens> {
  const member = demoToken(settings, 'member');
  const memberNoSpend = demoToken(settings, 'nospend');
  const reader = demoToken(settings, 'reader');
  await upsertToken(db, member, {
    label: 'demo member',
    principal: 'member',
    memberId: 'm_ana',
    scopes: MEMBER_SCOPES,
  });
  await upsertToken(db, memberNoSpend, {
    label: 'demo member without spend',
    principal: 'member',
    memberId: 'm_ben',
    scopes: MEMBER_SCOPES.filter((scope) => scope !== 'spend:read'),
  });
  await upsertToken(db, reader, {
    label: 'demo reader',
    principal: 'member',
    memberId: 'm_ana',
    scopes: ['sessions:read', 'flows:read', 'spend:read'],
  });
  const agents: DemoTokens['agents'] = [];
  for (const [memberId, agentId] of AGENT_OWNERS) {
    const token = demoToken(settings, `agent_${agentId}`);
    await upsertToken(db, token, {
      label: `demo agent ${agentId}`,
      principal: 'agent',
      memberId,
      agentId,
      scopes: ['sessions:read', 'flows:read', 'sessions:write'],
    });
    agents.push({ token, agentId, memberId });
  }
  return { member, memberNoSpend, reader, agents };
}

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

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Row = {
  session: Session;
  transcript: TranscriptEntry[];
  turns: {
    model: string;
    pricing: 'priced' | 'estimated' | 'unpriced';
    micros: bigint | null;
    tokens: number;
    credits: number;
  }[];
  executions: unknown[];
  insights: unknown[];
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

const STATUS_WEIGHTS: Record<SessionKind, Record<string, number>> = {
  flow: { completed: 58, merged: 10, failed: 10, cancelled: 6, skipped: 2, paused: 2, blocked: 2 },
  task: { completed: 52, merged: 12, failed: 8, cancelled: 6, discarded: 3, blocked: 3, interrupted: 3 },
  chat: { ended: 72, waiting: 28 },
  assessment: { completed: 48, pending_review: 24, failed: 9, cancelled: 5, interrupted: 6, rejected: 5 },
};
const LIVE: Record<SessionKind, Record<string, number>> = {
  flow: { running: 6, paused: 2, pending: 2 },
  task: { running: 5, queued: 2, provisioning: 1, waiting: 2 },
  chat: { streaming: 3, waiting: 7 },
  assessment: { running: 1 },
};

function* generate(random: Random, count: number, now: number): Generator<Row> {
  const agents = demoAgents();
  const runningAgents = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const kind = random.weighted({ flow: 30, task: 22, chat: 30, assessment: 18 } as Record<
      SessionKind,
      number
    >);
    // Squaring the draw crowds history towards the present, as real activity looks.
    const age = Math.floor(random.next() ** 2 * 90 * DAY) + MINUTE;
    const durationMs = random.int(1, kind === 'task' ? 120 : 40) * MINUTE + random.int(0, 59_000);
    const recent = age < 3 * 60 * MINUTE;
    let status =
      recent && random.chance(0.5) ? random.weighted(LIVE[kind]) : random.weighted(STATUS_WEIGHTS[kind]);
    const agent = kind === 'assessment' ? random.pick(agents) : undefined;
    if (status === 'running' && agent) {
      if (runningAgents.has(agent.id)) status = 'interrupted';
      else runningAgents.add(agent.id);
    }
    const createdAt = now - age;
    const updated = Math.min(
      now,
      isTerminal(status) ? createdAt + durationMs : createdAt + Math.min(durationMs, age),
    );
    const [ownerId, ownerName, ownerGroups] = DEMO_MEMBERS[
      random.chance(0.4) ? random.int(0, 5) : random.int(0, DEMO_MEMBERS.length - 1)
    ] as (typeof DEMO_MEMBERS)[number];
    const id = `ses_${random.hex(16)}`;
    const initiative = random.chance(kind === 'chat' ? 0.3 : 0.65)
      ? random.pick(DEMO_INITIATIVES)
      : undefined;
    const planId = initiative && random.chance(0.7) ? random.pick(initiative.plans) : undefined;
    const playbook = agent ? random.pick(DEMO_PLAYBOOKS) : undefined;
    let visibility: Visibility = { type: 'workspace' };
    if (playbook?.visibility) visibility = playbook.visibility;
    else if (agent?.visibility) visibility = agent.visibility;
    else if (random.chance(0.05))
      visibility = { type: 'list', members: [ownerId], groups: [ownerGroups[0] ?? 'g_platform'] };
    const model = random.pick(MODELS);
    const title =
      kind === 'flow'
        ? random.pick(FLOW_TITLES)
        : kind === 'task'
          ? random.pick(TASK_TITLES)
          : kind === 'chat'
            ? random.pick(CHAT_TITLES)
            : `${playbook?.name ?? 'assessment'} on ${agent?.hostname ?? 'host'}`;
    const at = (offset: number) => new Date(Math.min(updated, createdAt + offset)).toISOString();

    // Transcript, with tool calls and file edits.
    const transcript: TranscriptEntry[] = [];
    const push = (entry: TranscriptEntryInput) => {
      const seq = transcript.length + 1;
      transcript.push({ ...entry, seq, at: at(seq * 20_000) } as TranscriptEntry);
    };
    push({ type: 'message', role: 'user', text: `${title}${initiative ? ` for ${initiative.title}` : ''}.` });
    const steps: Step[] = [];
    if (kind === 'flow') {
      const names = random.pick(FLOW_STEPS);
      const done = isTerminal(status) ? names.length : random.int(0, names.length - 1);
      names.forEach((name, stepIndex) => {
        let stepStatus = stepIndex < done ? 'completed' : stepIndex === done ? status : 'pending';
        if (isTerminal(status) && stepIndex === names.length - 1)
          stepStatus = status === 'merged' ? 'completed' : status;
        const startedAt = stepIndex <= done ? at(stepIndex * 60_000) : undefined;
        steps.push({
          name,
          status: stepStatus,
          ...(startedAt ? { startedAt } : {}),
          ...(stepIndex < done ? { endedAt: at((stepIndex + 1) * 60_000) } : {}),
        });
        if (stepIndex <= done) push({ type: 'step', name, status: stepStatus });
      });
    }
    const toolCalls = kind === 'assessment' ? 0 : random.int(0, 4);
    for (let call = 0; call < toolCalls; call += 1) {
      const tool = random.pick(TOOLS);
      push({
        type: 'tool_call',
        name: tool,
        arguments:
          tool === 'read_file'
            ? { path: random.pick(FILES) }
            : { query: random.pick(['orders', 'retry', 'timeout']) },
        result: { ok: true, lines: random.int(3, 400) },
        status: random.chance(0.92) ? 'succeeded' : 'failed',
      });
    }
    if ((kind === 'flow' || kind === 'task') && random.chance(0.7)) {
      push({
        type: 'file_edit',
        path: random.pick(FILES),
        before: 'const retries = 3;\n',
        after: 'const retries = Number(process.env.RETRIES ?? 5);\n',
      });
    }
    const messages = kind === 'chat' ? random.int(2, 24) : 0;
    for (let message = 1; message < Math.min(messages, 6); message += 1) {
      push({
        type: 'message',
        role: message % 2 === 1 ? 'assistant' : 'user',
        text:
          message % 2 === 1
            ? 'Here is what I found, with the relevant files linked.'
            : 'Thanks — can you go one level deeper?',
      });
    }
    push({
      type: 'message',
      role: 'assistant',
      text: isTerminal(status) ? `Done: ${status}.` : 'Working on it…',
    });

    // Cost: mostly priced, some estimated, some unpriced, a few sessions entirely unpriced.
    const turns: Row['turns'] = [];
    if (kind !== 'assessment') {
      const allUnpriced = random.chance(0.05);
      const withCredits = random.chance(0.2);
      const n = random.int(1, kind === 'task' ? 30 : 12);
      for (let turn = 0; turn < n; turn += 1) {
        const pricing = allUnpriced
          ? 'unpriced'
          : random.weighted({ priced: 80, estimated: 12, unpriced: 8 });
        const tokens = random.int(400, 24_000);
        turns.push({
          model,
          pricing,
          micros: pricing === 'unpriced' ? null : BigInt(Math.round(tokens * random.int(2, 15) * 0.1)),
          tokens,
          credits: withCredits ? random.int(1, 20) : 0,
        });
      }
    }
    const executions: unknown[] = [];
    const insights: unknown[] = [];
    if (kind === 'assessment') {
      const n = status === 'running' ? random.int(1, 6) : random.int(3, 18);
      for (let x = 1; x <= n; x += 1) {
        const [command, capability] = random.pick(COMMANDS);
        executions.push({
          id: `${id}.x${x}`,
          command,
          capability,
          output:
            capability === 'system.info'
              ? 'Linux 6.1.0-18-amd64 x86_64 GNU/Linux'
              : `${random.int(0, 64)} lines of output`,
          exitCode: random.chance(0.9) ? 0 : 1,
          startedAt: at(x * 15_000),
          durationMs: random.int(40, 9000),
        });
      }
      const m = random.int(0, 5);
      for (let i = 1; i <= m; i += 1) {
        const [insightTitle, severity] = random.pick(INSIGHTS);
        insights.push({
          id: `${id}.i${i}`,
          title: insightTitle,
          severity,
          state: random.chance(0.3) ? 'resolved' : 'open',
          detail: `Observed on ${agent?.hostname}; see executions for evidence.`,
        });
      }
    }
    let micros = 0n;
    const byPricing = { priced: 0, estimated: 0, unpriced: 0 };
    let credits = 0;
    for (const turn of turns) {
      byPricing[turn.pricing] += 1;
      micros += turn.micros ?? 0n;
      credits += turn.credits;
    }
    const lastMessageAt = kind === 'chat' ? new Date(updated).toISOString() : undefined;
    const session: Session = {
      id,
      kind,
      title,
      ...(random.chance(0.4) ? { description: `${title} — requested by ${ownerName}.` } : {}),
      status,
      owner: { id: ownerId, name: ownerName },
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: new Date(updated).toISOString(),
      ...(isTerminal(status) ? { endedAt: new Date(updated).toISOString() } : {}),
      ...(lastMessageAt ? { lastMessageAt } : {}),
      progress:
        kind === 'flow'
          ? { steps }
          : kind === 'task'
            ? { turns: turns.length }
            : kind === 'chat'
              ? { messages }
              : { executions: executions.length },
      ...(turns.length > 0
        ? { cost: { amountUsd: fromMicros(micros), ...(credits > 0 ? { credits } : {}), turns: byPricing } }
        : {}),
      ...(status === 'failed'
        ? {
            error: random.pick([
              { code: 'tests_failed', message: '3 tests failed in src/checkout/api.test.ts' },
              { code: 'timeout', message: 'The step exceeded its 30 minute budget' },
              { code: 'agent_unreachable', message: 'The agent stopped answering heartbeats' },
            ]),
          }
        : {}),
      ...(initiative || kind === 'flow'
        ? {
            links: {
              ...(initiative ? { initiative: { id: initiative.id, title: initiative.title } } : {}),
              ...(planId ? { plan: { id: planId, title: PLAN_TITLES[planId] ?? planId } } : {}),
              ...(kind === 'flow'
                ? {
                    repository: { title: 'acme/shop', url: 'https://git.acme.test/acme/shop' },
                    branch: { title: `agent/${id.slice(4, 12)}` },
                    ...(status === 'merged' || status === 'completed'
                      ? {
                          pullRequest: {
                            title: `#${random.int(100, 9999)}`,
                            url: `https://git.acme.test/acme/shop/pull/${random.int(100, 9999)}`,
                          },
                        }
                      : {}),
                  }
                : {}),
            },
          }
        : {}),
      ...(agent ? { agent: { id: agent.id, hostname: agent.hostname } } : {}),
      ...(playbook ? { playbook: playbook.name } : {}),
      counts: { executions: executions.length, insights: insights.length, toolCalls },
      ...(kind === 'chat' ? { chatMode: random.chance(0.25) ? 'ask' : 'work' } : {}),
      metadata: {
        model,
        runtime: random.pick(['node20', 'python3.12', 'go1.23']),
        sandbox: `sbx-${random.hex(6)}`,
        profile: random.pick(['default', 'ci', 'readonly']),
        origin: random.weighted({ web: 50, editor: 35, scheduled: 15 }),
      },
      visibility,
      version: random.int(1, 40),
    };
    yield { session, transcript, turns, executions, insights };
  }
}

async function insertMany(
  tx: Queryable,
  table: string,
  columns: string[],
  casts: string[],
  values: unknown[][],
): Promise<void> {
  for (let start = 0; start < values.length; start += 1000) {
    const chunk = values.slice(start, start + 1000);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value, index) => {
        params.push(value);
        return `$${params.length}${casts[index] ?? ''}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await tx.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, params);
  }
}

async function insertRows(tx: Queryable, rows: Row[]): Promise<void> {
  await insertMany(
    tx,
    'sessions',
    [
      'id',
      'kind',
      'status',
      'owner_id',
      'agent_id',
      'hostname',
      'playbook',
      'initiative_id',
      'plan_id',
      'created_at',
      'updated_at',
      'active_static',
      'active_until',
      'vis_workspace',
      'vis_members',
      'vis_groups',
      'search',
      'version',
      'transcript_seq',
      'doc',
    ],
    [
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '::timestamptz',
      '::timestamptz',
      '',
      '::timestamptz',
      '',
      '::text[]',
      '::text[]',
      '',
      '',
      '',
      '::text::jsonb',
    ],
    rows.map(({ session, transcript }) => {
      return [...sessionColumnValues(session), transcript.length, JSON.stringify(session)];
    }),
  );
  await insertMany(
    tx,
    'transcript_entries',
    ['session_id', 'seq', 'entry'],
    ['', '', '::text::jsonb'],
    rows.flatMap(({ session, transcript }) =>
      transcript.map((entry) => [session.id, entry.seq, JSON.stringify(entry)]),
    ),
  );
  await insertMany(
    tx,
    'cost_turns',
    ['session_id', 'turn', 'model', 'pricing', 'amount_micros', 'tokens', 'credits'],
    ['', '', '', '', '::text::bigint', '', ''],
    rows.flatMap(({ session, turns }) =>
      turns.map((turn, index) => [
        session.id,
        index + 1,
        turn.model,
        turn.pricing,
        turn.micros?.toString() ?? null,
        turn.tokens,
        turn.credits,
      ]),
    ),
  );
  await insertMany(
    tx,
    'executions',
    ['session_id', 'position', 'doc'],
    ['', '', '::text::jsonb'],
    rows.flatMap(({ session, executions }) =>
      executions.map((doc, index) => [session.id, index + 1, JSON.stringify(doc)]),
    ),
  );
  await insertMany(
    tx,
    'insights',
    ['session_id', 'position', 'doc'],
    ['', '', '::text::jsonb'],
    rows.flatMap(({ session, insights }) =>
      insights.map((doc, index) => [session.id, index + 1, JSON.stringify(doc)]),
    ),
  );
}

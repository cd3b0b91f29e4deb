import type {
  Session,
  SessionKind,
  Step,
  TranscriptEntry,
  TranscriptEntryInput,
  Visibility,
} from '@session-lens/sdk';
import { fromMicros } from '@session-lens/sdk';
import { isTerminal } from '../sessions/lifecycle.js';
import type { Random } from './random.js';
import * as data from './workspace-data.js';
import { DEMO_FILE_EDITS } from './file-edits.js';

/** One generated session with everything stored beside it. */
export type Row = {
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

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

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

type Agent = ReturnType<typeof data.demoAgents>[number];

/** What is drawn first about a session: who, what, when, where. */
type Basics = {
  kind: SessionKind;
  status: string;
  id: string;
  createdAt: number;
  updated: number;
  owner: (typeof data.DEMO_MEMBERS)[number];
  agent: Agent | undefined;
  initiative: (typeof data.DEMO_INITIATIVES)[number] | undefined;
  planId: string | undefined;
  playbook: (typeof data.DEMO_PLAYBOOKS)[number] | undefined;
  visibility: Visibility;
  model: string;
  title: string;
  /** An ISO instant `offset` ms into the session, never past its last update. */
  at: (offset: number) => string;
};

/**
 * Generates `count` demo sessions, deterministic for the random source and relative to `now`.
 * The draws happen in a fixed order, so one seed always yields the same workspace.
 */
export function* generate(random: Random, count: number, now: number): Generator<Row> {
  const agents = data.demoAgents();
  const runningAgents = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    const basics = drawBasics(random, agents, runningAgents, now);
    const { transcript, steps, toolCalls, messages } = drawTranscript(random, basics);
    const turns = drawTurns(random, basics);
    const { executions, insights } = drawAssessment(random, basics);
    const session = sessionDocument(random, basics, {
      steps,
      toolCalls,
      messages,
      turns,
      executions,
      insights,
    });
    yield { session, transcript, turns, executions, insights };
  }
}

function drawBasics(random: Random, agents: Agent[], runningAgents: Set<string>, now: number): Basics {
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
  const members = data.DEMO_MEMBERS;
  const owner = members[
    random.chance(0.4) ? random.int(0, 5) : random.int(0, members.length - 1)
  ] as (typeof members)[number];
  const id = `ses_${random.hex(16)}`;
  const initiative = random.chance(kind === 'chat' ? 0.3 : 0.65)
    ? random.pick(data.DEMO_INITIATIVES)
    : undefined;
  const planId = initiative && random.chance(0.7) ? random.pick(initiative.plans) : undefined;
  const playbook = agent ? random.pick(data.DEMO_PLAYBOOKS) : undefined;
  let visibility: Visibility = { type: 'workspace' };
  if (playbook?.visibility) visibility = playbook.visibility;
  else if (agent?.visibility) visibility = agent.visibility;
  else if (random.chance(0.05))
    visibility = { type: 'list', members: [owner[0]], groups: [owner[2][0] ?? 'g_platform'] };
  const model = random.pick(data.MODELS);
  const title =
    kind === 'flow'
      ? random.pick(data.FLOW_TITLES)
      : kind === 'task'
        ? random.pick(data.TASK_TITLES)
        : kind === 'chat'
          ? random.pick(data.CHAT_TITLES)
          : `${playbook?.name ?? 'assessment'} on ${agent?.hostname ?? 'host'}`;
  const at = (offset: number) => new Date(Math.min(updated, createdAt + offset)).toISOString();
  return {
    kind,
    status,
    id,
    createdAt,
    updated,
    owner,
    agent,
    initiative,
    planId,
    playbook,
    visibility,
    model,
    title,
    at,
  };
}

/** The transcript (with steps, tool calls and file edits) and the progress it implies. */
function drawTranscript(random: Random, basics: Basics) {
  const { kind, status, title, initiative, at } = basics;
  const transcript: TranscriptEntry[] = [];
  const push = (entry: TranscriptEntryInput) => {
    const seq = transcript.length + 1;
    transcript.push({ ...entry, seq, at: at(seq * 20_000) } as TranscriptEntry);
  };
  push({ type: 'message', role: 'user', text: `${title}${initiative ? ` for ${initiative.title}` : ''}.` });
  const steps = kind === 'flow' ? drawSteps(random, status, at) : [];
  for (const step of steps) if (step.startedAt) push({ type: 'step', name: step.name, status: step.status });
  const toolCalls = kind === 'assessment' ? 0 : random.int(0, 4);
  for (let call = 0; call < toolCalls; call += 1) {
    const tool = random.pick(data.TOOLS);
    push({
      type: 'tool_call',
      name: tool,
      arguments:
        tool === 'read_file'
          ? { path: random.pick(data.FILES) }
          : { query: random.pick(['orders', 'retry', 'timeout']) },
      result: { ok: true, lines: random.int(3, 400) },
      status: random.chance(0.92) ? 'succeeded' : 'failed',
    });
  }
  if ((kind === 'flow' || kind === 'task') && random.chance(0.7)) {
    const path = random.pick(data.FILES);
    const edit = DEMO_FILE_EDITS[path] ?? { before: null, after: '' };
    push({ type: 'file_edit', path, before: edit.before, after: edit.after });
  }
  const messages = kind === 'chat' ? random.int(2, 24) : 0;
  for (let message = 1; message < Math.min(messages, 6); message += 1) {
    const fromAssistant = message % 2 === 1;
    push({
      type: 'message',
      role: fromAssistant ? 'assistant' : 'user',
      text: fromAssistant
        ? 'Here is what I found, with the relevant files linked.'
        : 'Thanks — can you go one level deeper?',
    });
  }
  push({
    type: 'message',
    role: 'assistant',
    text: isTerminal(status) ? `Done: ${status}.` : 'Working on it…',
  });
  return { transcript, steps, toolCalls, messages };
}

/** A flow's steps: the ones before the current step done, the rest pending. */
function drawSteps(random: Random, status: string, at: (offset: number) => string): Step[] {
  const names = random.pick(data.FLOW_STEPS);
  const done = isTerminal(status) ? names.length : random.int(0, names.length - 1);
  return names.map((name, stepIndex) => {
    let stepStatus = stepIndex < done ? 'completed' : stepIndex === done ? status : 'pending';
    if (isTerminal(status) && stepIndex === names.length - 1)
      stepStatus = status === 'merged' ? 'completed' : status;
    const startedAt = stepIndex <= done ? at(stepIndex * 60_000) : undefined;
    return {
      name,
      status: stepStatus,
      ...(startedAt ? { startedAt } : {}),
      ...(stepIndex < done ? { endedAt: at((stepIndex + 1) * 60_000) } : {}),
    };
  });
}

/** Cost turns: mostly priced, some estimated, some unpriced, a few sessions entirely unpriced. */
function drawTurns(random: Random, { kind, model }: Basics): Row['turns'] {
  const turns: Row['turns'] = [];
  if (kind === 'assessment') return turns;
  const allUnpriced = random.chance(0.05);
  const withCredits = random.chance(0.2);
  const n = random.int(1, kind === 'task' ? 30 : 12);
  for (let turn = 0; turn < n; turn += 1) {
    const pricing = allUnpriced ? 'unpriced' : random.weighted({ priced: 80, estimated: 12, unpriced: 8 });
    const tokens = random.int(400, 24_000);
    turns.push({
      model,
      pricing,
      micros: pricing === 'unpriced' ? null : BigInt(Math.round(tokens * random.int(2, 15) * 0.1)),
      tokens,
      credits: withCredits ? random.int(1, 20) : 0,
    });
  }
  return turns;
}

/** An assessment's executions and insights (none for other kinds). */
function drawAssessment(random: Random, { kind, status, id, agent, at }: Basics) {
  const executions: unknown[] = [];
  const insights: unknown[] = [];
  if (kind !== 'assessment') return { executions, insights };
  const n = status === 'running' ? random.int(1, 6) : random.int(3, 18);
  for (let x = 1; x <= n; x += 1) {
    const [command, capability] = random.pick(data.COMMANDS);
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
    const [insightTitle, severity] = random.pick(data.INSIGHTS);
    insights.push({
      id: `${id}.i${i}`,
      title: insightTitle,
      severity,
      state: random.chance(0.3) ? 'resolved' : 'open',
      detail: `Observed on ${agent?.hostname}; see executions for evidence.`,
    });
  }
  return { executions, insights };
}

type Parts = Pick<Row, 'turns' | 'executions' | 'insights'> & {
  steps: Step[];
  toolCalls: number;
  messages: number;
};

const ERRORS = [
  { code: 'tests_failed', message: '3 tests failed in src/checkout/api.test.ts' },
  { code: 'timeout', message: 'The step exceeded its 30 minute budget' },
  { code: 'agent_unreachable', message: 'The agent stopped answering heartbeats' },
];

/** The session document; its remaining draws happen in the order of its fields. */
function sessionDocument(random: Random, basics: Basics, parts: Parts): Session {
  const { kind, status, id, title, agent, playbook, model } = basics;
  const [ownerId, ownerName] = basics.owner;
  const ended = isTerminal(status);
  const updatedAt = new Date(basics.updated).toISOString();
  const description = random.chance(0.4) ? `${title} — requested by ${ownerName}.` : undefined;
  const error = status === 'failed' ? random.pick(ERRORS) : undefined;
  const links = initiativeOrFlowLinks(random, basics);
  const chatMode = kind === 'chat' ? (random.chance(0.25) ? 'ask' : 'work') : undefined;
  const metadata = {
    model,
    runtime: random.pick(['node20', 'python3.12', 'go1.23']),
    sandbox: `sbx-${random.hex(6)}`,
    profile: random.pick(['default', 'ci', 'readonly']),
    origin: random.weighted({ web: 50, editor: 35, scheduled: 15 }),
  };
  const session: Session = {
    id,
    kind,
    title,
    ...(description ? { description } : {}),
    status,
    owner: { id: ownerId, name: ownerName },
    createdAt: new Date(basics.createdAt).toISOString(),
    updatedAt,
    ...(ended ? { endedAt: updatedAt } : {}),
    ...(kind === 'chat' ? { lastMessageAt: updatedAt } : {}),
    progress: progressOf(kind, parts),
    ...costOf(parts.turns),
    ...(error ? { error } : {}),
    ...(links ? { links } : {}),
    ...(agent ? { agent: { id: agent.id, hostname: agent.hostname } } : {}),
    ...(playbook ? { playbook: playbook.name } : {}),
    counts: {
      executions: parts.executions.length,
      insights: parts.insights.length,
      toolCalls: parts.toolCalls,
    },
    ...(chatMode ? { chatMode } : {}),
    metadata,
    visibility: basics.visibility,
    version: random.int(1, 40),
  };
  return session;
}

function progressOf(kind: SessionKind, parts: Parts): Session['progress'] {
  if (kind === 'flow') return { steps: parts.steps };
  if (kind === 'task') return { turns: parts.turns.length };
  if (kind === 'chat') return { messages: parts.messages };
  return { executions: parts.executions.length };
}

/** The session's cost summary, from its turns (absent without any). */
function costOf(turns: Row['turns']): Pick<Session, 'cost'> {
  if (turns.length === 0) return {};
  let micros = 0n;
  const byPricing = { priced: 0, estimated: 0, unpriced: 0 };
  let credits = 0;
  for (const turn of turns) {
    byPricing[turn.pricing] += 1;
    micros += turn.micros ?? 0n;
    credits += turn.credits;
  }
  return { cost: { amountUsd: fromMicros(micros), ...(credits > 0 ? { credits } : {}), turns: byPricing } };
}

/** Links to the initiative and plan, and a flow's repository, branch and pull request. */
function initiativeOrFlowLinks(random: Random, { kind, status, id, initiative, planId }: Basics) {
  if (!initiative && kind !== 'flow') return undefined;
  const merged = status === 'merged' || status === 'completed';
  return {
    ...(initiative ? { initiative: { id: initiative.id, title: initiative.title } } : {}),
    ...(planId ? { plan: { id: planId, title: data.PLAN_TITLES[planId] ?? planId } } : {}),
    ...(kind === 'flow'
      ? {
          repository: { title: 'acme/shop', url: 'https://git.acme.test/acme/shop' },
          branch: { title: `agent/${id.slice(4, 12)}` },
          ...(merged
            ? {
                pullRequest: {
                  title: `#${random.int(100, 9999)}`,
                  url: `https://git.acme.test/acme/shop/pull/${random.int(100, 9999)}`,
                },
              }
            : {}),
        }
      : {}),
  };
}

import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { ActivityBatch, Session, StartSession } from '@session-lens/sdk';
import type { DemoTokens } from '../seed/demo-tokens.js';
import { Random } from '../seed/random.js';
import {
  CHAT_TITLES,
  COMMANDS,
  DEMO_INITIATIVES,
  DEMO_PLAYBOOKS,
  FLOW_STEPS,
  FLOW_TITLES,
  INSIGHTS,
  MODELS,
  PLAN_TITLES,
  TASK_TITLES,
  TOOLS,
} from '../seed/workspace-data.js';

/** Options of the {@link Simulator}. */
export type SimulatorOptions = {
  /** Milliseconds between ticks (default 700). */
  tickMs?: number;
  /** How many sessions it keeps in motion at once (default 10). */
  concurrency?: number;
  /** PRNG seed. */
  seed?: number;
};

type Tracked = {
  id: string;
  kind: Session['kind'];
  token: string;
  agentId?: string | undefined;
  steps: string[];
  step: number;
  ticks: number;
  lifetime: number;
  phase: 'running' | 'submitted';
};

/** Chat lines, a few carrying fake credentials that redaction must catch before storage (X4). */
const CHAT_LINES = [
  'Can you check why the nightly build is slow?',
  'I traced it to the dependency cache being cold on every run.',
  'Here is the failing config: AWS_ACCESS_KEY_ID=AKIAQ3M7ZP2X9K4TN6WB — please fix the pipeline.',
  'Summarize the last three incidents for me.',
  'Three incidents: a DNS change, a full disk on worker-02 and an expired certificate.',
  'The service connects with postgres://app:s3cretPassw0rd@db-01.prod.acme.internal:5432/orders',
  'Let us add a retry with jitter there.',
];

/**
 * Makes live activity through the public API with agent tokens, exactly as agent runtimes would:
 * flows step, tasks turn, chats message, costs accrue, assessments run commands, save insights
 * and are submitted, and a person (the admin token) reviews them; the odd run fails. Every call
 * goes through validation, authorization, redaction and ingestion like any other request.
 */
export class Simulator {
  readonly #app: Hono;
  readonly #tokens: DemoTokens;
  readonly #reviewerToken: string;
  readonly #options: Required<SimulatorOptions>;
  readonly #random: Random;
  readonly #tracked = new Map<string, Tracked>();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  /** Requests made and how many failed unexpectedly (for tests and logs). */
  readonly stats = { requests: 0, unexpected: 0 };

  constructor(app: Hono, tokens: DemoTokens, reviewerToken: string, options: SimulatorOptions = {}) {
    this.#app = app;
    this.#tokens = tokens;
    this.#reviewerToken = reviewerToken;
    this.#options = {
      tickMs: options.tickMs ?? 700,
      concurrency: options.concurrency ?? 10,
      seed: options.seed ?? 7,
    };
    this.#random = new Random(this.#options.seed);
  }

  /** Starts ticking. */
  start(): void {
    this.#timer = setInterval(() => {
      if (this.#running) return;
      this.#running = this.tick()
        .catch((error: unknown) => console.error('session-lens simulator:', error))
        .finally(() => {
          this.#running = undefined;
        });
    }, this.#options.tickMs);
    this.#timer.unref();
  }

  /** Stops ticking and waits for the tick in flight. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }

  async #call(
    method: string,
    path: string,
    token: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    this.stats.requests += 1;
    const response = await this.#app.request(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await response.json();
    if (response.status >= 400 && response.status !== 409) {
      this.stats.unexpected += 1;
      console.error(`session-lens simulator: ${method} ${path} → ${response.status}`, JSON.stringify(json));
    }
    return { status: response.status, json };
  }

  /** One step of the world: maybe start something, then move some of what is running. */
  async tick(): Promise<void> {
    const r = this.#random;
    if (this.#tracked.size < this.#options.concurrency && r.chance(0.6)) await this.#startOne();
    for (const tracked of [...this.#tracked.values()]) {
      if (r.chance(0.55)) await this.#advance(tracked);
    }
  }

  async #startOne(): Promise<void> {
    const r = this.#random;
    const kind = r.weighted({ flow: 3, task: 2, chat: 3, assessment: 2 } as Record<Session['kind'], number>);
    const agent = r.pick(this.#tokens.agents);
    const initiative = r.pick(DEMO_INITIATIVES);
    const plan = r.pick(initiative.plans);
    const body: StartSession = {
      kind,
      links: {
        initiative: { id: initiative.id, title: initiative.title },
        plan: { id: plan, title: PLAN_TITLES[plan] ?? plan },
      },
      metadata: {
        model: r.pick(MODELS),
        runtime: 'node20',
        origin: r.pick(['web', 'editor', 'scheduled'] as const),
      },
    };
    if (kind === 'flow') body.title = r.pick(FLOW_TITLES);
    if (kind === 'task') body.title = r.pick(TASK_TITLES);
    if (kind === 'chat') {
      body.title = r.pick(CHAT_TITLES);
      body.chatMode = r.chance(0.25) ? 'ask' : 'work';
    }
    if (kind === 'assessment') {
      body.playbook = r.pick(DEMO_PLAYBOOKS.filter((playbook) => playbook.visibility === null)).name;
      body.description = `Scheduled ${body.playbook} run`;
    }
    const { status, json } = await this.#call('POST', '/v1/sessions', agent.token, body);
    if (status !== 201) return;
    const session = json as Session;
    this.#tracked.set(session.id, {
      id: session.id,
      kind,
      token: agent.token,
      agentId: session.agent?.id,
      steps: kind === 'flow' ? r.pick(FLOW_STEPS) : [],
      step: -1,
      ticks: 0,
      lifetime: r.int(4, 14),
      phase: 'running',
    });
  }

  async #advance(t: Tracked): Promise<void> {
    const r = this.#random;
    t.ticks += 1;
    const path = `/v1/sessions/${t.id}`;
    const turn = () => ({
      model: r.pick(MODELS),
      ...(r.chance(0.85)
        ? { pricing: 'priced' as const, amountUsd: `0.${String(r.int(1, 9999)).padStart(4, '0')}` }
        : r.chance(0.5)
          ? { pricing: 'estimated' as const, amountUsd: `0.0${r.int(1, 999)}` }
          : { pricing: 'unpriced' as const }),
      tokens: r.int(300, 18_000),
    });
    const failing = r.chance(0.03);
    const done = t.ticks >= t.lifetime;
    let batch: ActivityBatch = {};
    if (t.kind === 'flow') {
      const now = new Date().toISOString();
      t.step += 1;
      const steps = t.steps.map((name, index) => ({
        name,
        status:
          index < t.step ? 'completed' : index === t.step ? (failing ? 'failed' : 'running') : 'pending',
        ...(index <= t.step ? { startedAt: now } : {}),
        ...(index < t.step ? { endedAt: now } : {}),
      }));
      const current = t.steps[Math.min(t.step, t.steps.length - 1)] ?? 'Run';
      batch = {
        steps,
        transcript: [
          { type: 'step', name: current, status: 'running' },
          {
            type: 'tool_call',
            name: r.pick(TOOLS),
            arguments: { step: current },
            result: { ok: !failing },
            status: failing ? 'failed' : 'succeeded',
          },
        ],
        turns: [turn()],
      };
      if (failing)
        Object.assign(batch, {
          status: 'failed',
          error: { code: 'step_failed', message: `${current} failed` },
        });
      else if (t.step >= t.steps.length) {
        batch.steps = t.steps.map((name) => ({ name, status: 'completed', endedAt: now }));
        batch.status = 'completed';
      }
    } else if (t.kind === 'task') {
      batch = { turns: [turn(), turn()], status: failing ? 'failed' : done ? 'completed' : 'running' };
      if (r.chance(0.4))
        batch.transcript = [
          { type: 'file_edit', path: 'src/jobs/nightly.ts', before: 'retries: 3', after: 'retries: 5' },
        ];
      if (failing) batch.error = { code: 'task_failed', message: 'The sandbox ran out of memory' };
    } else if (t.kind === 'chat') {
      if (done) {
        await this.#call('POST', `${path}/end`, this.#reviewerToken);
        this.#tracked.delete(t.id);
        return;
      }
      batch = {
        status: 'streaming',
        transcript: [
          { type: 'message', role: 'user', text: r.pick(CHAT_LINES) },
          { type: 'message', role: 'assistant', text: r.pick(CHAT_LINES) },
        ],
        turns: [turn()],
      };
    } else {
      if (t.phase === 'submitted') {
        await this.#call('POST', `${path}/review`, this.#reviewerToken, {
          decision: r.chance(0.85) ? 'completed' : 'rejected',
          comment: 'Reviewed by the simulator.',
        });
        this.#tracked.delete(t.id);
        return;
      }
      if (done) {
        const { status } = await this.#call('POST', `${path}/submit`, t.token, {
          summary: 'Ran the playbook; findings saved as insights.',
        });
        if (status === 200) t.phase = 'submitted';
        else this.#tracked.delete(t.id);
        return;
      }
      const [command, capability] = r.pick(COMMANDS);
      batch = {
        executions: [
          {
            command,
            capability,
            output: `${r.int(0, 40)} lines`,
            exitCode: r.chance(0.9) ? 0 : 1,
            startedAt: new Date().toISOString(),
            durationMs: r.int(30, 4000),
          },
        ],
      };
      if (r.chance(0.3)) {
        const [title, severity] = r.pick(INSIGHTS);
        batch.insights = [{ title, severity, state: 'open', detail: `Found while running ${command}` }];
      }
      if (failing)
        Object.assign(batch, {
          status: 'failed',
          error: { code: 'agent_unreachable', message: 'The agent stopped answering' },
        });
    }
    const { status } = await this.#call('POST', `${path}/activity`, t.token, batch);
    if (status !== 200 || (batch.status && batch.status !== 'running' && batch.status !== 'streaming'))
      this.#tracked.delete(t.id);
  }
}

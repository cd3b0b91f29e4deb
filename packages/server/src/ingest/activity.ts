import type {
  ActivityBatch,
  Execution,
  Insight,
  Session,
  Step,
  TranscriptEntry,
  TranscriptEntryInput,
} from '@session-lens/sdk';
import { fromMicros, toMicros } from '@session-lens/sdk';
import type { Queryable } from '../db/index.js';
import { conflict, invalid } from '../http/problem.js';
import { MAX_STEPS_PER_SESSION, type ProblemFieldError } from '@session-lens/sdk/contract';
import type { Principal } from '../auth/principal.js';
import { loadVisible } from '../sessions/actions.js';
import { assertStatusChange, assertWriter } from '../sessions/authority.js';
import { checkCostTotals } from './cost-limits.js';
import { isTerminal, touched } from '../sessions/lifecycle.js';
import type { Viewer } from '../sessions/model.js';
import type { SessionStore } from '../sessions/store.js';

/** Largest JSON text of one tool call's `arguments` or `result`, in bytes (A17). */
export const MAX_TOOL_VALUE_BYTES = 256 * 1024;

/**
 * Checks what the schema cannot: a priced or estimated turn carries an amount, an unpriced one
 * does not; a tool call's arguments and result stay under {@link MAX_TOOL_VALUE_BYTES}. Throws
 * 400 naming each offending field.
 */
export function checkBatch(batch: ActivityBatch): void {
  const errors: ProblemFieldError[] = [];
  batch.transcript?.forEach((entry, index) => {
    if (entry.type !== 'tool_call') return;
    for (const field of ['arguments', 'result'] as const) {
      const value = entry[field];
      if (value === undefined) continue;
      const bytes = Buffer.byteLength(JSON.stringify(value));
      if (bytes > MAX_TOOL_VALUE_BYTES) {
        errors.push({
          path: `body.transcript.${index}.${field}`,
          message: `At most ${MAX_TOOL_VALUE_BYTES} bytes of JSON; this is ${bytes}`,
        });
      }
    }
  });
  batch.turns?.forEach((turn, index) => {
    const hasAmount = turn.amountUsd !== undefined && turn.amountUsd !== null;
    if (turn.pricing === 'unpriced' && hasAmount) {
      errors.push({ path: `body.turns.${index}.amountUsd`, message: 'An unpriced turn has no amount' });
    }
    if (turn.pricing !== 'unpriced' && !hasAmount) {
      errors.push({
        path: `body.turns.${index}.amountUsd`,
        message: `A ${turn.pricing} turn needs an amount`,
      });
    }
  });
  if (errors.length > 0) throw invalid(errors);
}

function mergeSteps(current: readonly Step[], incoming: readonly Step[]): Step[] {
  const steps = [...current];
  for (const step of incoming) {
    const index = steps.findIndex((existing) => existing.name === step.name);
    if (index >= 0) steps[index] = step;
    else steps.push(step);
  }
  // Bounded so that no session grows into a document a list page cannot carry (A17).
  if (steps.length > MAX_STEPS_PER_SESSION) {
    throw invalid([
      {
        path: 'body.steps',
        message: `A session holds at most ${MAX_STEPS_PER_SESSION} steps; this batch would make ${steps.length}`,
      },
    ]);
  }
  return steps;
}

/**
 * A4: applies one batch to a session inside the caller's transaction, so the whole batch lands
 * or none of it does. Only the session's writer or an admin writes, and a status that amounts to
 * a cancel or an end needs that action's scope (A19, see sessions/authority.ts). Transcript
 * entries must already be redacted. Returns the new session.
 */
export async function applyActivity(
  store: SessionStore,
  tx: Queryable,
  principal: Principal,
  viewer: Viewer,
  id: string,
  batch: ActivityBatch,
  redacted: readonly TranscriptEntryInput[],
  now: number,
): Promise<Session> {
  const { session, transcriptSeq } = await loadVisible(store, tx, viewer, id);
  await assertWriter(tx, principal, session);
  if (isTerminal(session.status)) {
    throw conflict(`The session is ${session.status} and takes no more activity.`, {
      currentStatus: session.status,
    });
  }
  assertStatusChange(principal, session, batch.status);
  const next: Session = touched(session, now);
  const nowIso = new Date(now).toISOString();
  const progress = { ...session.progress };
  const counts = { ...(session.counts ?? { executions: 0, insights: 0, toolCalls: 0 }) };

  // Transcript: the server assigns seq; `at` defaults to now.
  let seq = transcriptSeq;
  if (redacted.length > 0) {
    const rows: unknown[] = [];
    const values: string[] = [];
    for (const input of redacted) {
      seq += 1;
      const entry = { ...input, seq, at: input.at ?? nowIso } as TranscriptEntry;
      if (entry.type === 'message') {
        if (session.kind === 'chat') progress.messages = (progress.messages ?? 0) + 1;
        if (!next.lastMessageAt || Date.parse(entry.at) > Date.parse(next.lastMessageAt)) {
          if (session.kind === 'chat')
            next.lastMessageAt = new Date(Math.min(Date.parse(entry.at), now)).toISOString();
        }
      }
      if (entry.type === 'tool_call') counts.toolCalls += 1;
      values.push(`($1, $${rows.length + 2}, $${rows.length + 3}::text::jsonb)`);
      rows.push(seq, JSON.stringify(entry));
    }
    await tx.query(`insert into transcript_entries (session_id, seq, entry) values ${values.join(', ')}`, [
      id,
      ...rows,
    ]);
    await tx.query('update sessions set transcript_seq = $2 where id = $1', [id, seq]);
  }

  if (batch.steps?.length) progress.steps = mergeSteps(progress.steps ?? [], batch.steps);

  if (batch.turns?.length) {
    // Every turn is counted in the summary by its pricing, so their sum numbers the next turn.
    const turns = next.cost
      ? next.cost.turns.priced + next.cost.turns.estimated + next.cost.turns.unpriced
      : 0;
    const cost = next.cost ?? { amountUsd: '0', turns: { priced: 0, estimated: 0, unpriced: 0 } };
    let micros = toMicros(cost.amountUsd);
    let credits = cost.credits ?? 0;
    const byPricing = { ...cost.turns };
    const values: string[] = [];
    const params: unknown[] = [id];
    batch.turns.forEach((turn, index) => {
      const amount = turn.amountUsd ? toMicros(turn.amountUsd) : null;
      if (amount !== null) micros += amount;
      credits += turn.credits ?? 0;
      byPricing[turn.pricing] += 1;
      const base = params.length;
      values.push(
        `($1, $${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::text::bigint, $${base + 5}, $${base + 6})`,
      );
      params.push(
        turns + index + 1,
        turn.model,
        turn.pricing,
        amount === null ? null : amount.toString(),
        turn.tokens,
        turn.credits ?? 0,
      );
    });
    await tx.query(
      `insert into cost_turns (session_id, turn, model, pricing, amount_micros, tokens, credits) values ${values.join(', ')}`,
      params,
    );
    // The totals after the batch must still be servable; the error rolls the whole batch back.
    checkCostTotals(micros, credits);
    next.cost = { amountUsd: fromMicros(micros), ...(credits > 0 ? { credits } : {}), turns: byPricing };
    if (session.kind === 'task') progress.turns = (progress.turns ?? 0) + batch.turns.length;
  }

  if (batch.executions?.length) {
    await insertNumbered(
      tx,
      'executions',
      id,
      counts.executions,
      batch.executions,
      (item, position): Execution => ({
        id: `${id}.x${position}`,
        ...item,
      }),
    );
    counts.executions += batch.executions.length;
    if (session.kind === 'assessment') progress.executions = counts.executions;
  }
  if (batch.insights?.length) {
    await insertNumbered(tx, 'insights', id, counts.insights, batch.insights, (item, position): Insight => ({
      id: `${id}.i${position}`,
      ...item,
    }));
    counts.insights += batch.insights.length;
  }

  if (batch.error) next.error = batch.error;
  if (batch.status !== undefined && batch.status !== session.status) {
    next.status = batch.status;
    if (isTerminal(batch.status)) next.endedAt = next.updatedAt;
  }
  next.progress = progress;
  next.counts = counts;
  await store.write(tx, next, session);
  return next;
}

async function insertNumbered<I, O>(
  tx: Queryable,
  table: 'executions' | 'insights',
  sessionId: string,
  start: number,
  items: readonly I[],
  build: (item: I, position: number) => O,
): Promise<void> {
  const values: string[] = [];
  const params: unknown[] = [sessionId];
  items.forEach((item, index) => {
    const position = start + index + 1;
    values.push(`($1, $${params.length + 1}, $${params.length + 2}::text::jsonb)`);
    params.push(position, JSON.stringify(build(item, position)));
  });
  await tx.query(`insert into ${table} (session_id, position, doc) values ${values.join(', ')}`, params);
}

import { fromMicros } from '@session-lens/sdk';
import type { CostDetail, Execution, Insight, Session, TranscriptEntry } from '@session-lens/sdk/contract';
import type { Queryable } from '../db/index.js';
import { assertServableCost } from '../ingest/cost-limits.js';

// Reads of what is stored beside a session: its transcript, executions, insights and cost
// turns. The callers have already checked that the viewer may see the session.

/** Up to `limit + 1` transcript entries after `afterSeq`, in order (the extra one says "more"). */
export async function transcriptAfter(
  db: Queryable,
  sessionId: string,
  afterSeq: number,
  limit: number,
): Promise<TranscriptEntry[]> {
  const rows = await db.query<{ entry: TranscriptEntry }>(
    'select entry from transcript_entries where session_id = $1 and seq > $2 order by seq limit $3',
    [sessionId, afterSeq, limit + 1],
  );
  return rows.map((row) => row.entry);
}

/** A session's executions (assessments), in the order they ran. */
export async function executionsOf(db: Queryable, sessionId: string): Promise<Execution[]> {
  const rows = await db.query<{ doc: Execution }>(
    'select doc from executions where session_id = $1 order by position',
    [sessionId],
  );
  return rows.map((row) => row.doc);
}

/** A session's insights (assessments), in the order they were found. */
export async function insightsOf(db: Queryable, sessionId: string): Promise<Insight[]> {
  const rows = await db.query<{ doc: Insight }>(
    'select doc from insights where session_id = $1 order by position',
    [sessionId],
  );
  return rows.map((row) => row.doc);
}

type CostTurnRow = {
  turn: number;
  model: string;
  pricing: 'priced' | 'estimated' | 'unpriced';
  amount: string | null;
  tokens: number;
  credits: number;
};

/**
 * A session's cost detail: totals summed from its priced turns (exactly, in micro-dollars) and
 * the per-turn list. A 409 when the total is one no client could read (data written before the
 * limits on amounts).
 */
export async function costDetailOf(db: Queryable, session: Session): Promise<CostDetail> {
  const rows = await db.query<CostTurnRow>(
    'select turn, model, pricing, amount_micros::text as amount, tokens, credits from cost_turns where session_id = $1 order by turn',
    [session.id],
  );
  const [events] = await db.query<{ n: number }>('select transcript_seq as n from sessions where id = $1', [
    session.id,
  ]);
  const turns = { priced: 0, estimated: 0, unpriced: 0 };
  let micros = 0n;
  let tokens = 0;
  let credits = 0;
  for (const row of rows) {
    turns[row.pricing] += 1;
    if (row.amount !== null) micros += BigInt(row.amount);
    tokens += row.tokens;
    credits += row.credits;
  }
  assertServableCost(micros);
  return {
    totals: {
      amountUsd: fromMicros(micros),
      turns,
      events: events?.n ?? 0,
      credits,
      tokens,
      toolCalls: session.counts?.toolCalls ?? 0,
    },
    turns: rows.map((row) => ({
      turn: row.turn,
      model: row.model,
      pricing: row.pricing,
      amountUsd: row.amount === null ? null : fromMicros(BigInt(row.amount)),
      tokens: row.tokens,
    })),
  };
}

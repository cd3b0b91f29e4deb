import type { Queryable } from '../db/index.js';
import { sessionColumnValues } from '../sessions/model.js';
import type { Row } from './generate.js';

/** Columns of `sessions` in the order of `sessionColumnValues`, then `transcript_seq` and `doc`, with their casts. */
const SESSION_COLUMNS: readonly (readonly [string, string])[] = [
  ...['id', 'kind', 'status', 'owner_id', 'agent_id', 'hostname', 'playbook', 'initiative_id', 'plan_id'].map(
    (name) => [name, ''] as const,
  ),
  ['created_at', '::timestamptz'],
  ['updated_at', '::timestamptz'],
  ['active_static', ''],
  ['active_until', '::timestamptz'],
  ['vis_workspace', ''],
  ['vis_members', '::text[]'],
  ['vis_groups', '::text[]'],
  ['search', ''],
  ['version', ''],
  ['transcript_seq', ''],
  ['doc', '::text::jsonb'],
];

/** Inserts rows with multi-row `insert`s of at most 1,000 tuples each. */
async function insertMany(
  tx: Queryable,
  table: string,
  columns: readonly (readonly [string, string])[],
  values: unknown[][],
): Promise<void> {
  for (let start = 0; start < values.length; start += 1000) {
    const chunk = values.slice(start, start + 1000);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const placeholders = row.map((value, index) => {
        params.push(value);
        return `$${params.length}${columns[index]?.[1] ?? ''}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    const names = columns.map(([name]) => name).join(', ');
    await tx.query(`insert into ${table} (${names}) values ${tuples.join(', ')}`, params);
  }
}

/** `[session_id, position, doc]` rows of one per-session list (executions, insights). */
function positioned(rows: Row[], pick: (row: Row) => unknown[]): unknown[][] {
  return rows.flatMap((row) =>
    pick(row).map((doc, index) => [row.session.id, index + 1, JSON.stringify(doc)]),
  );
}

const POSITIONED: readonly (readonly [string, string])[] = [
  ['session_id', ''],
  ['position', ''],
  ['doc', '::text::jsonb'],
];

/** Writes generated sessions and everything stored beside them. */
export async function insertRows(tx: Queryable, rows: Row[]): Promise<void> {
  await insertMany(
    tx,
    'sessions',
    SESSION_COLUMNS,
    rows.map(({ session, transcript }) => [
      ...sessionColumnValues(session),
      transcript.length,
      JSON.stringify(session),
    ]),
  );
  await insertMany(
    tx,
    'transcript_entries',
    [
      ['session_id', ''],
      ['seq', ''],
      ['entry', '::text::jsonb'],
    ],
    rows.flatMap(({ session, transcript }) =>
      transcript.map((entry) => [session.id, entry.seq, JSON.stringify(entry)]),
    ),
  );
  await insertMany(
    tx,
    'cost_turns',
    [
      ...['session_id', 'turn', 'model', 'pricing'].map((name) => [name, ''] as const),
      ['amount_micros', '::text::bigint'],
      ['tokens', ''],
      ['credits', ''],
    ],
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
    POSITIONED,
    positioned(rows, (row) => row.executions),
  );
  await insertMany(
    tx,
    'insights',
    POSITIONED,
    positioned(rows, (row) => row.insights),
  );
}

import type { Queryable } from '../db/index.js';

/**
 * What a rejected request must leave untouched: a session's row (version, transcript counter,
 * status, document), its cost turns, executions, insights and transcript entries, and the end
 * of the event log. Equal before and after = nothing was written.
 */
export async function fingerprint(db: Queryable, id: string): Promise<string> {
  const rows = await db.query(
    `select s.version, s.transcript_seq, s.status, s.doc::text as doc,
       (select count(*)::int from cost_turns where session_id = s.id) as turns,
       (select count(*)::int from executions where session_id = s.id) as executions,
       (select count(*)::int from insights where session_id = s.id) as insights,
       (select count(*)::int from transcript_entries where session_id = s.id) as entries,
       (select coalesce(max(seq), 0)::float8 from events) as events
     from sessions s where s.id = $1`,
    [id],
  );
  return JSON.stringify(rows[0]);
}

import type { Database } from '../db/index.js';

/**
 * Event retention: the log keeps the last `retention` events; a client resuming from an id that
 * was pruned gets `reset` (refetch) instead of a replay with a hole in it.
 */

/**
 * Whether `lastEventId` can no longer be replayed: pruned already, or (when it is beyond what
 * this process has dispatched, `upTo`) beyond every event the database holds.
 */
export async function isTooOld(db: Database, lastEventId: number, upTo: number): Promise<boolean> {
  if (lastEventId > upTo) return lastEventId > (await maxSeq(db));
  const rows = await db.query<{ value: string }>(
    "select value from settings where key = 'events_pruned_through'",
  );
  const prunedThrough = Number(rows[0]?.value ?? 0);
  return lastEventId < prunedThrough;
}

async function maxSeq(db: Database): Promise<number> {
  const [row] = await db.query<{ seq: number }>('select coalesce(max(seq), 0)::float8 as seq from events');
  return row?.seq ?? 0;
}

/**
 * Drops events beyond the retention (a count; positions have gaps), never past `dispatchedThrough`
 * (what this process has delivered); ids at or below the cut get `reset` from then on.
 */
export async function pruneEvents(db: Database, dispatchedThrough: number, retention: number): Promise<void> {
  const [row] = await db.query<{ seq: number }>(
    'select seq::float8 as seq from events where seq <= $1 order by seq desc offset $2 limit 1',
    [dispatchedThrough, retention],
  );
  const through = row?.seq;
  if (through === undefined) return;
  await db.transaction(async (tx) => {
    await tx.query('delete from events where seq <= $1', [through]);
    await tx.query(
      `insert into settings (key, value) values ('events_pruned_through', $1)
       on conflict (key) do update set value = greatest(settings.value::float8, excluded.value::float8)::text`,
      [String(through)],
    );
  });
}

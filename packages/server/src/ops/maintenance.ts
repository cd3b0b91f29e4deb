import type { Database } from '../db/index.js';

/** How often PGlite gets a `vacuum analyze`. */
const VACUUM_EVERY_MS = 10 * 60_000;

/**
 * PGlite runs PostgreSQL in single-user mode: no autovacuum, so no statistics and no cleanup
 * unless asked, and without statistics the planner misjudges the list queries badly. So on
 * PGlite: `analyze` now, and `vacuum analyze` every 10 minutes. PostgreSQL does its own.
 * Returns the function that stops the timer.
 */
export async function startMaintenance(db: Database): Promise<() => void> {
  if (db.kind !== 'pglite') return () => {};
  await db.query('analyze');
  const timer = setInterval(() => void db.query('vacuum analyze').catch(() => {}), VACUUM_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

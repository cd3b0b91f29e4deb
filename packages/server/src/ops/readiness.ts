import type { Readiness } from '@session-lens/sdk/contract';
import type { Database } from '../db/index.js';
import { migrationStatus } from '../db/migrate.js';
import { HttpProblem } from '../http/problem.js';
import type { DrainState } from './http.js';
import type { Logger } from './logger.js';

/** How long `/readyz` waits for the database before calling it unreachable. */
export const READINESS_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The readiness check (A18): ready when the process is not draining, the database answers
 * within {@link READINESS_TIMEOUT_MS}, and every migration file of this build is applied.
 * Liveness (`/healthz`) only says the process and its database answer; this says whether a load
 * balancer should send it traffic. Once every migration is seen applied it stays so (migrations
 * are never undone), so later checks cost one `select 1`.
 */
export function readinessCheck(db: Database, drain: DrainState, logger: Logger): () => Promise<Readiness> {
  let applied: number | undefined;
  return async () => {
    if (drain.draining) throw notReady('This instance is shutting down.');
    try {
      if (applied === undefined) {
        const status = await withTimeout(migrationStatus(db), READINESS_TIMEOUT_MS);
        if (status.pending.length > 0) {
          throw notReady(`Migrations not applied yet: ${status.pending.join(', ')}.`);
        }
        applied = status.applied;
      } else {
        await withTimeout(db.query('select 1'), READINESS_TIMEOUT_MS);
      }
    } catch (error) {
      if (error instanceof HttpProblem) throw error;
      // The cause goes to the log, not to an unauthenticated caller (it may name hosts).
      logger.warn({ err: error }, 'readiness: the database is unreachable');
      throw notReady('The database is unreachable.');
    }
    return { ok: true, database: db.kind, migrations: applied };
  };
}

function notReady(detail: string): HttpProblem {
  return new HttpProblem(503, 'not-ready', detail);
}

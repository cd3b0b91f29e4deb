import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import postgres from 'postgres';
import { GroupCommit, type GroupedQueryable } from './group-commit.js';
import { lockSessions } from './session-locks.js';

/** Something SQL can be sent to: the database itself, or one open transaction. */
export type Queryable = {
  /**
   * Runs one statement with `$1`-style parameters and returns its rows. Parameters are plain
   * strings, numbers, booleans, nulls or string arrays; JSON travels as text and is cast in SQL
   * (`$1::text::jsonb`), because the two drivers disagree on how to encode a JSON parameter.
   */
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<Row[]>;
};

/** How one statement is sent. */
export type QueryOptions = {
  /**
   * Plan it with its parameters, every time (an unnamed statement on PostgreSQL; PGlite always
   * does): for a statement whose best plan depends on the values, such as a `content` search,
   * whose trigram index a generic plan cannot cost. Default: a named prepared statement.
   */
  oneShot?: boolean;
};

/**
 * The one database interface the server uses, over PGlite (embedded) or PostgreSQL (scale-out).
 * Both speak the same SQL and run the same migration files.
 */
export type Database = Queryable & {
  readonly kind: 'pglite' | 'postgres';
  /** Connections the driver may open at once (PGlite: one, it is single-user). */
  readonly poolSize: number;
  /**
   * Runs `fn` in one transaction; it commits when `fn` resolves and rolls back when it throws.
   * `onCommit` runs once the change is durable, before the returned promise resolves.
   * Concurrent calls may be grouped into one shared transaction (see {@link GroupCommit}): on
   * PGlite always; on PostgreSQL when the call names the `sessions` whose change locks `fn`
   * takes (an empty list: none), which the shared transaction then takes first. A grouped `fn`
   * may run a second time, alone, if the shared commit fails, and the `onCommit` hooks of a
   * group run in the order their changes ran.
   */
  transaction<T>(
    fn: (tx: GroupedQueryable) => Promise<T>,
    onCommit?: () => void,
    sessions?: readonly string[],
  ): Promise<T>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /** LISTENs on a channel; resolves to an unsubscribe function. (The write path sends nothing.) */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

/** Options for {@link openDatabase}. */
export type OpenDatabaseOptions = {
  /** A `postgres://` URL: use real PostgreSQL. */
  databaseUrl?: string | undefined;
  /** PGlite data directory (ignored with `databaseUrl`); in memory when absent. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL (default {@link DEFAULT_POOL_SIZE}; `SESSION_LENS_DB_POOL` in the CLI). */
  maxConnections?: number | undefined;
  /**
   * PostgreSQL: shared write transactions in flight at once (default
   * {@link defaultWriteGroups} of the pool); the rest of the pool serves reads.
   */
  writeGroups?: number | undefined;
  /**
   * PGlite only: fsync the WAL at commit (default true). Off, a commit is still written to the
   * operating system before it is acknowledged (so it survives the process being killed) but not
   * forced to the disk (so a power loss may lose it). Benchmarks turn it off.
   */
  pgliteFsync?: boolean;
};

/**
 * PGlite's default start parameters pass `-F` (fsync off). We start the backend without it and
 * with `synchronous_commit=on`, so a commit's WAL is written out (and fsync'd where the file
 * system supports it) before the query that committed resolves: an acknowledged write survives
 * the process being killed. See the README section on durability.
 */
const PGLITE_DURABLE_START_PARAMS = [
  '--single',
  '-O',
  '-j',
  '-c',
  'search_path=public',
  '-c',
  'exit_on_error=false',
  '-c',
  'log_checkpoints=false',
  '-c',
  'max_worker_processes=0',
  '-c',
  'max_parallel_workers=0',
  '-c',
  'max_parallel_workers_per_gather=0',
  '-c',
  'io_method=sync',
  '-c',
  'max_parallel_maintenance_workers=0',
  '-c',
  'fsync=on',
  '-c',
  'synchronous_commit=on',
];

/** PostgreSQL connections per server process, unless configured. */
export const DEFAULT_POOL_SIZE = 32;

/** The most changes one shared transaction takes (PostgreSQL keeps 64 subtransactions in memory). */
export const MAX_GROUP = 48;

/**
 * PostgreSQL shared write transactions in flight for a pool of `pool` connections: all but two
 * (at least one), so reads (lists, the stream's tail) always find a connection. Writes take a
 * connection each while one is free and gather into groups once none is.
 */
export function defaultWriteGroups(pool: number): number {
  return Math.max(1, pool - 2);
}

/** PGlite's start parameters as the server uses them (the write benchmark's raw baseline too). */
export function pgliteStartParams(fsync: boolean): string[] {
  return PGLITE_DURABLE_START_PARAMS.map((param) => (param === 'fsync=on' && !fsync ? 'fsync=off' : param));
}

/** Opens PGlite in a data directory (or in memory), or PostgreSQL when a URL is given. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = options.maxConnections ?? DEFAULT_POOL_SIZE;
    return openPostgres(options.databaseUrl, pool, options.writeGroups ?? defaultWriteGroups(pool));
  }
  return openPglite(options.dataDir, options.pgliteFsync ?? true);
}

async function openPglite(dataDir: string | undefined, fsync: boolean): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    relaxedDurability: false,
    startParams: pgliteStartParams(fsync),
    // The trigram index of `content` search (migration 005) needs pg_trgm on every open.
    extensions: { pg_trgm },
  });
  await pg.waitReady;
  const run = async <Row>(target: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]) =>
    (await target.query<Row>(sql, params ? [...params] : [])).rows;
  const group = new GroupCommit(
    (fn) => pg.transaction((tx) => fn({ query: (sql, params) => run(tx, sql, params) })),
    // One transaction at a time, so no session lock is ever waited for: nothing to take first.
    // Savepoints only once a change of a group failed: each is a call into the engine.
    { concurrency: 1, maxGroup: MAX_GROUP, pipeline: false, optimistic: true },
  );
  return {
    kind: 'pglite',
    poolSize: 1,
    query: (sql, params) => run(pg, sql, params),
    transaction: (fn, onCommit) => group.run(fn, onCommit),
    exec: async (script) => {
      await pg.exec(script);
    },
    listen: async (channel, onPayload) => {
      const unlisten = await pg.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => pg.close(),
  };
}

async function openPostgres(url: string, max: number, writeGroups: number): Promise<Database> {
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    // Keep int8 as strings (the default) and let queries cast what they need.
  });
  await sql`select 1`;
  type Unsafe = {
    unsafe: (query: string, params?: unknown[], options?: { prepare?: boolean }) => Promise<unknown>;
  };
  type Reserved = Unsafe & { release: () => void };
  // Named prepared statements: every query comes in a bounded set of shapes, and planning is a
  // large share of a short statement's cost.
  const run = async <Row>(
    target: Unsafe,
    query: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ) =>
    (await target.unsafe(query, params ? [...(params as unknown[])] : [], {
      prepare: options?.oneShot !== true,
    })) as unknown as Row[];
  /**
   * One transaction on a reserved connection. BEGIN is not awaited: it is pipelined with the
   * first statement, which saves a round trip on every write (postgres.js's `begin` awaits it).
   */
  const alone = async <T>(fn: (tx: Queryable) => Promise<T>, onCommit?: () => void): Promise<T> => {
    const connection = (await (sql as unknown as { reserve: () => Promise<Reserved> }).reserve()) as Reserved;
    let open = false;
    try {
      const begin = connection.unsafe('begin');
      open = true;
      // Its failure (if any) surfaces as the failure of the statements queued behind it.
      begin.catch(() => {});
      const result = await fn({ query: (query, params) => run(connection, query, params) });
      await begin;
      await connection.unsafe('commit');
      open = false;
      onCommit?.();
      return result;
    } catch (error) {
      if (open) await connection.unsafe('rollback').catch(() => {});
      throw error;
    } finally {
      connection.release();
    }
  };
  // Shared transactions: each takes its changes' session locks first (in one order), then runs
  // them in savepoints sent without waiting; COMMIT is one WAL flush for all of them.
  const group = new GroupCommit((fn) => alone(fn), {
    concurrency: Math.min(writeGroups, max),
    maxGroup: MAX_GROUP,
    pipeline: true,
    lockSessions,
  });
  return {
    kind: 'postgres',
    poolSize: max,
    query: (query, params, options) => run(sql as unknown as Unsafe, query, params, options),
    transaction: (fn, onCommit, sessions) =>
      sessions ? group.run(fn, onCommit, sessions) : alone(fn, onCommit),
    exec: async (script) => {
      await sql.unsafe(script);
    },
    listen: async (channel, onPayload) => {
      const { unlisten } = await sql.listen(channel, onPayload);
      return unlisten;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

/** The SQLSTATE of a database error, if it is one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database, Queryable } from './index.js';

/** Where the versioned migration files live (copied next to the compiled code by build:assets). */
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** A migration file: `NNN_name.sql`, applied in version order. */
type Migration = { version: number; name: string; sql: string };

function readMigrations(dir: string): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file,
      sql: readFileSync(`${dir}${file}`, 'utf8'),
    }));
}

/**
 * Applies every migration not yet applied, each in its own transaction. On PostgreSQL an advisory
 * lock makes several processes starting at once apply each file exactly once.
 * Returns the names of the files applied.
 */
export async function migrate(db: Database, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  await db.transaction(async (tx) => {
    // Several processes may start at once on one PostgreSQL: one creates the table at a time.
    if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(7242001)');
    await tx.query(
      'create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())',
    );
  });
  const applied: string[] = [];
  for (const migration of readMigrations(dir)) {
    const done = await db.transaction(async (tx) => {
      if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(7242001)');
      const rows = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (rows.length > 0) return false;
      // Statements of one file run one by one inside the transaction (the extended protocol
      // takes a single statement at a time).
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

/**
 * What this build's migration files say about the database: how many are applied and which are
 * not yet (readiness, A18). A database without the bookkeeping table has every file pending.
 */
export async function migrationStatus(
  db: Queryable,
  dir: string = MIGRATIONS_DIR,
): Promise<{ applied: number; pending: string[] }> {
  const [table] = await db.query<{ present: boolean }>(
    "select to_regclass('schema_migrations') is not null as present",
  );
  const rows = table?.present
    ? await db.query<{ version: number }>('select version from schema_migrations')
    : [];
  const done = new Set(rows.map((row) => Number(row.version)));
  const files = readMigrations(dir);
  return {
    applied: files.filter((file) => done.has(file.version)).length,
    pending: files.filter((file) => !done.has(file.version)).map((file) => file.name),
  };
}

/** Splits a migration script on semicolons at line ends; our files contain no procedural code. */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, '')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

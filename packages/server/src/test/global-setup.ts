import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/index.js';
import { migrate } from '../db/migrate.js';

const MIGRATIONS = fileURLToPath(new URL('../db/migrations/', import.meta.url));

/** Where the migrated template data directory for this set of migration files lives. */
export function templateDir(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS).sort())
    hash.update(file).update(readFileSync(join(MIGRATIONS, file)));
  return join(tmpdir(), `session-lens-template-${hash.digest('hex').slice(0, 12)}`);
}

/** Vitest global setup: initdb once (slow in WASM), migrate, and leave the directory to copy. */
export default async function setup(): Promise<void> {
  const dir = templateDir();
  if (existsSync(dir)) return;
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const db = await openDatabase({ dataDir: building });
  await migrate(db);
  await db.close();
  renameSync(building, dir);
}

import { readdirSync, readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// X5: no lock serializes writes across sessions or instances. The behaviour is tested in
// event-log.test.ts (a write commits while another session's write is held open on another
// instance); this check keeps the source of the write path free of the SQL that would bring a
// shared lock back: a constant advisory lock, LOCK TABLE, NOTIFY (PostgreSQL takes one lock for
// every committing NOTIFY), or a row lock on anything but the session being changed.
// Every source file of the server is checked, not a list that goes stale as files move; left
// out are tests and their helpers, and the start-up work that runs once under one constant lock
// so that two instances starting together do not both do it: migrations and the demo seed.
const WRITE_PATH = (readdirSync(new URL('.', import.meta.url), { recursive: true }) as string[])
  .map((file) => file.split(sep).join('/'))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('test/'))
  .filter(
    (file) => file !== 'db/migrate.ts' && !file.startsWith('db/migrations/') && !file.startsWith('seed/'),
  );

const source = (file: string) => readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');

describe('write path locks', () => {
  it('checks the whole write path', () => {
    const core = [
      'app.ts',
      'sessions/store.ts',
      'db/group-commit.ts',
      'http/idempotency.ts',
      'routes/sessions.ts',
    ];
    for (const file of core) {
      expect(WRITE_PATH).toContain(file);
    }
  });

  it('takes advisory locks only keyed by a session', () => {
    for (const file of WRITE_PATH) {
      for (const match of source(file).matchAll(
        /pg_(?:try_)?advisory_(?:xact_)?lock(?:_shared)?\(([^)]*\)?)\)/g,
      )) {
        // `$1` is a session id, or `id` one of the session ids of a shared transaction.
        expect(match[1], `${file}: ${match[0]}`).toMatch(/hashtext\((?:\$1|id)\)/);
      }
    }
  });

  it('sends no NOTIFY and locks no table', () => {
    for (const file of WRITE_PATH) {
      const text = source(file);
      expect(text, file).not.toMatch(/pg_notify|\bnotify\s+\w|\block\s+table\b/i);
    }
  });

  it('row-locks only the session being changed', () => {
    for (const file of WRITE_PATH) {
      for (const match of source(file).matchAll(
        /from\s+(\w+)[^`'"]*?\bfor\s+(?:no\s+key\s+)?(?:update|share)\b/gi,
      )) {
        expect(match[1], `${file}: ${match[0]}`).toBe('sessions');
      }
    }
  });
});

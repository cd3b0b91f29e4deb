import { describe, expect, it } from 'vitest';
import { GroupCommit, type RunTransaction } from './group-commit.js';
import type { Queryable } from './index.js';

/**
 * A database stand-in with real transaction semantics for what the group commit sends: rows
 * written by `insert <name>` are kept only when the transaction commits, savepoints roll back
 * what follows them, and every statement is recorded.
 */
class FakeDatabase {
  readonly committed: string[] = [];
  readonly statements: string[] = [];
  transactions = 0;

  readonly runTransaction: RunTransaction = async (fn) => {
    this.transactions += 1;
    const rows: string[] = [];
    const marks: number[] = [];
    const tx: Queryable = {
      query: async <Row>(sql: string) => {
        this.statements.push(sql);
        if (sql === 'savepoint group_change') marks.push(rows.length);
        else if (sql === 'rollback to savepoint group_change') rows.length = marks.at(-1)!;
        else if (sql === 'release savepoint group_change') marks.pop();
        else rows.push(sql.replace('insert ', ''));
        return [] as Row[];
      },
    };
    const result = await fn(tx);
    this.committed.push(...rows);
    return result;
  };

  savepoints(): number {
    return this.statements.filter((sql) => sql === 'savepoint group_change').length;
  }
}

/** A change that inserts `name`, and fails after that when `fail`. */
const change =
  (name: string, fail = false) =>
  async (tx: Queryable) => {
    await tx.query(`insert ${name}`);
    if (fail) throw new Error(`${name} failed`);
    return name;
  };

/** Runs a first change alone, so that `names` queue behind it and form one group. */
function runGroup(group: GroupCommit, names: string[], failing: ReadonlySet<string>, acks: string[]) {
  const first = group.run(change('first'));
  const rest = names.map((name) =>
    group
      .run(change(name, failing.has(name)), () => acks.push(name))
      .then(
        (value) => ({ ok: true, value }),
        (error: unknown) => ({ ok: false, error: (error as Error).message }),
      ),
  );
  return Promise.all([first, ...rest]);
}

const options = { concurrency: 1, maxGroup: 48, pipeline: false, optimistic: true };

describe('group commit, optimistic (PGlite)', () => {
  it('runs a group with no savepoints and acknowledges each change after the one commit, in order', async () => {
    const db = new FakeDatabase();
    const group = new GroupCommit(db.runTransaction, options);
    const acks: string[] = [];
    const [, ...results] = await runGroup(group, ['a', 'b', 'c'], new Set(), acks);
    expect(results).toEqual([
      { ok: true, value: 'a' },
      { ok: true, value: 'b' },
      { ok: true, value: 'c' },
    ]);
    expect(db.transactions).toBe(2);
    expect(db.savepoints()).toBe(0);
    expect(db.committed).toEqual(['first', 'a', 'b', 'c']);
    expect(acks).toEqual(['a', 'b', 'c']);
  });

  it('rolls a group with a failing change back whole and runs it again with savepoints', async () => {
    const db = new FakeDatabase();
    const group = new GroupCommit(db.runTransaction, options);
    const acks: string[] = [];
    const [, ...results] = await runGroup(group, ['a', 'b', 'c'], new Set(['b']), acks);
    expect(results).toEqual([
      { ok: true, value: 'a' },
      { ok: false, error: 'b failed' },
      { ok: true, value: 'c' },
    ]);
    // The optimistic attempt left nothing behind; the failing change's own row neither.
    expect(db.committed).toEqual(['first', 'a', 'c']);
    expect(db.transactions).toBe(3);
    expect(db.savepoints()).toBe(3);
    expect(acks).toEqual(['a', 'c']);
  });

  it('goes straight to savepoints after a group with a failure, and back once a group is clean', async () => {
    const db = new FakeDatabase();
    const group = new GroupCommit(db.runTransaction, options);
    await runGroup(group, ['a', 'b'], new Set(['a']), []);
    const before = db.transactions;
    await runGroup(group, ['c', 'd'], new Set(), []);
    // One alone, one shared with savepoints: no optimistic attempt in between.
    expect(db.transactions - before).toBe(2);
    expect(db.savepoints()).toBe(4);
    const again = db.transactions;
    await runGroup(group, ['e', 'f'], new Set(), []);
    expect(db.transactions - again).toBe(2);
    expect(db.savepoints()).toBe(4);
    expect(db.committed).toEqual(['first', 'b', 'first', 'c', 'd', 'first', 'e', 'f']);
  });

  it('without `optimistic`, every group runs in savepoints (PostgreSQL)', async () => {
    const db = new FakeDatabase();
    const group = new GroupCommit(db.runTransaction, { ...options, optimistic: false });
    await runGroup(group, ['a', 'b'], new Set(), []);
    expect(db.savepoints()).toBe(2);
    expect(db.committed).toEqual(['first', 'a', 'b']);
  });
});

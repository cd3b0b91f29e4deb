import type { Queryable } from './index.js';

/** Runs one function in one real transaction of the underlying database. */
type RunTransaction = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;

type Pending = {
  fn: (tx: Queryable) => Promise<unknown>;
  onCommit: (() => void) | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** The most changes one shared transaction takes; later ones wait for the next. */
export const MAX_GROUP = 64;

/**
 * Group commit for a database that runs one transaction at a time (PGlite). While a
 * transaction is committing, the changes that arrive wait; the next transaction then runs all
 * of them, each inside its own savepoint, and commits once — one WAL flush for the whole group
 * instead of one each. Durability is unchanged: every change is acknowledged (its promise
 * resolves, its `onCommit` runs) only after the shared COMMIT returned.
 *
 * A change that throws is rolled back to its savepoint and rejected alone; the others go on. If
 * the shared transaction itself fails (its COMMIT, or a savepoint command), nothing of it was
 * committed, so each change that had succeeded is run again in a transaction of its own and
 * acknowledged by that one.
 */
export class GroupCommit {
  readonly #runTransaction: RunTransaction;
  #waiting: Pending[] = [];
  #running = false;

  constructor(runTransaction: RunTransaction) {
    this.#runTransaction = runTransaction;
  }

  /** Runs `fn` in a transaction, possibly shared with other concurrent calls. */
  run<T>(fn: (tx: Queryable) => Promise<T>, onCommit?: () => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ fn, onCommit, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#running) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      while (this.#waiting.length > 0) {
        const group = this.#waiting.splice(0, MAX_GROUP);
        if (group.length === 1) await this.#alone(group[0]!);
        else await this.#together(group);
      }
    } finally {
      this.#running = false;
    }
  }

  /** One change in its own transaction, exactly as without grouping. */
  async #alone(change: Pending): Promise<void> {
    let result: unknown;
    try {
      result = await this.#runTransaction(change.fn);
    } catch (error) {
      change.reject(error);
      return;
    }
    change.onCommit?.();
    change.resolve(result);
  }

  async #together(group: Pending[]): Promise<void> {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await this.#runTransaction(async (tx) => {
        for (const change of group) {
          await tx.query('savepoint group_change');
          try {
            const value = await change.fn(tx);
            await tx.query('release savepoint group_change');
            outcomes.push({ ok: true, value });
          } catch (error) {
            await tx.query('rollback to savepoint group_change');
            await tx.query('release savepoint group_change');
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch {
      // Nothing of the group was committed: each change that had worked runs again alone.
      for (const [index, change] of group.entries()) {
        const outcome = outcomes[index];
        if (outcome && !outcome.ok) change.reject(outcome.error);
        else await this.#alone(change);
      }
      return;
    }
    // Committed: acknowledge in the order the changes ran, hooks first (the stream hub relies on it).
    for (const [index, change] of group.entries()) {
      const outcome = outcomes[index]!;
      if (outcome.ok) change.onCommit?.();
    }
    for (const [index, change] of group.entries()) {
      const outcome = outcomes[index]!;
      if (outcome.ok) change.resolve(outcome.value);
      else change.reject(outcome.error);
    }
  }
}

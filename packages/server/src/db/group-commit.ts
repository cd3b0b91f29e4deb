import type { Queryable } from './index.js';

/**
 * What a change inside a shared transaction sees: the transaction, plus the sessions whose
 * locks the transaction took before anything else (PostgreSQL). A change that needs another
 * session's lock throws {@link MustRunAlone} and is run again in a transaction of its own.
 */
export type GroupedQueryable = Queryable & { readonly lockedSessions?: ReadonlySet<string> };

/** Runs one function in one real transaction of the underlying database. */
export type RunTransaction = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;

/** How a {@link GroupCommit} shares transactions. */
export type GroupCommitOptions = {
  /** Shared transactions in flight at once (PGlite: 1, it runs one transaction at a time). */
  concurrency: number;
  /** The most changes one shared transaction takes; later ones wait for the next. */
  maxGroup: number;
  /**
   * Send each savepoint without waiting for its answer, so it travels with the change's first
   * statement (PostgreSQL: statements on one connection are answered in order).
   */
  pipeline: boolean;
  /**
   * Run each group first with no savepoints at all (two statements fewer per change); if any
   * change throws, roll the whole group back and run it again with savepoints. Meant for PGlite,
   * where every statement is a call into the engine; after a group that had a failing change, the
   * next group goes straight to savepoints.
   */
  optimistic?: boolean;
  /**
   * Runs first in every shared transaction with the sessions its changes declared (PostgreSQL
   * takes their locks there, in one order, before the transaction has an id); changes then see
   * those sessions as `lockedSessions`. Without it changes see no `lockedSessions`.
   */
  lockSessions?: (tx: Queryable, sessions: readonly string[]) => Promise<void>;
};

type Pending = {
  fn: (tx: GroupedQueryable) => Promise<unknown>;
  onCommit: (() => void) | undefined;
  sessions: readonly string[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown } | { ok: 'alone' };

/** Thrown by a change in a shared transaction that needs a lock the transaction did not take first. */
export class MustRunAlone extends Error {
  constructor(session: string) {
    super(`Session ${session} was not locked by the shared transaction`);
  }
}

/**
 * Group commit. While the allowed number of transactions are committing, the changes that
 * arrive wait; the next transaction then runs all of them (up to `maxGroup`), each inside its
 * own savepoint, and commits once — one WAL flush and one COMMIT round trip for the whole group
 * instead of one each. Durability is unchanged: every change is acknowledged (its promise
 * resolves, its `onCommit` runs) only after the shared COMMIT returned.
 *
 * A change that throws is rolled back to its savepoint and rejected alone; the others go on. If
 * the shared transaction itself fails (its COMMIT, the locks, or a savepoint command), nothing of
 * it was committed, so each change that had succeeded is run again in a transaction of its own
 * and acknowledged by that one. A change that throws {@link MustRunAlone} is run again alone
 * once its group committed. With `optimistic`, a group first runs with no savepoints; one change
 * throwing rolls all of it back (nothing committed, nothing acknowledged) and the group runs again
 * as above, so each change still lands or fails on its own.
 */
export class GroupCommit {
  readonly #runTransaction: RunTransaction;
  readonly #options: GroupCommitOptions;
  #waiting: Pending[] = [];
  #running = 0;
  /** A change of the last group failed: the next group skips the optimistic attempt. */
  #lastGroupFailed = false;

  constructor(runTransaction: RunTransaction, options: GroupCommitOptions) {
    this.#runTransaction = runTransaction;
    this.#options = options;
  }

  /**
   * Runs `fn` in a transaction, possibly shared with other concurrent calls. `sessions` are the
   * sessions whose locks `fn` will take (see `lockSessions`).
   */
  run<T>(
    fn: (tx: GroupedQueryable) => Promise<T>,
    onCommit?: () => void,
    sessions: readonly string[] = [],
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ fn, onCommit, sessions, resolve: resolve as (value: unknown) => void, reject });
      if (this.#running < this.#options.concurrency) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running += 1;
    try {
      while (this.#waiting.length > 0) {
        const group = this.#waiting.splice(0, this.#options.maxGroup);
        if (group.length === 1) await this.#alone(group[0]!);
        else await this.#together(group);
      }
    } finally {
      this.#running -= 1;
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

  /**
   * The whole group in one transaction without savepoints. Resolves false, with nothing committed
   * and nothing acknowledged, when a change (or the commit) threw.
   */
  async #optimistic(group: Pending[]): Promise<boolean> {
    const values: unknown[] = [];
    try {
      await this.#runTransaction(async (tx) => {
        const { shared, locked } = this.#prepare(tx, group);
        await locked;
        for (const change of group) values.push(await change.fn(shared));
      });
    } catch {
      return false;
    }
    for (const change of group) change.onCommit?.();
    for (const [index, change] of group.entries()) change.resolve(values[index]);
    return true;
  }

  async #together(group: Pending[]): Promise<void> {
    if (this.#options.optimistic && !this.#lastGroupFailed) {
      if (await this.#optimistic(group)) return;
    }
    const outcomes: Outcome[] = [];
    try {
      await this.#inSavepoints(group, outcomes);
    } catch {
      this.#lastGroupFailed = true;
      // Nothing of the group was committed: each change that had worked runs again alone.
      for (const [index, change] of group.entries()) {
        const outcome = outcomes[index];
        if (outcome && outcome.ok === false) change.reject(outcome.error);
        else await this.#alone(change);
      }
      return;
    }
    this.#lastGroupFailed = outcomes.some((outcome) => outcome.ok !== true);
    // Committed: acknowledge in the order the changes ran, hooks first (the stream hub relies on it).
    for (const [index, change] of group.entries()) {
      if (outcomes[index]!.ok === true) change.onCommit?.();
    }
    for (const [index, change] of group.entries()) {
      const outcome = outcomes[index]!;
      if (outcome.ok === true) change.resolve(outcome.value);
      else if (outcome.ok === false) change.reject(outcome.error);
    }
    for (const [index, change] of group.entries()) {
      if (outcomes[index]!.ok === 'alone') await this.#alone(change);
    }
  }

  /** The group in one shared transaction, each change in its savepoint; outcomes in run order. */
  async #inSavepoints(group: Pending[], outcomes: Outcome[]): Promise<void> {
    await this.#runTransaction(async (tx) => {
      const { shared, locked } = this.#prepare(tx, group);
      if (!this.#options.pipeline) await locked;
      let released: Promise<unknown> = Promise.resolve();
      for (const change of group) {
        const { outcome, release } = await this.#inSavepoint(shared, change);
        outcomes.push(outcome);
        released = release;
      }
      // The last release has nothing behind it to fail in its place: COMMIT would not.
      await locked;
      await released;
    });
  }

  /**
   * Takes the group's session locks first, when configured (pipelined: sent, not waited for;
   * the changes' statements queue behind it, and fail if it fails). Returns the transaction its
   * changes see.
   */
  #prepare(tx: Queryable, group: Pending[]): { shared: GroupedQueryable; locked: Promise<unknown> } {
    const { lockSessions } = this.#options;
    if (!lockSessions) return { shared: tx, locked: Promise.resolve() };
    const sessions = [...new Set(group.flatMap((change) => change.sessions))];
    const locked = sessions.length > 0 ? lockSessions(tx, sessions) : Promise.resolve();
    locked.catch(() => {});
    const shared = { query: tx.query.bind(tx), lockedSessions: new Set(sessions) };
    return { shared, locked };
  }

  /** One change in its savepoint; `release` is the savepoint's release, maybe still under way. */
  async #inSavepoint(
    tx: GroupedQueryable,
    change: Pending,
  ): Promise<{ outcome: Outcome; release: Promise<unknown> }> {
    const savepoint = this.#send(tx, 'savepoint group_change');
    if (!this.#options.pipeline) await savepoint;
    let outcome: Outcome;
    try {
      outcome = { ok: true, value: await change.fn(tx) };
      await savepoint;
    } catch (error) {
      // A failed savepoint command fails the whole group (rethrown by this await).
      await savepoint;
      await tx.query('rollback to savepoint group_change');
      outcome = error instanceof MustRunAlone ? { ok: 'alone' } : { ok: false, error };
    }
    const release = this.#send(tx, 'release savepoint group_change');
    if (!this.#options.pipeline) await release;
    return { outcome, release };
  }

  /**
   * Sends a savepoint command. Pipelined, the caller does not wait for it: it travels with the
   * next statements, and if it fails the transaction is aborted, so the statements behind it
   * fail too (which is why the caller still awaits it, or the last one, at some point).
   */
  #send(tx: Queryable, command: string): Promise<unknown> {
    const sent = tx.query(command);
    sent.catch(() => {});
    return sent;
  }
}

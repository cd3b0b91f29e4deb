import type { Database } from '../db/index.js';

/** What the database pool is doing right now (A18 metrics). */
export type PoolStats = {
  /** Connections the driver may open at once. */
  size: number;
  /** Operations (a statement or a whole transaction) holding a connection. */
  inUse: number;
  /** Operations issued but waiting for a connection: more outstanding than the pool holds. */
  waiting: number;
};

/**
 * Wraps a database so each top-level statement and each transaction counts as one operation
 * while it is outstanding. Both drivers run one operation per connection at a time (PGlite has
 * exactly one), so `min(outstanding, size)` are on a connection and the rest wait for one.
 * Statements inside a transaction run on the transaction's connection and are not counted again.
 */
export function instrumentDatabase(db: Database): { db: Database; stats: () => PoolStats } {
  let outstanding = 0;
  const track = async <T>(run: () => Promise<T>): Promise<T> => {
    outstanding += 1;
    try {
      return await run();
    } finally {
      outstanding -= 1;
    }
  };
  // Spread first: whatever else a driver offers passes through unchanged.
  const instrumented: Database = {
    ...db,
    query: (sql, params, options) => track(() => db.query(sql, params, options)),
    transaction: (fn, onCommit, sessions) => track(() => db.transaction(fn, onCommit, sessions)),
    exec: (script) => track(() => db.exec(script)),
  };
  return {
    db: instrumented,
    stats: () => ({
      size: db.poolSize,
      inUse: Math.min(outstanding, db.poolSize),
      waiting: Math.max(0, outstanding - db.poolSize),
    }),
  };
}

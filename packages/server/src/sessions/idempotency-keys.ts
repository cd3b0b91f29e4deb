import type { Queryable } from '../db/index.js';

/** A stored answer to an earlier request that carried the same `Idempotency-Key`. */
export type StoredResponse = { requestHash: string; status: number; response: unknown };

/** The answer stored for this principal's key, if any. */
export async function findIdempotentResponse(
  tx: Queryable,
  principal: string,
  key: string,
): Promise<StoredResponse | undefined> {
  const [row] = await tx.query<{ request_hash: string; status: number; response: unknown }>(
    'select request_hash, status, response from idempotency_keys where principal = $1 and key = $2',
    [principal, key],
  );
  return row && { requestHash: row.request_hash, status: row.status, response: row.response };
}

/**
 * Stores the answer to a key's first request, in the transaction of the change it made. A
 * concurrent request that committed the same key first makes this a unique violation (23505).
 */
export async function recordIdempotentResponse(
  tx: Queryable,
  record: { principal: string; key: string; operation: string } & StoredResponse,
): Promise<void> {
  await tx.query(
    `insert into idempotency_keys (principal, key, operation, request_hash, status, response)
     values ($1, $2, $3, $4, $5, $6::text::jsonb)`,
    [
      record.principal,
      record.key,
      record.operation,
      record.requestHash,
      record.status,
      JSON.stringify(record.response),
    ],
  );
}

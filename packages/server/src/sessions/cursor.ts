import { createHash } from 'node:crypto';
import { invalid } from '../http/problem.js';

/**
 * A keyset cursor: the `now` the first page froze (so chats do not change phase between pages),
 * the phase (0 = active, 1 = inactive), the last row's position in that phase (absent at the
 * start of a phase), and a hash of the query it belongs to.
 */
export type Cursor = {
  now: number;
  phase: 0 | 1;
  updatedAt?: string | undefined;
  id?: string | undefined;
  query: string;
};

/** The latest instant a cursor may freeze: the year 9999, within what PostgreSQL stores. */
const MAX_INSTANT = Date.UTC(9999, 11, 31);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isIsoInstant = (text: string) =>
  ISO_INSTANT.test(text) && !Number.isNaN(Date.parse(text)) && new Date(text).toISOString() === text;

/** Opaque, URL-safe encoding of a cursor. */
export function encodeCursor(cursor: Cursor): string {
  const tuple = [1, cursor.now, cursor.phase, cursor.updatedAt ?? null, cursor.id ?? null, cursor.query];
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

/** Decodes a cursor, or throws a 400 naming `query.cursor` (a cursor is untrusted input). */
export function decodeCursor(text: string, expectedQuery: string): Cursor {
  const bad = (message: string) => invalid([{ path: 'query.cursor', message }]);
  let tuple: unknown;
  try {
    tuple = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw bad('Malformed cursor');
  }
  if (!Array.isArray(tuple) || tuple.length !== 6 || tuple[0] !== 1) throw bad('Malformed cursor');
  const [, now, phase, updatedAt, id, query] = tuple as unknown[];
  if (typeof now !== 'number' || !Number.isSafeInteger(now) || now < 0 || now > MAX_INSTANT) {
    throw bad('Malformed cursor');
  }
  if (phase !== 0 && phase !== 1) throw bad('Malformed cursor');
  if ((updatedAt === null) !== (id === null)) throw bad('Malformed cursor');
  // Exactly what toISOString writes for years 0000–9999, which PostgreSQL's timestamptz reads.
  if (updatedAt !== null && (typeof updatedAt !== 'string' || !isIsoInstant(updatedAt))) {
    throw bad('Malformed cursor');
  }
  if (id !== null && (typeof id !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(id))) {
    throw bad('Malformed cursor');
  }
  if (query !== expectedQuery) throw bad('This cursor belongs to a different query; start again without it');
  return {
    now,
    phase,
    updatedAt: (updatedAt as string | null) ?? undefined,
    id: (id as string | null) ?? undefined,
    query,
  };
}

/** A short hash of whatever defines a query's result set, so a cursor cannot cross queries. */
export function queryKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 12);
}

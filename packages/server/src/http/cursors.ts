import { createHmac, timingSafeEqual } from 'node:crypto';
import { invalid } from './problem.js';

/** Bytes of HMAC-SHA256 kept in a cursor's signature (128 bits). */
const SIGNATURE_BYTES = 16;

/**
 * Signs and verifies the opaque cursors the server hands out (list and transcript pages) with an
 * HMAC keyed from the workspace secret. A cursor the server did not mint (forged, truncated,
 * edited) is a 400 naming `query.cursor` before any field of it is read; the store still checks
 * every field of a signed one.
 */
export type CursorSeal = {
  seal(cursor: string): string;
  /** The cursor's inner text, or a 400 at `query.cursor`. */
  open(sealed: string): string;
};

/** A seal keyed from the workspace secret (shared by every process through the database). */
export function cursorSeal(workspaceSecret: Buffer): CursorSeal {
  const key = createHmac('sha256', workspaceSecret).update('session-lens cursor v1').digest();
  const sign = (text: string) => createHmac('sha256', key).update(text).digest().subarray(0, SIGNATURE_BYTES);
  return {
    seal: (cursor) => `${cursor}.${sign(cursor).toString('base64url')}`,
    open: (sealed) => {
      const dot = sealed.lastIndexOf('.');
      const inner = sealed.slice(0, Math.max(dot, 0));
      const text = sealed.slice(dot + 1);
      const given = Buffer.from(text, 'base64url');
      // Only the canonical encoding of the exact signature verifies, compared in constant time.
      const valid =
        dot > 0 &&
        given.length === SIGNATURE_BYTES &&
        given.toString('base64url') === text &&
        timingSafeEqual(given, sign(inner));
      if (!valid)
        throw invalid([{ path: 'query.cursor', message: 'Malformed cursor: start again without it' }]);
      return inner;
    },
  };
}

/** A transcript page cursor: the last `seq` served. */
export function encodeTranscriptCursor(seq: number): string {
  return Buffer.from(`t:${seq}`).toString('base64url');
}

/** The `seq` a transcript cursor resumes after (0 without one), or a 400 at `query.cursor`. */
export function decodeTranscriptCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^t:([1-9]\d{0,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const seq = match ? Number(match[1]) : NaN;
  if (!(seq <= 2_147_483_647)) throw invalid([{ path: 'query.cursor', message: 'Malformed cursor' }]);
  return seq;
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { RecordScope, Scope } from '@session-lens/sdk/contract';

/** The prefix of an embed token: `sle.<payload>.<signature>`. */
export const EMBED_PREFIX = 'sle.';

/** What an embed token carries, signed (A7). */
export type EmbedPayload = {
  /** The member who minted it: the token reads as them, narrowed. */
  sub: string;
  /** The one record it is locked to. */
  scope: RecordScope;
  /** Its read scopes. */
  scopes: Scope[];
  /** Expiry, in seconds since the epoch. */
  exp: number;
  /** The host pages' origins it is bound to; absent = any origin. */
  origins?: string[] | undefined;
};

/** Unpadded base64url: the only alphabet a minted segment uses. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** An HMAC-SHA256 digest is 32 bytes: 43 unpadded base64url characters. */
const SIGNATURE_CHARS = 43;

function sign(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

/** Signs an embed token (HMAC-SHA256): the lock, the scopes and the origins live inside the payload. */
export function signEmbedPayload(secret: Buffer, payload: EmbedPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${EMBED_PREFIX}${body}.${sign(secret, body)}`;
}

/**
 * True when `segment` is exactly what base64url-encoding its own decoded bytes gives back. Node's
 * decoder skips characters outside the alphabet (`!`, `=`) and ignores the unused low bits of the
 * last character, so several spellings decode to the same bytes; only the minted one is accepted.
 */
function canonical(segment: string): boolean {
  return BASE64URL.test(segment) && Buffer.from(segment, 'base64url').toString('base64url') === segment;
}

function isPayload(value: unknown): value is EmbedPayload {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    typeof p.sub === 'string' &&
    RecordScope.safeParse(p.scope).success &&
    Array.isArray(p.scopes) &&
    p.scopes.every((scope) => Scope.safeParse(scope).success) &&
    typeof p.exp === 'number' &&
    Number.isFinite(p.exp) &&
    (p.origins === undefined ||
      (Array.isArray(p.origins) && p.origins.every((origin) => typeof origin === 'string')))
  );
}

/**
 * Verifies an embed token in exactly its minted form — the prefix, two canonical base64url
 * segments and nothing else — with one HMAC computation and a constant-time comparison, then
 * checks the payload's shape and expiry. Anything else (padding, stray characters, an extra
 * segment, a flipped unused bit) is undefined: the caller answers 401.
 */
export function verifyEmbedToken(secret: Buffer, token: string, now: number): EmbedPayload | undefined {
  if (!token.startsWith(EMBED_PREFIX)) return undefined;
  const segments = token.slice(EMBED_PREFIX.length).split('.');
  if (segments.length !== 2) return undefined;
  const [body, signature] = segments as [string, string];
  if (signature.length !== SIGNATURE_CHARS || !canonical(body) || !canonical(signature)) return undefined;
  const expected = Buffer.from(sign(secret, body));
  if (!timingSafeEqual(Buffer.from(signature), expected)) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isPayload(payload) || payload.exp * 1000 <= now) return undefined;
  return payload;
}

/**
 * The origin binding (A7): a request made with a token minted with `origins` whose `Origin`
 * header is present and not listed is refused. Returns the reason, or undefined when allowed.
 * Requests without `Origin` (a server, a same-origin GET) are not refused by it.
 */
export function refusedOrigin(
  embed: { origins?: readonly string[] | undefined } | undefined,
  origin: string | undefined,
): string | undefined {
  if (!embed?.origins || origin === undefined || embed.origins.includes(origin)) return undefined;
  return `This embed token is bound to ${embed.origins.join(', ')}; it cannot be used from ${origin}.`;
}

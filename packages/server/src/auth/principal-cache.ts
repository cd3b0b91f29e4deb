import type { Queryable } from '../db/index.js';
import { authenticate, type Principal, type WorkspaceSettings } from './principal.js';

/** How long a resolved token is trusted without asking the database again. */
const TTL_MS = 5_000;
/** Entries kept before the cache starts over. */
const MAX_ENTRIES = 10_000;

/**
 * Resolves bearer tokens, remembering each answer for a few seconds: that saves two queries per
 * request. Nothing revokes tokens or moves members between groups at runtime yet, so the short
 * TTL is only a bound on future staleness. An embed token's expiry is re-checked on every hit.
 */
export function cachedAuthenticator(
  db: Queryable,
  settings: WorkspaceSettings,
): (token: string) => Promise<Principal | undefined> {
  const principals = new Map<string, { principal: Principal; until: number }>();
  return async (token) => {
    const now = Date.now();
    const hit = principals.get(token);
    if (hit && hit.until > now && (!hit.principal.embed || Date.parse(hit.principal.embed.expiresAt) > now)) {
      return hit.principal;
    }
    const principal = await authenticate(db, settings, token, now);
    if (principals.size > MAX_ENTRIES) principals.clear();
    if (principal) principals.set(token, { principal, until: now + TTL_MS });
    return principal;
  };
}

/**
 * A fresh idempotency key for one logical call: generated once, then sent unchanged on every
 * retry of that call so the server applies it once. `crypto.randomUUID` exists in every browser
 * (secure contexts) and in Node ≥ 19; the fallback covers plain-HTTP pages.
 */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return `sl-${c.randomUUID()}`;
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return `sl-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

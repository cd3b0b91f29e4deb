// The browser side every demo host page shares: the plain-HTML pages (src/web), the React host
// (packages/demo-react) and the Vue host (packages/demo-vue). Imported by those two as
// `@session-lens/demo/host-kit`, with their stylesheet `@session-lens/demo/host-kit/framework-host.css`.
import type { TokenRequest } from '@session-lens/sdk';
import type { HostSession } from '../shared/records.js';

export type { HostSession };

/** Asks the demo host's server who is signed in, with that user's browser token. */
export async function fetchHostSession(): Promise<HostSession> {
  const response = await fetch('/host/session');
  if (!response.ok) throw new Error(`The host server answered ${response.status} for /host/session.`);
  return (await response.json()) as HostSession;
}

/**
 * A `getToken` for one record's Sessions tab: the host's server mints a read-only embed token
 * locked to that record for the current user; it is reused until a minute before it expires, or
 * until the server refuses it (`refresh`). Hand it to `<session-lens-provider>` as a property: a
 * function cannot travel in an attribute.
 */
export function embedTokenGetter(record: string): (context: TokenRequest) => Promise<string> {
  let current: Promise<{ token: string; expiresAt: number }> | undefined;
  const mint = async () => {
    const response = await fetch(`/host/embed-token?record=${encodeURIComponent(record)}`);
    const body = (await response.json()) as { token?: string; expiresAt?: string; detail?: string };
    if (!response.ok || !body.token || !body.expiresAt) {
      throw new Error(body.detail ?? `The host could not mint an embed token (${response.status}).`);
    }
    return { token: body.token, expiresAt: Date.parse(body.expiresAt) };
  };
  return async ({ refresh }) => {
    const held = current && !refresh ? await current.catch(() => undefined) : undefined;
    if (!held || held.expiresAt - Date.now() < 60_000) current = mint();
    return (await current)!.token;
  };
}

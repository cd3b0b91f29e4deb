import type { TokenRequest } from '@session-lens/sdk';

/** The signed-in user of the demo host, and the user's own token for the Sessions API. */
export type HostSession = { user: { id: string; label: string; name: string }; token: string };

/** Asks the demo host's server who is signed in. */
export async function fetchHostSession(): Promise<HostSession> {
  const response = await fetch('/host/session');
  if (!response.ok) throw new Error(`The host answered ${response.status}`);
  return (await response.json()) as HostSession;
}

/**
 * A `getToken` for one record: the demo host's server mints a read-only embed token, reused until
 * near expiry or until the server refuses it (`refresh`). Passed to `<session-lens-provider>` as a
 * property: a function cannot travel in an attribute.
 */
export function embedTokenGetter(record: string): (context: TokenRequest) => Promise<string> {
  let current: Promise<{ token: string; expiresAt: number }> | undefined;
  const mint = async () => {
    const response = await fetch(`/host/embed-token?record=${encodeURIComponent(record)}`);
    const body = (await response.json()) as { token?: string; expiresAt?: string; detail?: string };
    if (!response.ok || !body.token || !body.expiresAt)
      throw new Error(body.detail ?? `HTTP ${response.status}`);
    return { token: body.token, expiresAt: Date.parse(body.expiresAt) };
  };
  return async ({ refresh }: TokenRequest) => {
    const held = current && !refresh ? await current.catch(() => undefined) : undefined;
    if (!held || held.expiresAt - Date.now() < 60_000) current = mint();
    return (await current)!.token;
  };
}

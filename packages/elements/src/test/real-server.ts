/**
 * The browser side of the real-server harness (see test/real-server-plugin.js): the test server
 * proxies the REAL reference server's `/v1/*` on the page's origin and tells where it is and which
 * tokens it printed. Writes go through the admin token, exactly as an integration would make them.
 */
import type { Session } from '@session-lens/sdk';

export type RealServer = {
  baseUrl: string;
  tokens: { admin: string; embed: string; embedScope: string; member: string; agent: string };
};

let cached: Promise<RealServer> | undefined;

/** Where the real server is (proxied) and its demo tokens. */
export function realServer(): Promise<RealServer> {
  return (cached ??= fetch('/__lens/server.json').then(async (response) => {
    if (!response.ok) throw new Error(`The real server is not available: ${await response.text()}`);
    return (await response.json()) as RealServer;
  }));
}

/** Calls the API with a token and returns the parsed body; throws with the status on failure. */
export async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const { baseUrl } = await realServer();
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw Object.assign(new Error(`${response.status} ${await response.text()}`), {
      status: response.status,
    });
  return (await response.json()) as T;
}

/**
 * Mints an embed token locked to `scope` through `POST /v1/embed-tokens` with the admin token,
 * living `ttlSeconds` (the server's minimum is 30).
 */
export async function mintEmbedToken(scope: string, ttlSeconds = 900): Promise<string> {
  const { tokens } = await realServer();
  const minted = await api<{ token: string }>(tokens.admin, 'POST', '/v1/embed-tokens', {
    scope,
    ttlSeconds,
  });
  return minted.token;
}

/** Starts a session (admin token), visible to the workspace. */
export async function startSession(body: Record<string, unknown>): Promise<Session> {
  const { tokens } = await realServer();
  return api<Session>(tokens.admin, 'POST', '/v1/sessions', { visibility: { type: 'workspace' }, ...body });
}

/** Posts a batch of activity to a session (admin token). */
export async function postActivity(id: string, batch: Record<string, unknown>): Promise<Session> {
  const { tokens } = await realServer();
  return api<Session>(tokens.admin, 'POST', `/v1/sessions/${id}/activity`, batch);
}

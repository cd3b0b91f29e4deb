import { Scope } from '@session-lens/sdk';
import { upsertToken, type RunningServer } from '@session-lens/server';
import { DEMO_PERSONAS, demoToken } from '@session-lens/server/demo';
import type { DemoUserId, HostSession } from '../shared/records.js';

/** A demo user as the host's server knows it: the real tokens stay here, on the server. */
export type DemoUser = {
  id: DemoUserId;
  label: string;
  name: string;
  description: string;
  /** The token the host's server uses for this user: it may mint embed tokens. */
  serverToken: string;
  /** The token handed to this user's browser: the same scopes without `embed:mint`. */
  browserToken: string;
  browserScopes: Scope[];
};

const READ: Scope[] = ['sessions:read', 'flows:read'];
const ALL: Scope[] = [...Scope.options];
const MEMBER_NO_SPEND = ALL.filter((scope) => scope !== 'sessions:admin' && scope !== 'spend:read');

/**
 * Maps the three users of the switcher to real members of the demo workspace, who own sessions
 * there (so "Mine" in the Command Center is full): Ana Ruiz as the admin, Ben Okafor as a member
 * without spend and Dev Patel as a reviewer. Each gets a server token registered here, and a
 * browser token with the same scopes minus `embed:mint` (only the host's server mints), both
 * derived from the workspace secret (the same data directory keeps the same tokens).
 */
export async function demoUsers(server: RunningServer): Promise<DemoUser[]> {
  if (!server.tokens.demo)
    throw new Error('The demo host needs the reference server started with seed: "demo".');
  const { settings } = server.lens;
  const users: Omit<DemoUser, 'serverToken' | 'browserToken' | 'browserScopes'>[] = [
    {
      id: 'admin',
      label: 'Admin',
      name: 'Ana Ruiz',
      description: 'Every scope: sees every session and its cost, and manages who sees what.',
    },
    {
      id: 'member',
      label: 'Member without spend',
      name: 'Ben Okafor',
      description: 'Starts and manages work, but cost is hidden everywhere.',
    },
    {
      id: 'reviewer',
      label: 'Reviewer',
      name: 'Dev Patel',
      description: 'Reads and reviews assessments (Security, SRE); no spend.',
    },
  ];
  const scopesOf: Record<DemoUserId, Scope[]> = {
    admin: ALL,
    member: MEMBER_NO_SPEND,
    reviewer: [...READ, 'sessions:review', 'embed:mint'],
  };
  const result: DemoUser[] = [];
  for (const user of users) {
    const memberId = DEMO_PERSONAS[user.id];
    const serverToken = demoToken(settings, `host_server_${user.id}`);
    await upsertToken(server.db, serverToken, {
      label: `demo host server (${user.id})`,
      principal: 'member',
      memberId,
      scopes: scopesOf[user.id],
    });
    const browserScopes = scopesOf[user.id].filter((scope) => scope !== 'embed:mint');
    const browserToken = demoToken(settings, `host_browser_${user.id}`);
    await upsertToken(server.db, browserToken, {
      label: `demo host browser (${user.id})`,
      principal: 'member',
      memberId,
      scopes: browserScopes,
    });
    result.push({ ...user, serverToken, browserToken, browserScopes });
  }
  return result;
}

/** What the browser of `user` may know. */
export function hostSession(user: DemoUser, users: readonly DemoUser[]): HostSession {
  const describe = ({ id, label, name, description }: DemoUser) => ({ id, label, name, description });
  return {
    user: { ...describe(user), scopes: [...user.browserScopes] },
    users: users.map(describe),
    token: user.browserToken,
  };
}

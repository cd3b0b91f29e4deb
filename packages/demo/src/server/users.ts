import { Scope } from '@session-lens/sdk';
import { upsertToken, type RunningServer } from '@session-lens/server';
import { demoToken } from '@session-lens/server/demo';
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
 * Maps the three users of the switcher to real tokens of the reference server. The admin uses the
 * bootstrap admin token and the member without spend the seed's token; the reviewer, whom the
 * seed lacks, gets a token registered here. Each user's browser token is registered here too,
 * derived from the workspace secret (the same data directory keeps the same tokens), with the
 * user's scopes minus `embed:mint`: only the host's server mints.
 */
export async function demoUsers(server: RunningServer): Promise<DemoUser[]> {
  const demo = server.tokens.demo;
  if (!demo) throw new Error('The demo host needs the reference server started with seed: "demo".');
  const { settings } = server.lens;
  const reviewerToken = demoToken(settings, 'host_reviewer');
  await upsertToken(server.db, reviewerToken, {
    label: 'demo host reviewer',
    principal: 'member',
    memberId: 'm_elena',
    scopes: [...READ, 'sessions:review', 'embed:mint'],
  });
  const users: Omit<DemoUser, 'browserToken' | 'browserScopes'>[] = [
    {
      id: 'admin',
      label: 'Admin',
      name: 'Workspace Admin',
      description: 'Every scope: sees every session and its cost.',
      serverToken: server.tokens.admin,
    },
    {
      id: 'member',
      label: 'Member without spend',
      name: 'Ben Okafor',
      description: 'Starts and manages work, but cost is hidden everywhere.',
      serverToken: demo.memberNoSpend,
    },
    {
      id: 'reviewer',
      label: 'Reviewer',
      name: 'Elena Petrova',
      description: 'Reads and reviews assessments (Security, Platform); no spend.',
      serverToken: reviewerToken,
    },
  ];
  const scopesOf: Record<DemoUserId, Scope[]> = {
    admin: ALL,
    member: MEMBER_NO_SPEND,
    reviewer: [...READ, 'sessions:review', 'embed:mint'],
  };
  const memberOf: Record<DemoUserId, string> = { admin: 'm_admin', member: 'm_ben', reviewer: 'm_elena' };
  const result: DemoUser[] = [];
  for (const user of users) {
    const browserScopes = scopesOf[user.id].filter((scope) => scope !== 'embed:mint');
    const browserToken = demoToken(settings, `host_browser_${user.id}`);
    await upsertToken(server.db, browserToken, {
      label: `demo host browser (${user.id})`,
      principal: 'member',
      memberId: memberOf[user.id],
      scopes: browserScopes,
    });
    result.push({ ...user, browserToken, browserScopes });
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

import type { Me } from '@session-lens/sdk/contract';
import { listMembers, memberAsSeenBy } from '../auth/member-policy.js';
import type { AppDeps, Handlers } from './context.js';

/** Who is in the workspace and who the caller is (`/v1/members`, `/v1/me`). */
export function memberHandlers({
  db,
  settings,
}: Pick<AppDeps, 'db' | 'settings'>): Pick<Handlers, 'listMembers' | 'getMe'> {
  return {
    listMembers: async ({ principal }) => listMembers(db, principal),
    getMe: async ({ principal }) => {
      const me: Me = {
        principal: principal.kind,
        member: memberAsSeenBy(principal, principal.member),
        scopes: [...principal.scopes],
        ...(principal.embed ? { embed: principal.embed } : {}),
        settings: { workspaceName: settings.workspaceName, spendTracking: settings.spendTracking },
      };
      return me;
    },
  };
}
